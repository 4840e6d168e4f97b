package app.backcoach.testing;

import static app.backcoach.testing.FakeBotApi.TOKEN;
import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import app.backcoach.testing.FakeBotApi.Call;
import app.backcoach.testing.FakeBotApi.Failure;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.longpolling.util.DefaultGetUpdatesGenerator;
import org.telegram.telegrambots.longpolling.util.TelegramOkHttpClientFactory;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.send.SendChatAction;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.methods.updates.GetWebhookInfo;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.DeleteMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageReplyMarkup;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/** Drives {@link FakeBotApi} with the real TelegramBots 10.2.0 client and long-polling application. */
class FakeBotApiSelfTest {

    private static final long CHAT = 4_242L;
    private static final long OTHER_CHAT = 5_353L;
    private static final Duration WAIT = Duration.ofSeconds(10);

    // A private instance: a Quarkus app started by other tests may be polling the shared one.
    private static final FakeBotApi fake = new FakeBotApi();

    private final List<TelegramBotsLongPollingApplication> sessions = new ArrayList<>();
    private final List<ScheduledExecutorService> sessionExecutors = new ArrayList<>();
    private OkHttpTelegramClient client;

    @BeforeAll
    static void startFake() {
        fake.start();
    }

    @AfterAll
    static void stopFake() {
        fake.stop();
    }

    @BeforeEach
    void setUp() {
        fake.reset();
        client = new OkHttpTelegramClient(TOKEN, telegramUrl());
    }

    @AfterEach
    void closeSessions() throws Exception {
        for (TelegramBotsLongPollingApplication session : sessions) {
            session.close();
        }
        sessionExecutors.forEach(ScheduledExecutorService::shutdownNow);
        long deadline = System.nanoTime() + WAIT.toNanos();
        for (ScheduledExecutorService executor : sessionExecutors) {
            // Closing does not end a poll in flight: the poller thread sits in a held getUpdates, or one that was
            // still on its way, until the fake answers it.
            while (!executor.awaitTermination(50, MILLISECONDS)) {
                assertThat(System.nanoTime()).as("poller thread ended").isLessThan(deadline);
                fake.releaseHeldPolls();
            }
        }
        sessions.clear();
        sessionExecutors.clear();
    }

    // ---------------------------------------------------------------- sending

    @Test
    void sendMessageIsRecordedAndAnsweredWithAMessage() throws Exception {
        Message sent = send(html(CHAT, "<b>Hi</b> &amp; welcome"));

        assertThat(sent.getMessageId()).isPositive();
        assertThat(sent.getChatId()).isEqualTo(CHAT);
        assertThat(sent.getText()).isEqualTo("Hi & welcome");
        assertThat(fake.sentMessages(CHAT)).singleElement().satisfies(call -> {
            assertThat(call.method()).isEqualTo("sendMessage");
            assertThat(call.text()).isEqualTo("<b>Hi</b> &amp; welcome");
            assertThat(call.params().path("parse_mode").asText()).isEqualTo("HTML");
            assertThat(call.httpStatus()).isEqualTo(200);
        });
        assertThat(send(plain(CHAT, "second")).getMessageId()).isGreaterThan(sent.getMessageId());
        assertThat(fake.violations()).isEmpty();
    }

    @Test
    void textOverTheLimitIsRefusedCountingVisibleCharacters() throws Exception {
        TelegramApiRequestException tooLong = refusal(plain(CHAT, "x".repeat(4097)));

        assertThat(tooLong.getErrorCode()).isEqualTo(400);
        assertThat(tooLong.getApiResponse()).isEqualTo("Bad Request: message is too long");
        assertThat(fake.violations()).first().asString()
                .contains("sendMessage to chat " + CHAT, "message is too long", "4097 visible characters");
        TelegramApiRequestException editTooLong = refusal(EditMessageText.builder().chatId(String.valueOf(CHAT))
                .messageId(1).text("y".repeat(4097)).build());
        assertThat(editTooLong.getApiResponse()).isEqualTo("Bad Request: MESSAGE_TOO_LONG");
        // 4096 visible characters, written as 16391 characters of HTML, fit.
        assertThat(send(html(CHAT, "<b>" + "&lt;".repeat(4096) + "</b>")).getText()).hasSize(4096);
        assertThat(fake.sentMessages(CHAT)).hasSize(1);
    }

