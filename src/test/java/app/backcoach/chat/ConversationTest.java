package app.backcoach.chat;

import static app.backcoach.testing.Chats.awaitReplies;
import static app.backcoach.testing.Chats.awaitReply;
import static app.backcoach.testing.Chats.newChat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.backcoach.testing.FakeBotApi;
import app.backcoach.user.BotUser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a person sees, end to end: fake Bot API → long polling → inbox → handlers → outbox → fake Bot API. */
@QuarkusTest
class ConversationTest {

    private final FakeBotApi fake = FakeBotApi.instance();

    @Test
    void startGetsTheWelcomeInHtml() {
        long chat = newChat();
        fake.pushText(chat, "/start");

        FakeBotApi.Call reply = awaitCall(chat);

        assertThat(reply.text()).contains("Back Coach").contains("I coach; I don’t diagnose")
                .contains("Get emergency care now, not exercise").contains("See a doctor today");
        assertThat(reply.params().path("parse_mode").asText()).isEqualToIgnoringCase("HTML");
        assertThat(fake.violations()).isEmpty();
    }

    @Test
    void theFirstContactCreatesTheUserWithTheirLanguage() {
        long chat = newChat();
        fake.pushText(chat, "/start");
        awaitReply(chat);

        BotUser user = QuarkusTransaction.requiringNew().call(() -> BotUser.<BotUser>findById(chat));
        assertThat(user).isNotNull();
        assertThat(user.languageCode).isEqualTo("en");
        assertThat(user.blockedAt).isNull();
    }

    @Test
    void helpListsEveryMenuCommandAndNothingIsStillComing() {
        long chat = newChat();
        fake.pushText(chat, "/help");

        String help = awaitReply(chat);

        assertThat(help).contains("/start", "/checkin", "/today", "/why", "/travel", "/stiff", "/progress", "/help",
                "/settings", "/pause", "/resume", "/privacy", "/export", "/delete").doesNotContain("On its way");
    }

    @Test
    void aCommandWithTheBotsNameWorksLikeWithout() {
        long chat = newChat();
        fake.pushText(chat, "/progress@back_coach_test_bot");

        assertThat(awaitReply(chat)).contains("nothing to review yet");
    }

    @Test
    void unknownCommandsAndFreeTextGetAShortPointerToHelp() {
        long chat = newChat();
        fake.pushText(chat, "/dance <now>");
        fake.pushText(chat, "my lower back is stiff");

        List<String> replies = awaitReplies(chat, 2);

        assertThat(replies.get(0)).contains("I don’t know /dance").contains("/help");
        assertThat(replies.get(1)).contains("commands and buttons").contains("/help");
    }

    @Test
    void aTapOnAnOldButtonIsAnsweredAsClosed() {
        long chat = newChat();
        int updateId = fake.pushCallback(chat, 17, "old:button");
        String queryId = "cq" + updateId; // the fake's callback query ids

        await().atMost(Duration.ofSeconds(20)).until(() -> !answers(queryId).isEmpty());

        assertThat(answers(queryId).get(0).path("text").asText()).isEqualTo("This question has closed.");
        assertThat(fake.sentMessages(chat)).isEmpty();
    }

    @Test
    void aStickerGetsAFriendlyLineAnEditNothingAndAChannelNothing() throws Exception {
        long chat = newChat();
        ObjectMapper json = new ObjectMapper();
        fake.pushRaw((ObjectNode) json.readTree("""
                {"message": {"message_id": 2, "date": 1, "chat": {"id": %d, "type": "private"},
                 "from": {"id": %d, "is_bot": false, "first_name": "T"},
                 "sticker": {"file_id": "f", "file_unique_id": "u", "type": "regular", "width": 1, "height": 1,
                             "is_animated": false, "is_video": false}}}""".formatted(chat, chat)));
        assertThat(awaitReply(chat)).contains("can’t read stickers");

        int edit = fake.pushRaw((ObjectNode) json.readTree("""
                {"edited_message": {"message_id": 3, "date": 1, "edit_date": 2, "text": "/help",
                 "chat": {"id": %d, "type": "private"}, "from": {"id": %d, "is_bot": false, "first_name": "T"}}}"""
                .formatted(chat, chat)));
        long channel = -newChat();
        int post = fake.pushRaw((ObjectNode) json.readTree("""
                {"channel_post": {"message_id": 4, "date": 1, "text": "/start", "chat": {"id": %d, "type": "channel"}}}"""
                .formatted(channel)));
        int marker = fake.pushText(chat, "/help");

        // Updates are handled in order per chat; once the later /help is answered the edit was handled too.
        assertThat(awaitReplies(chat, 2).get(1)).contains("What I can do");
        await().until(() -> handled(edit) && handled(post) && handled(marker));
        assertThat(fake.sentMessages(chat)).hasSize(2);
        assertThat(fake.sentMessages(channel)).isEmpty();
    }

