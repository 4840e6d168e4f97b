package app.backcoach.privacy;

import static app.backcoach.testing.Chats.awaitReply;
import static app.backcoach.testing.Chats.newChat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.backcoach.testing.ChatScreen;
import app.backcoach.testing.FakeBotApi;
import app.backcoach.user.BotUser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** /privacy, /export and /delete, end to end; /delete is checked against every table in the schema. */
@QuarkusTest
class PrivacyRightsTest {

    private final FakeBotApi fake = FakeBotApi.instance();

    @Inject
    DataSource dataSource;

    @Test
    void privacyExplainsWhatIsStoredWhyAndHowLong() {
        long chat = newChat();
        fake.pushText(chat, "/privacy");

        assertThat(awaitReply(chat)).contains("what I store", "7 days", "/export", "/delete", "only with your consent",
                "Policy version " + PrivacyPolicy.VERSION);
    }

    @Test
    void exportSendsEverythingStoredAsADocumentedJsonFile() throws Exception {
        long chat = newChat();
        fake.pushText(chat, "/start");
        awaitReply(chat);
        fake.pushText(chat, "/export");

        FakeBotApi.Call upload = await().atMost(Duration.ofSeconds(20)).until(
                () -> fake.calls("sendDocument").stream().filter(c -> c.chatId() != null && c.chatId() == chat)
                        .findFirst().orElse(null),
                call -> call != null);

        assertThat(upload.httpStatus()).isEqualTo(200);
        assertThat(FakeBotApi.documentName(upload)).matches("back-coach-export-\\d{4}-\\d{2}-\\d{2}\\.json");
        JsonNode export = new ObjectMapper().readTree(FakeBotApi.documentContent(upload));
        assertThat(export.path("format").asText()).isEqualTo(PersonalDataService.FORMAT);
        assertThat(export.path("formatVersion").asInt()).isEqualTo(1);
        assertThat(export.path("privacyPolicyVersion").asText()).isEqualTo(PrivacyPolicy.VERSION);
        assertThat(export.path("user").path("telegramUserId").asLong()).isEqualTo(chat);
        assertThat(export.path("user").path("languageCode").asText()).isEqualTo("en");
        assertThat(export.path("messages").isArray()).isTrue();
        assertThat(export.path("messages").path(0).path("message").path("html").asText()).contains("Back Coach");
        assertThat(export.path("updates").isArray()).isTrue();
        assertThat(upload.params().path("caption").asText()).contains("Your data export");
    }

    @Test
    void keepingTheDataChangesNothing() {
        long chat = newChat();
        fake.pushText(chat, "/delete");
        awaitReply(chat);
        FakeBotApi.Call question = fake.sentMessages(chat).get(0);
        assertThat(question.params().path("reply_markup").toString()).contains("erase:yes", "erase:no");

        fake.pushCallback(chat, 1, "erase:no");

        await().atMost(Duration.ofSeconds(20)).until(() -> fake.calls("editMessageText").stream()
                .anyMatch(c -> c.chatId() != null && c.chatId() == chat && c.text().contains("Nothing was deleted")));
        BotUser user = QuarkusTransaction.requiringNew().call(() -> BotUser.<BotUser>findById(chat));
        assertThat(user).isNotNull();
    }

    @Test
    void anEraseTapWithoutItsQuestionErasesNothing() {
        long chat = newChat();
        fake.pushText(chat, "/start");
        awaitReply(chat);

        // A crafted tap: erase:yes, with no /delete before it.
        int tap = fake.pushCallback(chat, 1, "erase:yes");

        await().atMost(Duration.ofSeconds(20)).until(() -> fake.answeredCallbackQueries().contains("cq" + tap));
        assertThat(QuarkusTransaction.requiringNew().call(() -> BotUser.<BotUser>findById(chat))).isNotNull();
        assertThat(fake.sentMessages(chat)).extracting(FakeBotApi.Call::text)
                .noneMatch(text -> text.contains("erased"));
    }