    @Test
    void textWithNothingVisibleIsRefused() throws Exception {
        TelegramApiRequestException empty = refusal(html(CHAT, "<b> </b>"));

        assertThat(empty.getErrorCode()).isEqualTo(400);
        assertThat(empty.getApiResponse()).isEqualTo("Bad Request: message text is empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<b>unclosed", "<div>unknown tag</div>", "<b><i>misnested</b></i>", "stray </b>",
            "fish & chips", "a < b", "&nbsp;", "&lt", "<span>no spoiler class</span>", "<br/>", "</b>"})
    void badHtmlIsRefused(String text) throws Exception {
        TelegramApiRequestException refused = refusal(html(CHAT, text));

        assertThat(refused.getErrorCode()).isEqualTo(400);
        assertThat(refused.getApiResponse()).startsWith("Bad Request: can't parse entities: ");
        assertThat(fake.violations()).singleElement().asString().contains("can't parse entities");
    }

    @Test
    void supportedHtmlAndPlainTextAreAccepted() throws Exception {
        String allTags = "<b>b</b><strong>s</strong><i>i</i><em>e</em><u>u</u><ins>i</ins><s>s</s><strike>s</strike>"
                + "<del>d</del><a href=\"https://example.org/?a=1&amp;b=2\">link</a><code>c</code>"
                + "<pre><code class=\"language-java\">int x = 1 &gt; 0;</code></pre><blockquote>q</blockquote>"
                + "<tg-spoiler>t</tg-spoiler><span class=\"tg-spoiler\">s</span>"
                + "<tg-emoji emoji-id=\"5368324170671202286\">👍</tg-emoji> &quot;&#65;&#x42;&quot; 1 > 0"
                + " <B>upper case, short end tag</>";

        assertThat(send(html(CHAT, allTags)).getText()).endsWith("👍 \"AB\" 1 > 0 upper case, short end tag");
        assertThat(send(plain(CHAT, "<div> & < are fine without parse_mode")).getText()).startsWith("<div>");
        assertThat(fake.violations()).isEmpty();
    }

    @Test
    void callbackDataOver64BytesIsRefused() throws Exception {
        String sixtySixBytes = "й".repeat(33); // 33 characters, 2 bytes each

        TelegramApiRequestException refused = refusal(withButton(CHAT, sixtySixBytes));

        assertThat(refused.getErrorCode()).isEqualTo(400);
        assertThat(refused.getApiResponse()).isEqualTo("Bad Request: BUTTON_DATA_INVALID");
        assertThat(fake.violations()).singleElement().asString().contains("66 bytes");
        assertThat(send(withButton(CHAT, "x".repeat(64))).getReplyMarkup().getKeyboard()).hasSize(1);
    }

    /** Telegram refuses an edit that changes nothing and a second answer to one tap. */
    @Test
    void repeatsAreRefusedLikeTelegramRefusesThem() throws Exception {
        Message sent = send(withButton(CHAT, "pick:1"));
        String chat = String.valueOf(CHAT);
        EditMessageText same = EditMessageText.builder().chatId(chat).messageId(sent.getMessageId())
                .text("again").build();
        client.executeAsync(same).get();
        int tap = fake.pushCallback(CHAT, sent.getMessageId(), "pick:1");
        client.executeAsync(new AnswerCallbackQuery("cq" + tap)).get();

        assertThatThrownBy(() -> client.executeAsync(same).get()).hasMessageContaining("message is not modified");
        assertThatThrownBy(() -> client.executeAsync(new AnswerCallbackQuery("cq" + tap)).get())
                .hasMessageContaining("query is too old");
        assertThat(fake.violations()).hasSize(2);
    }