    @Test
    void inAGroupTheBotPointsToThePrivateChat() {
        long group = -newChat();
        fake.pushGroupText(group, newChat(), "/start");

        assertThat(awaitReply(group)).contains("private chats only");
    }

    @Test
    void startupPublishesTheFullCommandMenu() {
        List<FakeBotApi.Call> menus = fake.awaitCalls("setMyCommands", 2, Duration.ofSeconds(20));
        FakeBotApi.Call menu = menus.stream().filter(c -> !c.params().has("language_code")).findFirst().orElseThrow();
        FakeBotApi.Call german = menus.stream().filter(c -> c.params().path("language_code").asText().equals("de"))
                .findFirst().orElseThrow();
        assertThat(german.params().path("commands").findValuesAsText("description")).contains("Was ich kann");

        assertThat(menu.params().path("commands").findValuesAsText("command")).containsExactly(
                "start", "checkin", "today", "why", "travel", "stiff", "flare", "progress", "share", "learn", "settings", "pause", "resume",
                "privacy", "export", "delete", "help");
        assertThat(menu.params().path("commands").findValuesAsText("description")).allSatisfy(description ->
                assertThat(description).hasSizeBetween(1, 256));
    }

    @Test
    void withARealTokenTheSandboxDoesNotExist() {
        io.restassured.RestAssured.given().get("/").then().statusCode(404);
        io.restassured.RestAssured.given().get("/sandbox/api/state").then().statusCode(404);
        io.restassured.RestAssured.given().contentType("application/json").body("{}")
                .post("/bot" + FakeBotApi.TOKEN + "/getMe").then().statusCode(404);
    }

    @Test
    void theWelcomeButtonShowsWhatTheBotCanDo() {
        long chat = newChat();
        fake.pushText(chat, "/start");
        FakeBotApi.Call welcome = awaitCall(chat);
        JsonNode button = welcome.params().path("reply_markup").path("inline_keyboard").path(0).path(0);
        assertThat(button.path("callback_data").asText()).isEqualTo("help:show");

        fake.pushCallback(chat, 1, button.path("callback_data").asText());

        // Welcome, the consent question, then the help.
        assertThat(awaitReplies(chat, 3).get(2)).contains("What I can do");
    }

    @Test
    void aForgedButtonOrOneTappedBySomeoneElseOnlyHearsThatTheQuestionClosed() throws Exception {
        long chat = newChat();
        long stranger = newChat();
        int forged = fake.pushCallback(chat, 3, "help:everything");
        ObjectNode othersTap = (ObjectNode) new ObjectMapper().readTree("""
                {"callback_query": {"id": "stranger-%d", "chat_instance": "x", "data": "help:show",
                 "from": {"id": %d, "is_bot": false, "first_name": "S"},
                 "message": {"message_id": 3, "date": 1, "chat": {"id": %d, "type": "private"}}}}""".formatted(stranger, stranger, chat));
        fake.pushRaw(othersTap);

        for (String queryId : List.of("cq" + forged, "stranger-" + stranger)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> !answers(queryId).isEmpty());
            assertThat(answers(queryId).get(0).path("text").asText()).isEqualTo("This question has closed.");
        }
        assertThat(fake.sentMessages(chat)).isEmpty();
    }

    @Test
    void theWebhookIsClosedInPollingMode() {
        io.restassured.RestAssured.given()
                .contentType("application/json")
                .header("X-Telegram-Bot-Api-Secret-Token", "anything")
                .body("{\"update_id\": 1}")
                .post("/telegram/webhook")
                .then().statusCode(404);
    }

    private static boolean handled(long updateId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            app.backcoach.intake.InboxUpdate update = app.backcoach.intake.InboxUpdate.findById(updateId);
            return update != null && update.status == app.backcoach.intake.InboxStatus.DONE;
        });
    }

    private FakeBotApi.Call awaitCall(long chat) {
        awaitReply(chat);
        return fake.sentMessages(chat).get(0);
    }

    private List<JsonNode> answers(String callbackQueryId) {
        return fake.calls("answercallbackquery").stream()
                .map(FakeBotApi.Call::params)
                .filter(params -> callbackQueryId.equals(params.path("callback_query_id").asText()))
                .toList();
    }
}
