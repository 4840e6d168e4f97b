package app.backcoach.ops;

import static app.backcoach.testing.Chats.awaitReply;
import static app.backcoach.testing.Chats.newChat;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import app.backcoach.testing.FakeBotApi;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OperationsTest {

    private static final Path LOG_FILE = Path.of("target", "test-logs", "back-coach.log");
    private final FakeBotApi fake = FakeBotApi.instance();

    @Test
    void readinessIncludesTheDatabase() {
        given().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body(containsString("Database connections health check"));
    }

    @Test
    void metricsCountTrafficAndTimeHandling() {
        long chat = newChat();
        fake.pushText(chat, "/start");
        awaitReply(chat);

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();

        assertThat(metrics).contains("backcoach_updates_received_total", "backcoach_updates_handled_total",
                "backcoach_updates_failed_total", "backcoach_messages_sent_total", "backcoach_telegram_429_total",
                "backcoach_telegram_403_total", "backcoach_update_handling_seconds_bucket");
        assertThat(counter(metrics, "backcoach_messages_sent_total")).isPositive();
    }

    @Test
    void theTokenNeverReachesTheLog() throws IOException {
        // A library printing a request URL, the way Bot API clients do on errors:
        Logger.getLogger("org.telegram.telegrambots").errorf("Request to %s/bot%s/sendMessage failed",
                fake.baseUrl(), FakeBotApi.TOKEN);
        Logger.getLogger("okhttp3").error("call failed", new IOException("POST /bot" + FakeBotApi.TOKEN + "/getUpdates"));
        long chat = newChat();
        fake.pushText(chat, "/start");
        awaitReply(chat);

        String log = Files.readString(LOG_FILE);

        assertThat(log).contains("Request to").contains("/bot***/sendMessage").contains("POST /bot***/getUpdates");
        assertThat(log).doesNotContain(FakeBotApi.TOKEN).doesNotContain(FakeBotApi.TOKEN.split(":")[1]);
    }

    private static double counter(String metrics, String name) {
        return metrics.lines().filter(line -> line.startsWith(name))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