    @Test
    void otherMethodsAnswerLikeTelegram() throws Exception {
        Message sent = send(withButton(CHAT, "pick:1"));
        String chat = String.valueOf(CHAT);

        Serializable unmarked = client.executeAsync(EditMessageReplyMarkup.builder().chatId(chat)
                .messageId(sent.getMessageId()).build()).get();
        Serializable edited = client.executeAsync(EditMessageText.builder().chatId(chat)
                .messageId(sent.getMessageId()).text("<i>edited</i>").parseMode("HTML").build()).get();

        assertThat(edited).isInstanceOfSatisfying(Message.class, m -> assertThat(m.getText()).isEqualTo("edited"));
        assertThat(unmarked).isInstanceOfSatisfying(Message.class, m -> assertThat(m.getReplyMarkup()).isNull());
        assertThat(client.executeAsync(new DeleteMessage(chat, sent.getMessageId())).get()).isTrue();
        assertThat(client.executeAsync(new AnswerCallbackQuery("cq1")).get()).isTrue();
        assertThat(client.executeAsync(new SendChatAction(chat, "typing")).get()).isTrue();
        assertThat(client.executeAsync(new SetMyCommands(List.of(new BotCommand("start", "Start")))).get()).isTrue();
        assertThat(client.executeAsync(new GetMe()).get().getUserName()).isEqualTo("back_coach_test_bot");
        assertThat(client.executeAsync(new GetWebhookInfo()).get().getUrl()).isEmpty();
        assertThat(fake.calls()).extracting(Call::method).containsExactly("sendMessage", "editMessageReplyMarkup",
                "editMessageText", "deleteMessage", "answerCallbackQuery", "sendChatAction", "setMyCommands",
                "getMe", "getWebhookInfo");
        assertThat(fake.violations()).isEmpty();
    }

    @Test
    void setWebhookParametersAreReadFromItsMultipartBody() throws Exception {
        SetWebhook setWebhook = SetWebhook.builder().url("https://coach.example.org/hook").secretToken("s3cret")
                .allowedUpdates(List.of("message", "callback_query")).dropPendingUpdates(true).build();

        assertThat(client.executeAsync(setWebhook).get()).isTrue();

        JsonNode params = fake.awaitCalls("setwebhook", 1, WAIT).get(0).params();
        assertThat(params.path("url").asText()).isEqualTo("https://coach.example.org/hook");
        assertThat(params.path("secret_token").asText()).isEqualTo("s3cret");
        assertThat(params.path("allowed_updates")).containsExactly(
                TextNode.valueOf("message"), TextNode.valueOf("callback_query"));
        assertThat(params.path("drop_pending_updates").asText()).isEqualTo("true");
    }

    // ---------------------------------------------------------------- scripted failures

    @Test
    void scripted429SurfacesWithRetryAfterAndIsUsedOnce() throws Exception {
        fake.failNext("sendMessage", CHAT, Failure.tooManyRequests(2));

        TelegramApiRequestException flood = refusal(plain(CHAT, "hello"));

        assertThat(flood.getErrorCode()).isEqualTo(429);
        assertThat(flood.getParameters().getRetryAfter()).isEqualTo(2);
        assertThat(flood.getApiResponse()).isEqualTo("Too Many Requests: retry after 2");
        assertThat(send(plain(CHAT, "hello again")).getMessageId()).isPositive();
        assertThat(fake.calls("sendMessage")).extracting(Call::httpStatus).containsExactly(429, 200);
        assertThat(fake.sentMessages(CHAT)).extracting(Call::text).containsExactly("hello again");
        assertThat(fake.violations()).isEmpty();
    }

    @Test
    void scripted403HitsOnlyTheChatItNames() throws Exception {
        fake.failNext("SENDMESSAGE", OTHER_CHAT, Failure.blocked());

        send(plain(CHAT, "not this chat"));
        TelegramApiRequestException blocked = refusal(plain(OTHER_CHAT, "this one"));

        assertThat(blocked.getErrorCode()).isEqualTo(403);
        assertThat(blocked.getApiResponse()).isEqualTo("Forbidden: bot was blocked by the user");
        assertThat(fake.sentMessages(OTHER_CHAT)).isEmpty();
    }

