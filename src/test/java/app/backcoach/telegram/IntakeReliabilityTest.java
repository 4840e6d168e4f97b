package app.backcoach.telegram;

import static app.backcoach.testing.Chats.awaitReplies;
import static app.backcoach.testing.Chats.awaitReply;
import static app.backcoach.testing.Chats.newChat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.backcoach.chat.CommandName;
import app.backcoach.intake.InboxStatus;
import app.backcoach.intake.InboxUpdate;
import app.backcoach.testing.FakeBotApi;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** No update lost, none handled twice, one chat's updates in order: through real long polling. */
@QuarkusTest
class IntakeReliabilityTest {

    private final FakeBotApi fake = FakeBotApi.instance();

    @Inject
    PollingIntake polling;

    @Inject
    DataSource dataSource;

    @AfterEach
    void pollingRuns() throws SQLException {
        restoreInboxTable();
        polling.start();
    }

    @Test
    void aRedeliveredUpdateIsHandledOnce() {
        long chat = newChat();
        int updateId = fake.pushText(chat, "/start");
        awaitReply(chat);
        await().until(() -> fake.confirmedUpToExclusive() > updateId);

        // As after a crash before the confirming poll: Telegram delivers the same update again.
        polling.stop();
        fake.pushDuplicate(updateId);
        int marker = fake.pushText(chat, "/help");
        polling.start();

        // /start answers with the welcome and the consent question; then /help, and nothing twice.
        List<String> replies = awaitReplies(chat, 3);
        await().until(() -> fake.confirmedUpToExclusive() > marker);
        assertThat(replies.get(2)).contains("What I can do");
        assertThat(fake.sentMessages(chat)).hasSize(3);
    }

    @Test
    void aCrashWhileTheDatabaseIsDownLosesNothing() throws Exception {
        long chat = newChat();
        hideInboxTable(); // a real database failure: inserts into the inbox fail
        int updateId = fake.pushText(chat, "/start");

        // The poller received the update but cannot store it, so it must not confirm it.
        await().atMost(Duration.ofSeconds(10)).until(() -> fake.deliveredUpdateIds().contains(updateId));
        Thread.sleep(500); // a few storage retries happen meanwhile
        assertThat(fake.confirmedUpToExclusive()).isLessThanOrEqualTo(updateId);
        assertThat(fake.sentMessages(chat)).isEmpty();

        polling.stop(); // the crash
        restoreInboxTable();
        polling.start(); // the restart: Telegram delivers what was never confirmed

        assertThat(awaitReply(chat)).contains("Back Coach");
        await().until(() -> fake.confirmedUpToExclusive() > updateId);
        assertThat(inboxStatus(updateId)).isEqualTo(InboxStatus.DONE);
        assertThat(awaitReplies(chat, 2)).hasSize(2); // the welcome and the consent question, once
    }

    @Test
    void oneChatsUpdatesStayInOrderUnderLoadFromManyChats() {
        // Every menu command that answers with a text (/export answers with a file).
        List<CommandName> sequence = Arrays.stream(CommandName.values())
                .filter(c -> c.inMenu() && c != CommandName.EXPORT).toList();
        Map<Long, List<String>> expected = new LinkedHashMap<>();
        for (int i = 0; i < 25; i++) {
            expected.put(newChat(), new ArrayList<>());
        }
        // Interleaved like real traffic: every chat's first command, then every chat's second …
        for (CommandName command : sequence) {
            for (Map.Entry<Long, List<String>> chat : expected.entrySet()) {
                fake.pushText(chat.getKey(), "/" + command.command());
                chat.getValue().add(command.command());
                if (command == CommandName.START) {
                    chat.getValue().add("consent"); // /start goes on with the consent question
                }
            }
        }

        for (Map.Entry<Long, List<String>> chat : expected.entrySet()) {
            List<String> replies = awaitReplies(chat.getKey(), chat.getValue().size());
            assertThat(replies.stream().map(IntakeReliabilityTest::answeredCommand).toList())
                    .as("replies in chat %d", chat.getKey())
                    .isEqualTo(chat.getValue());
        }
        assertThat(fake.violations()).isEmpty();
    }

    /** Which command a reply answers, from the text only. */
    private static String answeredCommand(String reply) {
        String[] pairs = {"Hi, I’m Back Coach", "start", "What I can do", "help",
                "Privacy: what I store", "privacy", "Erase everything?", "delete", "Your consent", "consent",
                "There are no settings yet", "settings", "nothing to pause yet", "pause",
                "Nothing is paused right now", "resume", "I need your consent first", "checkin",
                "No plan yet today", "today", "no plan to explain yet", "why",
                "Where are you right now?", "travel", "Where do you feel stiff", "stiff",
                "Your flare-up plan for the next 48 hours", "flare",
                "nothing to review yet", "progress", "Short lessons", "learn", "nothing to report yet", "share"};
        Map<String, String> markers = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            markers.put(pairs[i], pairs[i + 1]);
        }
        for (Map.Entry<String, String> marker : markers.entrySet()) {
            if (reply.contains(marker.getKey())) {
                return marker.getValue();
            }
        }
        return Arrays.stream(CommandName.values())
                .filter(name -> reply.startsWith("/" + name.command() + " isn’t ready yet"))
                .map(CommandName::command)
                .findFirst().orElse("? " + reply);
    }

    private InboxStatus inboxStatus(long updateId) {
        return QuarkusTransaction.requiringNew().call(() -> InboxUpdate.<InboxUpdate>findById(updateId).status);
    }

    private void hideInboxTable() throws SQLException {
        execute("RENAME TABLE inbox_update TO inbox_update_hidden");
    }

    private void restoreInboxTable() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            if (statement.executeQuery("SHOW TABLES LIKE 'inbox_update_hidden'").next()) {
                statement.execute("RENAME TABLE inbox_update_hidden TO inbox_update");
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
