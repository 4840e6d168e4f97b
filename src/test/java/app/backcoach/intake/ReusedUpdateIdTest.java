package app.backcoach.intake;

import static app.backcoach.testing.Chats.newChat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.backcoach.chat.Incoming;
import app.backcoach.testing.FakeBotApi;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * An id already handled that comes with other content is a new update (a Bot API that numbers from
 * 1 again after a restart), not a redelivery: it is taken in and answered, never dropped unseen.
 */
@QuarkusTest
class ReusedUpdateIdTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final FakeBotApi fake = FakeBotApi.instance();

    @Inject
    InboxService inbox;

    @Inject
    DecodedUpdates decoded;

    @Test
    void aHandledIdWithNewContentIsTakenInWhileARedeliveryIsNot() {
        long chat = newChat();
        long id = 1_500_000_000L + ThreadLocalRandom.current().nextInt(100_000_000);
        InboundUpdate first = update(id, chat, 1, "/start");

        assertThat(inbox.record(List.of(first))).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> status(id) == InboxStatus.DONE);
        assertThat(inbox.record(List.of(first))).as("a redelivery").isZero();

        InboundUpdate reused = update(id, chat, 2, "/help");
        assertThat(inbox.record(List.of(reused))).as("new content under the old id").isEqualTo(1);

        await().atMost(Duration.ofSeconds(20)).until(() -> fake.sentMessages(chat).stream()
                .anyMatch(call -> call.text() != null && call.text().contains("What I can do")));
        assertThat(inbox.record(List.of(reused))).as("its own redelivery").isZero();
    }

    /** A batch is stored in one statement; the ids it already knew are still told apart one by one. */
    @Test
    void aBatchMixingNewRedeliveredAndReusedIdsTakesInExactlyTheNewOnes() {
        long chat = newChat();
        long other = newChat();
        long base = 1_700_000_000L + ThreadLocalRandom.current().nextInt(100_000_000);
        InboundUpdate handled = update(base, chat, 1, "/start");
        InboundUpdate alsoHandled = update(base + 1, chat, 2, "/start");
        assertThat(inbox.record(List.of(handled, alsoHandled))).isEqualTo(2);
        await().atMost(Duration.ofSeconds(20)).until(() -> status(base + 1) == InboxStatus.DONE);

        InboundUpdate fresh = update(base + 2, other, 1, "/start");
        InboundUpdate reused = update(base + 1, chat, 3, "/help");
        assertThat(inbox.record(List.of(handled, fresh, reused))).as("one new id, one reused with new content")
                .isEqualTo(2);

        await().atMost(Duration.ofSeconds(20)).until(() -> status(base + 2) == InboxStatus.DONE
                && status(base + 1) == InboxStatus.DONE);
        await().atMost(Duration.ofSeconds(20)).until(() -> fake.sentMessages(chat).stream()
                .anyMatch(call -> call.text() != null && call.text().contains("What I can do")));
        assertThat(inbox.record(List.of(handled, fresh, reused))).as("all three again: redeliveries").isZero();
    }

    /** Arrival's decoded copy is handled, not the payload parsed again: told apart by making the two differ. */
    @Test
    void anUpdateDecodedOnArrivalIsHandledFromThatCopy() {
        long chat = newChat();
        long id = 1_900_000_000L + ThreadLocalRandom.current().nextInt(100_000_000);
        InboundUpdate stored = update(id, chat, 1, "/start");
        InboundUpdate arrived = new InboundUpdate(id, chat, stored.payload(), null, help(chat));

        assertThat(inbox.record(List.of(arrived))).isEqualTo(1);

        await().atMost(Duration.ofSeconds(20)).until(() -> fake.sentMessages(chat).stream()
                .anyMatch(call -> call.text() != null && call.text().contains("What I can do")));
    }

    /** A copy made from other content (an id the Bot API reused) is never taken for this content. */
    @Test
    void aCopyOfOtherContentUnderTheSameIdIsIgnored() {
        long chat = newChat();
        long id = 2_000_000_000L + ThreadLocalRandom.current().nextInt(100_000_000);
        decoded.keep(id, "the fingerprint of earlier content", help(chat), Instant.now());

        assertThat(inbox.record(List.of(update(id, chat, 1, "/start")))).isEqualTo(1);

        await().atMost(Duration.ofSeconds(20)).until(() -> fake.sentMessages(chat).stream()
                .anyMatch(call -> call.text() != null && call.text().contains("Back Coach")));
        assertThat(fake.sentMessages(chat)).noneMatch(call -> call.text() != null && call.text().contains("What I can do"));
        assertThat(decoded.take(id)).as("taken and dropped").isNull();
    }

    private static Incoming help(long chat) {
        return new Incoming.CommandMessage(new Incoming.Chat(chat, Incoming.ChatKind.PRIVATE),
                new Incoming.Person(chat, "en"), "help", "");
    }

    private static InboxStatus status(long updateId) {
        return QuarkusTransaction.requiringNew().call(() -> InboxUpdate.<InboxUpdate>findById(updateId).status);
    }

    private static InboundUpdate update(long updateId, long chat, int messageId, String text) {
        ObjectNode update = JSON.createObjectNode().put("update_id", updateId);
        ObjectNode message = update.putObject("message").put("message_id", messageId)
                .put("date", Instant.now().getEpochSecond()).put("text", text);
        message.putObject("chat").put("id", chat).put("type", "private").put("first_name", "Reused");
        message.putObject("from").put("id", chat).put("is_bot", false).put("first_name", "Reused")
                .put("language_code", "en");
        message.putArray("entities").addObject().put("type", "bot_command").put("offset", 0).put("length", text.length());
        return new InboundUpdate(updateId, chat, update.toString());
    }
}