    @Test
    void scriptedServerFailuresReachTheClient() throws Exception {
        fake.failNext("sendMessage", null, Failure.serverError());
        fake.failNext("sendMessage", null, Failure.badGatewayHtml());
        fake.failNext("editMessageText", null, Failure.error(400, "Bad Request: message to edit not found"));

        TelegramApiRequestException serverError = refusal(plain(CHAT, "one"));
        Throwable badGateway = failureOf(client.executeAsync(plain(CHAT, "two")));
        TelegramApiRequestException notFound = refusal(EditMessageText.builder()
                .chatId(String.valueOf(CHAT)).messageId(1).text("x").build());

        assertThat(serverError.getErrorCode()).isEqualTo(500);
        assertThat(serverError.getApiResponse()).isEqualTo("Internal Server Error");
        // An HTML body is not a Telegram answer: the client fails to read it.
        assertThat(badGateway).isInstanceOf(TelegramApiRequestException.class)
                .hasMessageContaining("Unable to deserialize response");
        assertThat(notFound.getApiResponse()).isEqualTo("Bad Request: message to edit not found");
        assertThat(fake.calls()).extracting(Call::httpStatus).containsExactly(500, 502, 400);
    }

    @Test
    void droppedConnectionIsAnIoErrorForTheClient() throws Exception {
        send(plain(CHAT, "warm up the client's connection pool"));
        fake.failNext("sendMessage", CHAT, Failure.dropConnection());

        Throwable dropped = failureOf(client.executeAsync(plain(CHAT, "lost")));

        assertThat(dropped).isInstanceOf(IOException.class);
        assertThat(fake.calls("sendMessage")).extracting(Call::httpStatus).containsExactly(200, 0);
        assertThat(fake.sentMessages(CHAT)).hasSize(1);
    }

    // ---------------------------------------------------------------- protocol

