package app.backcoach.sandbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import app.backcoach.intake.InboxService;
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
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.DeleteMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/** The sandbox without a browser: the page's API, the stand-in's Telegram rules, its access rules. */
@QuarkusTest
@TestProfile(SandboxProfile.class)
class SandboxTest {

    @Inject
    SandboxMode mode;

    @Inject
    SandboxBotApi api;

    @Inject
    InboxService inbox;

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

        JsonPath welcome = await().atMost(Duration.ofSeconds(20)).until(() -> botMessage(user, "Back Coach"),
                message -> message != null);
        assertThat(welcome.getString("keyboard[0][0].callbackData")).isEqualTo("help:show");

        given().contentType(ContentType.JSON).body(Map.of("messageId", welcome.getLong("id"), "data", "help:show"))
                .post(SandboxProfile.baseUrl() + "sandbox/api/chats/" + user + "/callbacks")
                .then().statusCode(202);

        await().atMost(Duration.ofSeconds(20)).until(() -> botMessage(user, "What I can do"), message -> message != null);
        // The stand-in received the whole menu, as Telegram would.
        assertThat(api.commands()).extracting(command -> command.command())
                .containsExactlyElementsOf(java.util.Arrays.stream(app.backcoach.chat.CommandName.values())
                        .filter(app.backcoach.chat.CommandName::inMenu)
                        .map(app.backcoach.chat.CommandName::command).toList());
    }

    @Test
    void aSharedLocationReachesTheBotAsTelegramWouldSendIt() {
        given().contentType(ContentType.JSON).body(Map.of("latitude", 48.2082, "longitude", 16.3738))
                .post(SandboxProfile.baseUrl() + "sandbox/api/chats/1003/locations")
                .then().statusCode(200).body(containsString("\"latitude\":48.2082"));
        given().contentType(ContentType.JSON).body(Map.of("latitude", 95, "longitude", 0))
                .post(SandboxProfile.baseUrl() + "sandbox/api/chats/1003/locations")
                .then().statusCode(400);

        await().atMost(Duration.ofSeconds(20)).until(() -> botMessage(1003, "only use a location") != null);
    }

    @Test
    void aRestartShowsTheChatAgainAndNewMessagesAreAnswered() {
        long user = 1001;
        say(user, "/help");
        await().atMost(Duration.ofSeconds(20)).until(() -> botMessage(user, "What I can do") != null);
        List<Long> before = history(user).getList("id", Long.class);
        long highestUpdate = inbox.highestUpdateId();

        api.restore(); // what the next start does: from the database, numbering included

        assertThat(history(user).getList("id", Long.class)).isEqualTo(before);
        say(user, "/help");
        await().atMost(Duration.ofSeconds(20)).until(() -> history(user).getList("findAll { it.from == 'bot' }.html",
                String.class).stream().filter(html -> html.contains("What I can do")).count() >= 2
                && history(user).getList("id", Long.class).size() > before.size() + 1);
        assertThat(inbox.highestUpdateId()).isGreaterThan(highestUpdate);
    }

    @Test
    void tapsOnButtonsThatDoNotExistAreRefused() {
        given().contentType(ContentType.JSON).body(Map.of("messageId", 999_999, "data", "help:show"))
                .post(SandboxProfile.baseUrl() + "sandbox/api/chats/1001/callbacks")
                .then().statusCode(404);
    }

    @Test
    void theStandInRefusesWhatTelegramWouldAndWarnsThePage() {
        OkHttpTelegramClient bot = botClient();

        assertThat(refusal(bot, SendMessage.builder().chatId(1002L).text("<div>x</div>").parseMode(ParseMode.HTML).build()))
                .contains("can't parse entities");
        assertThat(refusal(bot, SendMessage.builder().chatId(1002L).text("x".repeat(4097)).build()))
                .contains("too long");
        assertThat(refusal(bot, SendMessage.builder().chatId(42L).text("hi").build()))
                .contains("chat not found");
    }

    @Test
    void editsDeletesPhotosAndDocumentsShowInTheChat() throws Exception {
        OkHttpTelegramClient bot = botClient();
        long chat = 1002;
        Message sent = bot.execute(SendMessage.builder().chatId(chat).text("<b>Draft</b>").parseMode(ParseMode.HTML).build());
        bot.execute(EditMessageText.builder().chatId(chat).messageId(sent.getMessageId()).text("<b>Final</b>")
                .parseMode(ParseMode.HTML).build());
        Message doomed = bot.execute(SendMessage.builder().chatId(chat).text("gone soon").build());
        bot.execute(DeleteMessage.builder().chatId(chat).messageId(doomed.getMessageId()).build());
        byte[] png = getClass().getResourceAsStream("/sandbox-test/pixel.png").readAllBytes();
        bot.execute(SendPhoto.builder().chatId(chat).photo(new InputFile(new java.io.ByteArrayInputStream(png), "chart.png"))
                .caption("<i>Your week</i>").parseMode(ParseMode.HTML).build());
        bot.execute(SendDocument.builder().chatId(chat)
                .document(new InputFile(new java.io.ByteArrayInputStream("{\"a\":1}".getBytes()), "export.json")).build());

        JsonPath history = given().get(SandboxProfile.baseUrl() + "sandbox/api/chats/" + chat + "/messages")
                .then().statusCode(200).extract().jsonPath();

        assertThat(history.getList("html", String.class)).contains("<b>Final</b>").doesNotContain("<b>Draft</b>", "gone soon");
        assertThat(history.getBoolean("find { it.html == '<b>Final</b>' }.edited")).isTrue();
        String photoUrl = history.getString("find { it.photo != null }.photo.url");
        assertThat(history.getString("find { it.photo != null }.photo.caption")).isEqualTo("<i>Your week</i>");
        assertThat(given().get(SandboxProfile.baseUrl() + photoUrl).then().statusCode(200).extract().asByteArray())
                .isEqualTo(png);
        assertThat(history.getString("find { it.document != null }.document.fileName")).isEqualTo("export.json");
    }

    @Test
    void floodingOneChatGetsA429LikeTelegram() throws Exception {
        OkHttpTelegramClient bot = botClient();
        TelegramApiRequestException limited = null;
        for (int i = 0; i < SandboxBotApi.PER_CHAT_PER_SECOND + 1 && limited == null; i++) {
            try {
                bot.execute(SendMessage.builder().chatId(1002L).text("burst " + i).build());
            } catch (TelegramApiRequestException e) {
                limited = e;
            }
        }

        assertThat(limited).isNotNull();
        assertThat(limited.getErrorCode()).isEqualTo(429);
        assertThat(limited.getParameters().getRetryAfter()).isEqualTo(1);
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

    private OkHttpTelegramClient botClient() {
        return new OkHttpTelegramClient(mode.token(), new TelegramUrl("http", "127.0.0.1", SandboxProfile.PORT, false));
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

    private static void say(long user, String text) {
        given().contentType(ContentType.JSON).body(Map.of("text", text))
                .post(SandboxProfile.baseUrl() + "sandbox/api/chats/" + user + "/messages")
                .then().statusCode(200);
    }

    private static JsonPath history(long user) {
        return given().get(SandboxProfile.baseUrl() + "sandbox/api/chats/" + user + "/messages")
                .then().statusCode(200).extract().jsonPath();
    }

    /** The newest bot message in the user's chat whose HTML contains {@code text}, or null. */
    private static JsonPath botMessage(long user, String text) {
        JsonPath history = given().get(SandboxProfile.baseUrl() + "sandbox/api/chats/" + user + "/messages")
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> bot = history.getList("findAll { it.from == 'bot' }");
        for (int i = bot.size() - 1; i >= 0; i--) {
            if (String.valueOf(bot.get(i).get("html")).contains(text)) {
                return new JsonPath(new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(bot.get(i)).toString());
            }
        }
        return null;
    }
}
