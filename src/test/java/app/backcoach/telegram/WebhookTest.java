package app.backcoach.telegram;

import static app.backcoach.testing.Chats.awaitReply;
import static app.backcoach.testing.Chats.newChat;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.backcoach.intake.InboxStatus;
import app.backcoach.intake.InboxUpdate;
import app.backcoach.testing.FakeBotApi;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(WebhookTest.WebhookMode.class)
class WebhookTest {

    static final String SECRET = "webhook-Secret_0123456789";
    static final String URL = "https://coach.example.org/telegram/webhook";
    // From the wall clock, so a database kept from a recent run does not take these ids for redeliveries.
    private static final AtomicInteger NEXT_UPDATE =
            new AtomicInteger(900_000_000 + (int) (System.currentTimeMillis() / 1000 % 100_000) * 1000);

    public static class WebhookMode implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("bot.mode", "webhook", "bot.webhook.url", URL, "bot.webhook.secret", SECRET);
        }
    }

    private final FakeBotApi fake = FakeBotApi.instance();

    @jakarta.inject.Inject
    javax.sql.DataSource dataSource;

    @Test
    void startupRegistersTheWebhookWithItsSecretAndUpdateTypes() {
        FakeBotApi.Call registration = fake.awaitCalls("setwebhook", 1, Duration.ofSeconds(20)).get(0);

        assertThat(registration.params().path("url").asText()).isEqualTo(URL);
        assertThat(registration.params().path("secret_token").asText()).isEqualTo(SECRET);
        assertThat(registration.params().path("allowed_updates").toString())
                .contains("message", "callback_query", "my_chat_member");
    }

    @Test
    void aWrongOrMissingSecretIsRefusedAndNothingIsStored() {
        long chat = newChat();
        int updateId = NEXT_UPDATE.incrementAndGet();

        post(update(updateId, chat, "/start"), "wrong-secret").then().statusCode(401);
        given().contentType("application/json").body(update(updateId, chat, "/start"))
                .post("/telegram/webhook").then().statusCode(401);
        post(update(updateId, chat, "/start"), SECRET.substring(1)).then().statusCode(401);

        assertThat(stored(updateId)).isFalse();
    }

    @Test
    void anUpdateIsStoredBeforeTheAnswerAndHandledOnceEvenIfPostedTwice() {
        long chat = newChat();
        int updateId = NEXT_UPDATE.incrementAndGet();
        String body = update(updateId, chat, "/start");

        post(body, SECRET).then().statusCode(200);
        assertThat(stored(updateId)).isTrue();
        post(body, SECRET).then().statusCode(200);

        assertThat(awaitReply(chat)).contains("Back Coach");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> fake.sentMessages(chat).size() == 2); // the welcome and the consent question, once
    }

    @Test
    void whenTheDatabaseCannotStoreItTelegramIsToldToRetry() throws Exception {
        long chat = newChat();
        int updateId = NEXT_UPDATE.incrementAndGet();
        execute("RENAME TABLE inbox_update TO inbox_update_hidden");
        try {
            post(update(updateId, chat, "/start"), SECRET).then().statusCode(503);
        } finally {
            execute("RENAME TABLE inbox_update_hidden TO inbox_update");
        }

        post(update(updateId, chat, "/start"), SECRET).then().statusCode(200);
        assertThat(awaitReply(chat)).contains("Back Coach");
    }

    @Test
    void anUnreadableBodyIsRefusedWithoutBeingStored() {
        post("{not json", SECRET).then().statusCode(400);
    }

    /** Not an update at all: refused with 400 (not 503, which Telegram would repeat forever, nor a 500). */
    @Test
    void aBodyThatIsNoUpdateIsRefusedPlainly() {
        post("{}", SECRET).then().statusCode(400).body(org.hamcrest.Matchers.emptyString());
        post("null", SECRET).then().statusCode(400).body(org.hamcrest.Matchers.emptyString());
        post("[]", SECRET).then().statusCode(400);
    }

    /** An update with an id whose content is of no use is kept (so a redelivery is recognised) and ignored. */
    @Test
    void anUpdateWithoutUsableContentIsKeptAndIgnored() {
        int updateId = NEXT_UPDATE.incrementAndGet();
        int withBrokenTap = NEXT_UPDATE.incrementAndGet();

        post("{\"update_id\": " + updateId + "}", SECRET).then().statusCode(200);
        post("{\"update_id\": " + withBrokenTap + ", \"callback_query\": {\"id\": \"x\"}}", SECRET).then().statusCode(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> status(updateId) == InboxStatus.DONE
                && status(withBrokenTap) == InboxStatus.DONE);
    }

    private static InboxStatus status(long updateId) {
        return QuarkusTransaction.requiringNew().call(() -> InboxUpdate.<InboxUpdate>findByIdOptional(updateId)
                .map(update -> update.status).orElse(null));
    }

    private static io.restassured.response.Response post(String body, String secret) {
        return given().contentType("application/json")
                .header(WebhookResource.SECRET_HEADER, secret)
                .body(body)
                .post("/telegram/webhook");
    }

    private void execute(String sql) throws Exception {
        try (java.sql.Connection connection = dataSource.getConnection();
             java.sql.Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static boolean stored(long updateId) {
        return QuarkusTransaction.requiringNew().call(() -> InboxUpdate.findById(updateId) != null);
    }

    private static String update(int updateId, long chat, String text) {
        return """
                {"update_id": %d, "message": {"message_id": 1, "date": 1767225600,
                 "chat": {"id": %d, "type": "private", "first_name": "Test"},
                 "from": {"id": %d, "is_bot": false, "first_name": "Test", "language_code": "en"},
                 "text": "%s", "entities": [{"type": "bot_command", "offset": 0, "length": %d}]}}"""
                .formatted(updateId, chat, chat, text, text.length());
    }
}