    @Test
    void wrongTokenAndUnknownMethodAreRefused() throws Exception {
        HttpResponse<String> wrongToken = post("/bot123456:wrong/sendMessage", "{\"chat_id\":1,\"text\":\"x\"}");
        HttpResponse<String> unknown = post("/bot" + TOKEN + "/frobnicate", "{}");
        HttpResponse<String> anyCase = post("/bot" + TOKEN + "/GETME", "{}");
        HttpResponse<String> form = post("/bot" + TOKEN + "/sendMessage", "application/x-www-form-urlencoded",
                "chat_id=" + CHAT + "&text=fish+%26+chips");

        assertThat(wrongToken.statusCode()).isEqualTo(401);
        assertThat(json(wrongToken))
                .isEqualTo(json("{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}"));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown)).isEqualTo(
                json("{\"ok\":false,\"error_code\":404,\"description\":\"Not Found: method not found\"}"));
        assertThat(anyCase.statusCode()).isEqualTo(200);
        assertThat(json(anyCase).path("result").path("id").asLong()).isEqualTo(123456L);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(fake.sentMessages(CHAT)).extracting(Call::text).containsExactly("fish & chips");
        assertThat(fake.violations()).hasSize(2);
    }

    @Test
    void getUpdatesHonoursOffsetAndLimit() throws Exception {
        int first = fake.pushText(CHAT, "one");
        int second = fake.pushText(CHAT, "two");
        int third = fake.pushText(CHAT, "three");

        assertThat(ids(poll(null, 2, 0))).containsExactly(first, second);
        assertThat(ids(poll(second, 100, 0))).containsExactly(second, third);
        assertThat(fake.confirmedUpToExclusive()).isEqualTo(second);
        assertThat(ids(poll(first, 100, 0))).as("a lower offset undoes nothing").containsExactly(second, third);
        assertThat(fake.confirmedUpToExclusive()).isEqualTo(second);
        assertThat(fake.getUpdatesCalls()).extracting(FakeBotApi.GetUpdatesCall::offset)
                .containsExactly(null, second, first);
        assertThat(fake.deliveredUpdateIds()).containsExactly(first, second, second, third, second, third);
    }

    @Test
    void anEmptyPollIsHeldUntilItsTimeoutOrAPush() throws Exception {
        int last = fake.pushText(CHAT, "old");
        poll(last + 1, 100, 0);

        long started = System.nanoTime();
        assertThat(poll(last + 1, 100, 1)).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(900));

        CompletableFuture<ArrayList<Update>> held = client.executeAsync(getUpdates(last + 1, 100, 8));
        waitUntil(() -> fake.getUpdatesCalls().size() == 3);
        Thread.sleep(200);
        assertThat(held).isNotDone();
        long pushedAt = System.nanoTime();
        int fresh = fake.pushText(CHAT, "new");
        assertThat(ids(held.get(5, SECONDS))).containsExactly(fresh);
        assertThat(Duration.ofNanos(System.nanoTime() - pushedAt)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void pushedUpdatesHaveTheShapesTelegramBotsExpects() throws Exception {
        Message sent = send(withButton(CHAT, "pick:1"));
        int command = fake.pushText(CHAT, "/start ref-1");
        fake.pushCallback(CHAT, sent.getMessageId(), "pick:1");
        fake.pushMyChatMember(CHAT, "kicked");
        fake.pushGroupText(-100L, 77L, "hi all");
        ObjectNode raw = new ObjectMapper().createObjectNode();
        raw.putObject("edited_message").put("message_id", 1).put("date", 1).putObject("chat")
                .put("id", CHAT).put("type", "private");
        int rawId = fake.pushRaw(raw);

        List<Update> updates = poll(command, 100, 0);

        assertThat(ids(updates)).containsExactly(command, command + 1, command + 2, command + 3, rawId);
        Message start = updates.get(0).getMessage();
        assertThat(start.getEntities()).singleElement().satisfies(e -> assertThat(e.getLength()).isEqualTo(6));
        assertThat(start.isCommand()).as("only true once getEntities() ran (a TelegramBots quirk)").isTrue();
        assertThat(start.getText()).isEqualTo("/start ref-1");
        assertThat(start.getFrom().getLanguageCode()).isEqualTo("en");
        assertThat(start.getChat().isUserChat()).isTrue();
        var callback = updates.get(1).getCallbackQuery();
        assertThat(callback.getData()).isEqualTo("pick:1");
        assertThat(callback.getFrom().getId()).isEqualTo(CHAT);
        assertThat(callback.getMessage().getMessageId()).isEqualTo(sent.getMessageId());
        var membership = updates.get(2).getMyChatMember();
        assertThat(membership.getNewChatMember().getStatus()).isEqualTo("kicked");
        assertThat(membership.getOldChatMember().getStatus()).isEqualTo("member");
        Message group = updates.get(3).getMessage();
        assertThat(group.getChat().isGroupChat()).isTrue();
        assertThat(group.getFrom().getId()).isEqualTo(77L);
        assertThat(updates.get(4).getEditedMessage().getChatId()).isEqualTo(CHAT);
    }

    // ---------------------------------------------------------------- long polling with the real application

    @Test
    void longPollingSessionReceivesPushedUpdatesAndConfirmsThem() throws Exception {
        BlockingQueue<Update> received = new LinkedBlockingQueue<>();
        startSession(received::addAll);
        waitUntil(() -> !fake.getUpdatesCalls().isEmpty());

        int first = fake.pushText(CHAT, "hello");
        int second = fake.pushText(CHAT, "again");

        assertThat(ids(take(received, 2))).containsExactly(first, second);
        waitUntil(() -> fake.confirmedUpToExclusive() == second + 1);
        int polls = fake.getUpdatesCalls().size();
        Thread.sleep(500);
        assertThat(fake.getUpdatesCalls()).as("an idle poll is held, not repeated").hasSize(polls);
        assertThat(fake.calls("deleteWebhook")).hasSize(1);
    }

    @Test
    void anUnconfirmedUpdateIsRedeliveredToTheNextSession() throws Exception {
        BlockingQueue<Update> firstSession = new LinkedBlockingQueue<>();
        startSession(updates -> {
            firstSession.addAll(updates);
            fake.freezeConfirmations(true); // the process "dies" before its confirming poll reaches Telegram
        });
        int id = fake.pushText(CHAT, "remember me");
        assertThat(ids(take(firstSession, 1))).containsExactly(id);
        waitUntil(() -> fake.getUpdatesCalls().stream().anyMatch(poll -> Objects.equals(poll.offset(), id + 1)));
        assertThat(fake.confirmedUpToExclusive()).isLessThanOrEqualTo(id);
        closeSessions();

        fake.freezeConfirmations(false);
        BlockingQueue<Update> secondSession = new LinkedBlockingQueue<>();
        startSession(secondSession::addAll);

        assertThat(take(secondSession, 1)).singleElement()
                .satisfies(update -> assertThat(update.getUpdateId()).isEqualTo(id));
        waitUntil(() -> fake.confirmedUpToExclusive() == id + 1);
    }

    @Test
    void aDuplicateReachesTheNextSessionEvenAfterConfirmation() throws Exception {
        BlockingQueue<Update> firstSession = new LinkedBlockingQueue<>();
        startSession(firstSession::addAll);
        int id = fake.pushText(CHAT, "once");
        take(firstSession, 1);
        waitUntil(() -> fake.confirmedUpToExclusive() == id + 1);
        closeSessions();

        fake.pushDuplicate(id);
        BlockingQueue<Update> secondSession = new LinkedBlockingQueue<>();
        startSession(secondSession::addAll);

        assertThat(take(secondSession, 1)).singleElement().satisfies(update -> {
            assertThat(update.getUpdateId()).isEqualTo(id);
            assertThat(update.getMessage().getText()).isEqualTo("once");
        });
    }

    // ---------------------------------------------------------------- bookkeeping

    @Test
    void pacingIsMeasuredPerChatOverASlidingWindow() throws Exception {
        send(plain(CHAT, "1"));
        send(plain(CHAT, "2"));
        send(plain(OTHER_CHAT, "a"));
        Thread.sleep(600);
        send(plain(CHAT, "3"));
        fake.failNext("sendMessage", CHAT, Failure.tooManyRequests(1));
        refusal(plain(CHAT, "refused sends do not count"));

        assertThat(fake.maxSendsInWindow(CHAT, Duration.ofSeconds(10))).isEqualTo(3);
        assertThat(fake.maxSendsInWindow(CHAT, Duration.ofMillis(500))).isEqualTo(2);
        assertThat(fake.maxSendsInWindow(OTHER_CHAT, Duration.ofSeconds(10))).isEqualTo(1);
        assertThat(fake.maxSendsInWindowAllChats(Duration.ofMillis(500))).isEqualTo(3);
        assertThat(fake.maxSendsInWindowAllChats(Duration.ofSeconds(10))).isEqualTo(4);
    }

    @Test
    void awaitCallsWaitsAndExplainsWhatItGotWhenItTimesOut() throws Exception {
        CompletableFuture.runAsync(() -> {
            sleep(300);
            sendQuietly(plain(CHAT, "late"));
        });
        assertThat(fake.awaitCalls("sendMessage", 1, WAIT)).extracting(Call::text).containsExactly("late");

        assertThatThrownBy(() -> fake.awaitCalls("sendMessage", 2, Duration.ofMillis(200)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("expected at least 2 sendMessage call(s)")
                .hasMessageContaining("got 1")
                .hasMessageContaining("sendMessage chat=" + CHAT + " -> 200");
    }

    @Test
    void resetForgetsStateButNeverReusesIds() throws Exception {
        int oldUpdate = fake.pushText(CHAT, "old");
        int oldMessage = send(plain(CHAT, "old")).getMessageId();
        fake.failNext("sendMessage", null, Failure.blocked());
        fake.freezeConfirmations(true);
        refusal(html(CHAT, "<oops>"));

        fake.reset();

        assertThat(fake.calls()).isEmpty();
        assertThat(fake.violations()).isEmpty();
        assertThat(fake.confirmedUpToExclusive()).isGreaterThan(oldUpdate);
        int newUpdate = fake.pushText(CHAT, "new");
        assertThat(newUpdate).isGreaterThan(oldUpdate);
        assertThat(ids(poll(null, 100, 0))).containsExactly(newUpdate);
        assertThat(send(plain(CHAT, "new")).getMessageId()).isGreaterThan(oldMessage);
    }

    @Test
    void theTokenNeverReachesLogsOrRecords() throws Exception {
        Logger jdkServerLog = Logger.getLogger("com.sun.net.httpserver");
        List<String> logged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record.getMessage() + " " + record.getThrown());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(Level.ALL);
        jdkServerLog.addHandler(capture);
        try {
            send(plain(CHAT, "hello"));
            refusal(html(CHAT, "<bad>"));
            post("/bot" + TOKEN, "{}");
            post("/bot" + TOKEN + "/frobnicate", "{}");
            fake.failNext("sendMessage", null, Failure.dropConnection());
            failureOf(client.executeAsync(plain(CHAT, "dropped")));
        } finally {
            jdkServerLog.removeHandler(capture);
        }

        assertThat(jdkServerLog.isLoggable(Level.FINE)).as("request lines are logged at FINE").isFalse();
        assertThat(logged).noneMatch(line -> line.contains(TOKEN));
        assertThat(fake.violations()).isNotEmpty().noneMatch(line -> line.contains(TOKEN));
        assertThat(fake.calls()).noneMatch(call -> call.toString().contains(TOKEN));
    }

    // ---------------------------------------------------------------- helpers

    private void startSession(LongPollingUpdateConsumer consumer) throws TelegramApiException {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        // The library's default client: its 100 s read timeout outlasts the generator's 50 s long poll
        // (a bare OkHttpClient::new times out after 10 s and backs off).
        TelegramBotsLongPollingApplication application = new TelegramBotsLongPollingApplication(
                ObjectMapper::new, new TelegramOkHttpClientFactory.DefaultOkHttpClientCreator(), () -> executor);
        sessionExecutors.add(executor);
        sessions.add(application);
        application.registerBot(TOKEN, FakeBotApiSelfTest::telegramUrl, new DefaultGetUpdatesGenerator(), consumer);
    }

    private static TelegramUrl telegramUrl() {
        return new TelegramUrl("http", "127.0.0.1", fake.port(), false);
    }

    private static SendMessage plain(long chatId, String text) {
        return SendMessage.builder().chatId(chatId).text(text).build();
    }

    private static SendMessage html(long chatId, String text) {
        return SendMessage.builder().chatId(chatId).text(text).parseMode("HTML").build();
    }

    private static SendMessage withButton(long chatId, String callbackData) {
        InlineKeyboardButton button = InlineKeyboardButton.builder().text("Go").callbackData(callbackData).build();
        return SendMessage.builder().chatId(chatId).text("Pick one")
                .replyMarkup(InlineKeyboardMarkup.builder().keyboardRow(new InlineKeyboardRow(button)).build())
                .build();
    }

    private static GetUpdates getUpdates(Integer offset, int limit, int timeoutSeconds) {
        return GetUpdates.builder().offset(offset).limit(limit).timeout(timeoutSeconds).build();
    }

    private List<Update> poll(Integer offset, int limit, int timeoutSeconds) throws Exception {
        return client.executeAsync(getUpdates(offset, limit, timeoutSeconds)).get(WAIT.toSeconds(), SECONDS);
    }

    private Message send(SendMessage message) throws Exception {
        return client.executeAsync(message).get(WAIT.toSeconds(), SECONDS);
    }

    private TelegramApiRequestException refusal(BotApiMethod<?> method) throws TelegramApiException {
        Throwable failure = failureOf(client.executeAsync(method));
        assertThat(failure).isInstanceOf(TelegramApiRequestException.class);
        return (TelegramApiRequestException) failure;
    }

    private static Throwable failureOf(CompletableFuture<?> answer) {
        try {
            Object result = answer.get(WAIT.toSeconds(), SECONDS);
            return fail("expected a failure, got " + result);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException | TimeoutException e) {
            return fail("no answer", e);
        }
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return post(path, "application/json", body);
    }

    private static HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(fake.baseUrl() + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return json(response.body());
    }

    private static JsonNode json(String text) throws IOException {
        return new ObjectMapper().readTree(text);
    }

    private static List<Update> take(BlockingQueue<Update> queue, int count) throws InterruptedException {
        List<Update> taken = new ArrayList<>();
        while (taken.size() < count) {
            Update update = queue.poll(WAIT.toSeconds(), SECONDS);
            assertThat(update).as("update %d of %d", taken.size() + 1, count).isNotNull();
            taken.add(update);
        }
        return taken;
    }

    private static List<Integer> ids(List<Update> updates) {
        return updates.stream().map(Update::getUpdateId).toList();
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met within %s", WAIT).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private void sendQuietly(SendMessage message) {
        try {
            client.executeAsync(message);
        } catch (TelegramApiException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
