package app.backcoach.telegram;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.backcoach.intake.IntakeDispatcher;
import app.backcoach.sandbox.SandboxProfile;
import app.backcoach.sender.OutboxDispatcher;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Stopping, in the sandbox where the bot polls its own HTTP server: Quarkus' pre-shutdown step (fired
 * while the HTTP server still answers) stops polling, handling and sending, and nothing logs an ERROR.
 * Before, all of it waited for the ShutdownEvent, after the HTTP server had closed: the poller logged
 * an ERROR stack trace and the shutdown waited 10 s for the stand-in's open long poll.
 */
@QuarkusTest
@TestProfile(CleanStopTest.Stopping.class)
class CleanStopTest {

    /** Its own start, since this test stops delivery for good. */
    public static class Stopping extends SandboxProfile {
    }

    private static final Path LOG_FILE = Path.of("target", "test-logs", "back-coach.log");

    @Inject
    Event<ShutdownDelayInitiatedEvent> shutdownStarting;

    @Inject
    PollingIntake polling;

    @Inject
    IntakeDispatcher intake;

    @Inject
    OutboxDispatcher outbox;

    @Test
    void theStartOfShutdownStopsDeliveryWhileTheStandInStillAnswersWithoutAnError() throws IOException {
        await().atMost(Duration.ofSeconds(30)).until(() -> polling.isRunning() && intake.isRunning() && outbox.isRunning());
        given().contentType(ContentType.JSON).body(Map.of("text", "/help"))
                .post(SandboxProfile.baseUrl() + "sandbox/api/chats/1002/messages").then().statusCode(200);
        long logBefore = Files.size(LOG_FILE);

        shutdownStarting.fire(new ShutdownDelayInitiatedEvent());

        assertThat(polling.isRunning()).isFalse();
        assertThat(intake.isRunning()).isFalse();
        assertThat(outbox.isRunning()).isFalse();
        assertThat(logSince(logBefore)).doesNotContain(" ERROR ");
    }

    private static String logSince(long position) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(LOG_FILE.toFile(), "r")) {
            file.seek(position);
            byte[] rest = new byte[(int) (file.length() - position)];
            file.readFully(rest);
            return new String(rest, StandardCharsets.UTF_8);
        }
    }
}