    @Test
    void onceErasedTheQuestionLosesItsButtonsAndAStaleTapWritesNothing() throws Exception {
        long chat = newChat();
        ChatScreen screen = new ChatScreen(fake, chat);
        fake.pushText(chat, "/delete");
        JsonNode question = screen.awaitMessage("Erase everything?");
        screen.tap("Erase everything?", "erase:yes");
        screen.awaitMessage("everything I stored about you is erased");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(rowsAbout(chat)).isEmpty());

        // The question is still in the chat, without its buttons.
        JsonNode after = screen.messages().stream()
                .filter(m -> m.path("message_id").asLong() == question.path("message_id").asLong()).findFirst().orElseThrow();
        assertThat(screen.buttons(after)).isEmpty();

        // A tap on it from before (a slow client, a second device) brings nothing back.
        int stale = fake.pushCallback(chat, question.path("message_id").asLong(), "erase:no");
        await().atMost(Duration.ofSeconds(20)).until(() -> fake.answeredCallbackQueries().contains("cq" + stale));
        await().pollDelay(Duration.ofMillis(500)).until(() -> true);
        assertThat(rowsAbout(chat).keySet()).doesNotContain("bot_user.telegram_user_id");
        assertThat(fake.calls("editMessageText")).noneMatch(c -> Long.valueOf(chat).equals(c.chatId()));
    }

    @Test
    void deleteErasesEveryRowAboutTheUserInEveryTable() throws Exception {
        long chat = newChat();
        ChatScreen screen = new ChatScreen(fake, chat);
        // Something in every kind of table: user, consent, a finished screen, updates, messages.
        fake.pushText(chat, "/start");
        screen.tap("Your consent", "dlg:cs.consent.agree");
        List<String> questions = List.of("rf-emergency", "rf-today", "rf-history", "rf-pattern", "rf-age");
        for (int i = 0; i < questions.size(); i++) {
            screen.tap("Safety check · " + (i + 1) + " of 5", "dlg:rf." + questions.get(i) + ".no");
        }
        screen.awaitMessage("stands in the way");
        fake.pushText(chat, "/start");
        fake.pushText(chat, "I sometimes wake up stiff");
        fake.pushText(chat, "/delete");
        screen.awaitMessage("Erase everything?");
        assertThat(rowsAbout(chat).keySet()).contains("bot_user.telegram_user_id", "consent_record.telegram_user_id",
                "safety_screen.telegram_user_id", "inbox_update.chat_id", "outbox_message.chat_id");

        screen.tap("Erase everything?", "erase:yes");

        screen.awaitMessage("everything I stored about you is erased");
        // The confirmation itself is ephemeral: its outbox row goes once it is delivered.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(rowsAbout(chat)).isEmpty());
        assertThat(userKeyedTables()).contains("bot_user.telegram_user_id", "inbox_update.chat_id", "outbox_message.chat_id");
    }

    /** Every table with a column that names a user or chat, and how many rows each keeps about {@code id}. */
    private Map<String, Integer> rowsAbout(long id) throws Exception {
        Map<String, Integer> rows = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            for (String column : userKeyedTables()) {
                String[] parts = column.split("\\.");
                try (PreparedStatement count = connection.prepareStatement(
                        "SELECT COUNT(*) FROM `" + parts[0] + "` WHERE `" + parts[1] + "` = ?")) {
                    count.setLong(1, id);
                    try (ResultSet result = count.executeQuery()) {
                        result.next();
                        if (result.getInt(1) > 0) {
                            rows.put(column, result.getInt(1));
                        }
                    }
                }
            }
        }
        return rows;
    }

    private List<String> userKeyedTables() throws Exception {
        List<String> columns = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("""
                     SELECT table_name, column_name FROM information_schema.columns
                     WHERE table_schema = DATABASE()
                       AND (column_name LIKE '%user_id' OR column_name LIKE '%chat_id')
                     ORDER BY table_name, column_name""");
             ResultSet result = query.executeQuery()) {
            while (result.next()) {
                columns.add(result.getString(1) + "." + result.getString(2));
            }
        }
        return columns;
    }
}
