package app.backcoach.intake;

import static app.backcoach.testing.Chats.awaitReply;
import static app.backcoach.testing.Chats.newChat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.backcoach.testing.FakeBotApi;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** An update whose handling always fails is retried, parked by id, and holds up nobody else. */
@QuarkusTest
class PoisonUpdateTest {

    private static final Path LOG_FILE = Path.of("target", "test-logs", "back-coach.log");
    private final FakeBotApi fake = FakeBotApi.instance();

    @Inject
    DataSource dataSource;

    @Test
    void aFailingUpdateIsParkedAfterRetriesWhileOtherChatsCarryOn() throws Exception {
        long poisoned = newChat();
        long healthy = newChat();
        // A real failure inside the handling transaction: the database refuses to mark it done.
        execute("CREATE TRIGGER poison_" + poisoned + " BEFORE UPDATE ON inbox_update FOR EACH ROW "
                + "BEGIN IF NEW.chat_id = " + poisoned + " AND NEW.status = 'DONE' THEN "
                + "SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'poisoned'; END IF; END");
        try {
            int poison = fake.pushText(poisoned, "/start private-words-never-logged");
            fake.pushText(healthy, "/start");

            assertThat(awaitReply(healthy)).contains("Back Coach");
            await().atMost(Duration.ofSeconds(30)).until(() -> status(poison) == InboxStatus.PARKED);

            InboxUpdate parked = QuarkusTransaction.requiringNew().call(() -> InboxUpdate.findById((long) poison));
            assertThat(parked.attempts).isEqualTo(5);
            assertThat(fake.sentMessages(poisoned)).isEmpty();
            String log = Files.readString(LOG_FILE);
            assertThat(log).contains("Update " + poison + " parked after 5 failed attempts")
                    .doesNotContain("private-words-never-logged");
        } finally {
            execute("DROP TRIGGER poison_" + poisoned);
        }

        // The chat is not stuck behind its parked update.
        fake.pushText(poisoned, "/help");
        assertThat(awaitReply(poisoned)).contains("What I can do");
    }

    /** Telegram's language_code is free text to us: one that fits no column is not stored, and the person is answered. */
    @Test
    void anOverlongLanguageCodeIsIgnoredAndThePersonAnswered() {
        long chat = newChat();
        com.fasterxml.jackson.databind.node.ObjectNode update = new com.fasterxml.jackson.databind.ObjectMapper()
                .createObjectNode();
        com.fasterxml.jackson.databind.node.ObjectNode message = update.putObject("message");
        message.put("message_id", 1).put("date", 1_767_225_600L).put("text", "/help");
        message.putObject("chat").put("id", chat).put("type", "private").put("first_name", "Test");
        message.putObject("from").put("id", chat).put("is_bot", false).put("first_name", "Test")
                .put("language_code", "x".repeat(35));
        message.putArray("entities").addObject().put("type", "bot_command").put("offset", 0).put("length", 5);
        int updateId = fake.pushRaw(update);

        assertThat(awaitReply(chat)).contains("What I can do");
        assertThat(status(updateId)).isEqualTo(InboxStatus.DONE);
        assertThat(QuarkusTransaction.requiringNew().call(() ->
                app.backcoach.user.BotUser.<app.backcoach.user.BotUser>findById(chat).languageCode)).isNull();
    }

    private InboxStatus status(long updateId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            InboxUpdate update = InboxUpdate.findById(updateId);
            return update == null ? null : update.status;
        });
    }

    private void execute(String sql) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
