package app.backcoach.sender;

import static app.backcoach.testing.Chats.awaitReplies;
import static app.backcoach.testing.Chats.awaitReply;
import static app.backcoach.testing.Chats.newChat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.backcoach.intake.InboxStatus;
import app.backcoach.intake.InboxUpdate;
import app.backcoach.testing.FakeBotApi;
import app.backcoach.testing.FakeBotApi.Failure;
import app.backcoach.user.BotUser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one sender against Telegram's answers: 429, 403, 5xx, broken connections, long texts. */
@QuarkusTest
class SenderTest {

    private final FakeBotApi fake = FakeBotApi.instance();

    @Inject
    MessageSender sender;

    @Test
    void a429StopsAllSendingForRetryAfterThenDeliversEverythingOnce() {
        long first = newChat();
        long second = newChat();
        fake.failNext("sendmessage", first, Failure.tooManyRequests(2));

        fake.pushText(first, "/start");
        await().until(() -> !fake.calls("sendmessage").stream().filter(c -> c.httpStatus() == 429).toList().isEmpty());
        Instant refusedAt = fake.calls("sendmessage").stream().filter(c -> c.httpStatus() == 429).findFirst().orElseThrow().at();
        fake.pushText(second, "/help");

        awaitReply(first);
        awaitReply(second);
        List<FakeBotApi.Call> after = fake.calls("sendmessage").stream()
                .filter(c -> c.at().isAfter(refusedAt) && (c.chatId() == first || c.chatId() == second))
                .toList();
        assertThat(after).isNotEmpty().allSatisfy(call ->
                assertThat(Duration.between(refusedAt, call.at())).isGreaterThanOrEqualTo(Duration.ofMillis(1950)));
        assertThat(awaitReplies(first, 2)).hasSize(2); // the welcome and the consent question, once each
        assertThat(fake.sentMessages(second)).hasSize(1);
    }

    @Test
    void a403MarksTheUserBlockedAndStopsSendsUntilTheyComeBack() {
        long chat = newChat();
        fake.failNext("sendmessage", chat, Failure.blocked());
        fake.pushText(chat, "/start");
        await().until(() -> blockedAt(chat) != null);

        int whileBlocked = fake.pushText(chat, "/help");
        await().until(() -> inboxStatus(whileBlocked) == InboxStatus.DONE);
        QuarkusTransaction.requiringNew().run(() -> sender.send(chat, "a reminder"));

        assertThat(callsTo(chat)).hasSize(1);
        assertThat(fake.sentMessages(chat)).isEmpty();

        fake.pushMyChatMember(chat, "member");
        await().until(() -> blockedAt(chat) == null);
        fake.pushText(chat, "/help");

        assertThat(awaitReply(chat)).contains("What I can do");
        assertThat(callsTo(chat)).hasSize(2);
    }

    @Test
    void aServerErrorIsRetriedAndDeliveredOnce() {
        long chat = newChat();
        fake.failNext("sendmessage", chat, Failure.serverError());
        fake.pushText(chat, "/start");

        awaitReply(chat);

        awaitReplies(chat, 2); // the welcome (retried) and the consent question
        assertThat(callsTo(chat)).extracting(FakeBotApi.Call::httpStatus).containsExactly(500, 200, 200);
    }

    /** Where nothing tells whether the first attempt arrived (a chat with no known message), none is repeated. */
    @Test
    void aMessageThatMayHaveArrivedIsNeverSentTwice() {
        long chat = newChat();
        fake.failNext("sendmessage", chat, Failure.dropConnection());
        QuarkusTransaction.requiringNew().run(() -> sender.send(chat, "once"));

        await().until(() -> statusOfLast(chat) == OutboxStatus.UNCERTAIN);

        assertThat(callsTo(chat)).hasSize(1);
        assertThat(fake.sentMessages(chat)).isEmpty();
    }

    @Test
    void aProxysErrorPageMeansTelegramWasNotReachedSoTheMessageIsRetried() {
        long chat = newChat();
        fake.failNext("sendmessage", chat, Failure.badGatewayHtml());
        QuarkusTransaction.requiringNew().run(() -> sender.send(chat, "once"));

        await().until(() -> statusOfLast(chat) == OutboxStatus.SENT);

        assertThat(callsTo(chat)).extracting(FakeBotApi.Call::httpStatus).containsExactly(502, 200);
        assertThat(fake.sentMessages(chat)).hasSize(1);
    }

    @Test
    void aLongTextIsSplitIntoValidMessagesInOrder() {
        long chat = newChat();
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 120; i++) {
            text.append("<b>Step ").append(i).append("</b>: breathe out slowly &amp; let the ribs settle, ")
                    .append(Html.escape("<keep the spine long>")).append(" hold for ten seconds.\n\n");
        }
        String html = text.toString().strip();
        List<String> expected = Html.split(html, Html.MAX_MESSAGE_LENGTH);
        QuarkusTransaction.requiringNew().run(() -> sender.send(chat, html));

        List<String> parts = awaitReplies(chat, expected.size());

        assertThat(expected).hasSizeGreaterThanOrEqualTo(3);
        assertThat(parts).isEqualTo(expected);
        assertThat(parts).allSatisfy(part -> assertThat(Html.visibleLength(part)).isLessThanOrEqualTo(Html.MAX_MESSAGE_LENGTH));
        assertThat(parts.get(0)).startsWith("<b>Step 1</b>");
        assertThat(parts.get(parts.size() - 1)).contains("<b>Step 120</b>");
        assertThat(fake.violations()).isEmpty();
    }

    @Test
    void badHtmlAndOversizedCallbackDataNeverLeaveTheService() {
        long chat = newChat();

        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                QuarkusTransaction.requiringNew().run(() -> sender.send(chat, "<div>nope</div>")))
                .isInstanceOf(Html.InvalidHtmlException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                new Keyboard.Button("Tap", "x".repeat(65)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("64");
        assertThat(callsTo(chat)).isEmpty();
    }

    private List<FakeBotApi.Call> callsTo(long chat) {
        return fake.calls("sendmessage").stream().filter(c -> c.chatId() != null && c.chatId() == chat).toList();
    }

    private static Instant blockedAt(long chat) {
        return QuarkusTransaction.requiringNew().call(() ->
                BotUser.<BotUser>findByIdOptional(chat).map(user -> user.blockedAt).orElse(null));
    }

    private static InboxStatus inboxStatus(long updateId) {
        return QuarkusTransaction.requiringNew().call(() -> InboxUpdate.<InboxUpdate>findById(updateId).status);
    }

    private static OutboxStatus statusOfLast(long chat) {
        return QuarkusTransaction.requiringNew().call(() ->
                OutboxMessage.<OutboxMessage>find("chatId = ?1 order by id desc", chat).firstResult().status);
    }
}
