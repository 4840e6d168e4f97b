package app.backcoach.sandbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/** The sandbox without a browser: the page's API, the stand-in's Telegram rules, its access rules. */
@QuarkusTest
@TestProfile(SandboxProfile.class)
class SandboxTest {

    @Inject
    SandboxMode mode;

    @Inject
    SandboxBotApi api;

    @Test
    void thePageIsServedAtTheRoot() {
        given().get(SandboxProfile.baseUrl()).then().statusCode(200).contentType(ContentType.HTML);
    }

    @Test
    void aUserTalksToTheRealBotThroughTheStandIn() {
        long user = 1003;
        given().contentType(ContentType.JSON).body(Map.of("text", "/start"))
                .post(SandboxProfile.baseUrl() + "sandbox/api/chats/" + user + "/messages")
                .then().statusCode(200).body(containsString("/start"));

        JsonPath welcome = await().atMost(Duration.ofSeconds(20)).until(() -> lastBotMessage(user),
                message -> message != null && message.getString("html").contains("Back Coach"));
        assertThat(welcome.getString("keyboard[0][0].callbackData")).isEqualTo("help:show");

        given().contentType(ContentType.JSON).body(Map.of("messageId", welcome.getLong("id"), "data", "help:show"))
                .post(SandboxProfile.baseUrl() + "sandbox/api/chats/" + user + "/callbacks")
                .then().statusCode(202);

        await().atMost(Duration.ofSeconds(20)).until(() -> lastBotMessage(user),
                message -> message != null && message.getString("html").contains("What I can do"));
        assertThat(api.commands()).hasSize(13);
    }

    @Test
    void tapsOnButtonsThatDoNotExistAreRefused() {
        given().contentType(ContentType.JSON).body(Map.of("messageId", 999_999, "data", "help:show"))
                .post(SandboxProfile.baseUrl() + "sandbox/api/chats/1001/callbacks")
                .then().statusCode(404);
    }

    @Test
    void theStandInRefusesWhatTelegramWouldAndWarnsThePage() {
        OkHttpTelegramClient bot = new OkHttpTelegramClient(mode.token(),
                new TelegramUrl("http", "127.0.0.1", SandboxProfile.PORT, false));

        assertThat(refusal(bot, SendMessage.builder().chatId(1002L).text("<div>x</div>").parseMode(ParseMode.HTML).build()))
                .contains("can't parse entities");
        assertThat(refusal(bot, SendMessage.builder().chatId(1002L).text("x".repeat(4097)).build()))
                .contains("too long");
        assertThat(refusal(bot, SendMessage.builder().chatId(42L).text("hi").build()))
                .contains("chat not found");
    }

    @Test
    void theStandInAnswersOnlyTheBotOfThisProcess() {
        given().contentType(ContentType.JSON).body("{}")
                .post(SandboxProfile.baseUrl() + "bot123:guessed/getMe")
                .then().statusCode(404);
        given().contentType(ContentType.JSON).body("{}")
                .post(SandboxProfile.baseUrl() + "bot" + mode.token() + "/getMe")
                .then().statusCode(200).body(containsString("\"is_bot\":true"));
    }

    private static String refusal(OkHttpTelegramClient bot, SendMessage message) {
        try {
            bot.execute(message);
            throw new AssertionError("The stand-in accepted " + message.getText().length() + " characters");
        } catch (TelegramApiRequestException e) {
            assertThat(e.getErrorCode()).isEqualTo(400);
            return e.getApiResponse();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static JsonPath lastBotMessage(long user) {
        JsonPath history = given().get(SandboxProfile.baseUrl() + "sandbox/api/chats/" + user + "/messages")
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> bot = history.getList("findAll { it.from == 'bot' }");
        return bot.isEmpty() ? null : new JsonPath(new com.fasterxml.jackson.databind.ObjectMapper()
                .valueToTree(bot.get(bot.size() - 1)).toString());
    }
}
