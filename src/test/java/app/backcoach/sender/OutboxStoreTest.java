package app.backcoach.sender;

import static app.backcoach.testing.Chats.awaitReplies;
import static app.backcoach.testing.Chats.newChat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.backcoach.testing.FakeBotApi;
import app.backcoach.user.UserService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The outbox's reads that every send goes through: lane heads, and the last edit of a message. */
@QuarkusTest
class OutboxStoreTest {

    private final FakeBotApi fake = FakeBotApi.instance();

    @Inject
    MessageSender sender;

    @Inject
    OutboxStore store;

    @Inject
    OutboxDispatcher outbox;

    @Inject
    WrittenMessages written;

    @Inject
    OutboxPersonalData personalData;

    @Inject
    UserService users;

    @Inject
    OutboxWakes wakes;

    @AfterEach
    void restart() {
        outbox.start();
    }

    @Test
    void aLaneHeadIsTheChatsOldestMessageAndCountsTheOnesBehindIt() {
        long busy = newChat();
        long quiet = newChat();
        outbox.stop(Duration.ofSeconds(5)); // nothing is sent while the heads are looked at
        QuarkusTransaction.requiringNew().run(() -> {
            sender.send(busy, "first");
            sender.send(quiet, "only");
            sender.send(busy, "second");
            sender.send(busy, "third");
        });

        Map<Long, OutboxHead> heads = store.dueLaneHeads(10_000).stream()
                .filter(head -> head.chatId() == busy || head.chatId() == quiet)
                .collect(Collectors.toMap(OutboxHead::chatId, Function.identity()));

        assertThat(heads).containsOnlyKeys(busy, quiet);
        OutboxHead head = heads.get(busy);
        assertThat(store.read(head)).isEqualTo(new Outbound.Text(busy, "first", null));
        assertThat(head.behind()).isEqualTo(2);
        assertThat(heads.get(quiet).behind()).isZero();
        // Only a lane with more behind its head needs another read when the head is done.
        assertThat(outbox.moreBehind(head)).isTrue();
        assertThat(outbox.moreBehind(heads.get(quiet))).isFalse();
        OutboxMessage row = QuarkusTransaction.requiringNew().call(() -> OutboxMessage.<OutboxMessage>findById(head.id()));
        assertThat(head).isEqualTo(new OutboxHead(row.id, busy, "Text", OutboxStatus.PENDING, 0, null, false, false,
                row.createdAt, row.payload, 2));

        outbox.start();
        assertThat(awaitReplies(busy, 3)).containsExactly("first", "second", "third");
        assertThat(awaitReplies(quiet, 1)).containsExactly("only");
    }

    @Test
    void aTransactionThatQueuesSeveralMessagesWakesTheDispatcherOnce() {
        long chat = newChat();
        int before = wakes.onThisThread();
        QuarkusTransaction.requiringNew().run(() -> {
            sender.send(chat, "one");
            sender.send(chat, "two");
        });
        QuarkusTransaction.requiringNew().run(() -> sender.send(chat, "three"));

        assertThat(wakes.onThisThread() - before).isEqualTo(2);
        assertThat(awaitReplies(chat, 3)).containsExactly("one", "two", "three");
    }

    @Test
    void aTapsAnswerIsALaneOfItsOwnBesideItsChatsMessages() {
        long chat = newChat();
        outbox.stop(Duration.ofSeconds(5));
        QuarkusTransaction.requiringNew().run(() -> sender.send(chat, "first"));
        String firstTap = "cq" + fake.pushCallback(chat, 1, "no-such-button");
        await().atMost(Duration.ofSeconds(20)).until(() -> unfinishedRows(chat) == 2);
        QuarkusTransaction.requiringNew().run(() -> sender.send(chat, "second"));
        String secondTap = "cq" + fake.pushCallback(chat, 1, "no-such-button");
        await().atMost(Duration.ofSeconds(20)).until(() -> unfinishedRows(chat) == 4);

        List<OutboxHead> heads = store.dueLaneHeads(10_000).stream().filter(head -> head.chatId() == chat).toList();

        // Both lanes' heads in one read, each counting only its own lane behind it.
        assertThat(heads).extracting(OutboxHead::kind, OutboxHead::behind)
                .containsExactly(Tuple.tuple("Text", 1L), Tuple.tuple("AnswerCallback", 1L));
        assertThat(outbox.laneOf(heads.get(0))).isEqualTo(chat);
        assertThat(outbox.laneOf(heads.get(1))).isNotEqualTo(chat).isNotEqualTo(-chat);

        outbox.start();
        assertThat(awaitReplies(chat, 2)).containsExactly("first", "second");
        await().atMost(Duration.ofSeconds(20)).until(() -> unfinishedRows(chat) == 0);
        assertThat(fake.calls("answerCallbackQuery")).extracting(call -> call.params().path("callback_query_id").asText())
                .containsSubsequence(firstTap, secondTap);
        assertThat(fake.violations()).noneMatch(violation -> violation.contains("to chat " + chat + ":"));
    }

    @Test
    void aMessageThisInstanceWroteIsReadAsWrittenOnceAndItsRowHoldsTheSame() {
        long chat = newChat();
        outbox.stop(Duration.ofSeconds(5)); // nothing is sent while the rows are read
        Keyboard keyboard = Keyboard.singleRow(new Keyboard.Button("Yes ✓", "set:phase"),
                new Keyboard.Button("Not now", "set:equipment"));
        List<Outbound> expected = List.of(
                new Outbound.Text(chat, "<b>Hello</b> &amp; welcome", keyboard),
                new Outbound.EditText(chat, 41, "<i>edited</i>", keyboard),
                new Outbound.EditKeyboard(chat, 41, keyboard),
                new Outbound.AnswerCallback(chat, "query-1", "Saved"));
        int before = written.size();
        QuarkusTransaction.requiringNew().run(() -> {
            sender.send(chat, "<b>Hello</b> &amp; welcome", keyboard);
            sender.edit(chat, 41, "<i>edited</i>", keyboard);
            sender.editKeyboard(chat, 41, keyboard);
            sender.answerCallback(chat, "query-1", "Saved");
        });
        assertThat(written.size()).isEqualTo(before + 4);

        List<OutboxMessage> rows = QuarkusTransaction.requiringNew().call(() -> OutboxMessage.<OutboxMessage>list(
                "chatId = ?1 order by id", chat));
        assertThat(rows).hasSize(4);
        for (int i = 0; i < rows.size(); i++) {
            OutboxMessage row = rows.get(i);
            OutboxHead head = new OutboxHead(row.id, chat, row.kind, row.status, 0, null, false, false, row.createdAt,
                    row.payload, 0);
            Outbound asWritten = store.read(head);
            assertThat(asWritten).isEqualTo(expected.get(i));
            assertThat(written.take(row.payload)).as("taken by the read").isNull();
            // Read again, it is parsed from the row: the same message, so comparing a copy with an earlier
            // stored edit (the unchanged-edit check) means what comparing two stored ones did.
            assertThat(store.read(head)).isEqualTo(asWritten).isNotSameAs(asWritten);
        }
        QuarkusTransaction.requiringNew().run(() -> OutboxMessage.delete("chatId", chat));
    }

    @Test
    void erasingAPersonDropsTheirUnsentMessagesFromMemoryToo() {
        long chat = newChat();
        long other = newChat();
        outbox.stop(Duration.ofSeconds(5));
        QuarkusTransaction.requiringNew().run(() -> {
            sender.send(chat, "for the one who erases");
            sender.send(other, "for someone else");
        });
        Map<Long, String> payloads = QuarkusTransaction.requiringNew().call(() -> OutboxMessage.<OutboxMessage>list(
                "chatId in ?1", List.of(chat, other)).stream()
                .collect(Collectors.toMap(row -> row.chatId, row -> row.payload)));

        QuarkusTransaction.requiringNew().run(() -> personalData.erase(chat));

        assertThat(written.take(payloads.get(chat))).isNull();
        assertThat(written.take(payloads.get(other))).isEqualTo(new Outbound.Text(other, "for someone else", null));
        QuarkusTransaction.requiringNew().run(() -> OutboxMessage.delete("chatId", other));
    }

    @Test
    void anEditForSomeoneWhoBlockedTheBotMeanwhileIsDroppedUnsent() {
        long chat = newChat();
        QuarkusTransaction.requiringNew().run(() -> {
            users.recordSeen(chat, "en");
            sender.send(chat, "question");
        });
        awaitReplies(chat, 1);
        long question = messageId(chat, "question");
        outbox.stop(Duration.ofSeconds(5));
        QuarkusTransaction.requiringNew().run(() -> sender.edit(chat, question, "answered", null));
        QuarkusTransaction.requiringNew().run(() -> users.markBlocked(chat));

        outbox.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> unfinishedRows(chat) == 0);

        assertThat(fake.calls("editMessageText")).noneMatch(call -> call.chatId() != null && call.chatId() == chat);
        OutboxMessage edit = QuarkusTransaction.requiringNew().call(() ->
                OutboxMessage.<OutboxMessage>find("chatId = ?1 and kind = 'EditText'", chat).singleResult());
        assertThat(edit.status).isEqualTo(OutboxStatus.DROPPED);
        assertThat(edit.lastError).isEqualTo("the user blocked the bot");
    }

    @Test
    void anEditThatRepeatsTheLastEditOfItsMessageIsNotSent() {
        long chat = newChat();
        QuarkusTransaction.requiringNew().run(() -> {
            sender.send(chat, "question");
            sender.send(chat, "other");
        });
        awaitReplies(chat, 2);
        long question = messageId(chat, "question");
        long other = messageId(chat, "other");

        QuarkusTransaction.requiringNew().run(() -> {
            sender.edit(chat, question, "answered", null);
            sender.edit(chat, other, "answered", null); // the same text, but another message: sent
            sender.edit(chat, question, "answered", null); // what the question shows already: not sent
            sender.edit(chat, question, "changed", null);
            sender.edit(chat, question, "Changed", null); // a change the column's collation would not see: sent
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> unfinishedRows(chat) == 0);

        assertThat(fake.calls("editMessageText")).filteredOn(call -> call.chatId() != null && call.chatId() == chat)
                .extracting(call -> call.params().path("message_id").asLong(), FakeBotApi.Call::text,
                        FakeBotApi.Call::httpStatus)
                .containsExactly(Tuple.tuple(question, "answered", 200), Tuple.tuple(other, "answered", 200),
                        Tuple.tuple(question, "changed", 200), Tuple.tuple(question, "Changed", 200));
        assertThat(fake.violations()).noneMatch(violation -> violation.contains("to chat " + chat + ":"));
        List<OutboxMessage> edits = QuarkusTransaction.requiringNew().call(() ->
                OutboxMessage.list("chatId = ?1 and kind = 'EditText' order by id", chat));
        assertThat(edits).extracting(row -> row.targetMessageId, row -> row.status)
                .containsExactly(Tuple.tuple(question, OutboxStatus.SENT), Tuple.tuple(other, OutboxStatus.SENT),
                        Tuple.tuple(question, OutboxStatus.SENT), Tuple.tuple(question, OutboxStatus.SENT),
                        Tuple.tuple(question, OutboxStatus.SENT));
        assertThat(edits).extracting(row -> row.lastError)
                .containsExactly(null, null, "not sent: the message already shows this", null, null);
    }

    @Test
    void aNewMessageGoesWithTheChatsHighestKnownIdWhetherTheirsOrOurs() {
        long chat = newChat();
        fake.pushText(chat, "/help");
        awaitReplies(chat, 1);
        long ourFirst = sentRows(chat).get(0).telegramMessageId;
        assertThat(sentRows(chat).get(0).floorMessageId).as("their /help came last").isEqualTo(theirLastMessageId(chat));

        outbox.stop(Duration.ofSeconds(5));
        fake.pushText(chat, "/help"); // answered while nothing goes out: their message is the chat's latest
        await().atMost(Duration.ofSeconds(20)).until(() -> unfinishedRows(chat) == 1);
        QuarkusTransaction.requiringNew().run(() -> sender.send(chat, "and one more"));
        outbox.start();
        awaitReplies(chat, 3);
        await().atMost(Duration.ofSeconds(20)).until(() -> unfinishedRows(chat) == 0);

        List<OutboxMessage> rows = sentRows(chat);
        long theirs = theirLastMessageId(chat);
        assertThat(theirs).isGreaterThan(ourFirst);
        assertThat(rows).extracting(row -> row.floorMessageId)
                .containsExactly(theirs - 2, theirs, rows.get(1).telegramMessageId);
    }

    @Test
    void aNewMessageAfterOneWhoseArrivalIsUnknownGoesWithoutAFloor() {
        long chat = newChat();
        fake.pushText(chat, "/help");
        awaitReplies(chat, 1);
        QuarkusTransaction.requiringNew().run(() -> OutboxMessage.update("status = ?1 where chatId = ?2",
                OutboxStatus.UNCERTAIN, chat));

        QuarkusTransaction.requiringNew().run(() -> sender.send(chat, "next"));
        awaitReplies(chat, 2);
        await().atMost(Duration.ofSeconds(20)).until(() -> unfinishedRows(chat) == 0);

        assertThat(sentRows(chat)).hasSize(1).first().extracting(row -> row.floorMessageId).isNull();
    }

    @Test
    void aNewMessageForSomeoneWhoBlockedTheBotMeanwhileIsDroppedUnsent() {
        long chat = newChat();
        QuarkusTransaction.requiringNew().run(() -> users.recordSeen(chat, "en"));
        outbox.stop(Duration.ofSeconds(5));
        QuarkusTransaction.requiringNew().run(() -> sender.send(chat, "hello"));
        QuarkusTransaction.requiringNew().run(() -> users.markBlocked(chat));

        outbox.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> unfinishedRows(chat) == 0);

        assertThat(fake.sentMessages(chat)).isEmpty();
        OutboxMessage row = QuarkusTransaction.requiringNew().call(() ->
                OutboxMessage.<OutboxMessage>find("chatId", chat).singleResult());
        assertThat(row.status).isEqualTo(OutboxStatus.DROPPED);
        assertThat(row.lastError).isEqualTo("the user blocked the bot");
        assertThat(row.floorMessageId).isNull();
    }

    private static List<OutboxMessage> sentRows(long chat) {
        return QuarkusTransaction.requiringNew().call(() ->
                OutboxMessage.list("chatId = ?1 and kind = 'Text' and status = ?2 order by id", chat, OutboxStatus.SENT));
    }

    private static long theirLastMessageId(long chat) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) OutboxMessage.getEntityManager()
                .createNativeQuery("SELECT MAX(message_id) FROM inbox_update WHERE chat_id = ?1")
                .setParameter(1, chat).getSingleResult()).longValue());
    }

    private long messageId(long chat, String text) {
        return fake.currentMessages(chat).stream().filter(m -> m.path("text").asText().equals(text)).findFirst()
                .orElseThrow().path("message_id").asLong();
    }

    private static long unfinishedRows(long chat) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessage.count("chatId = ?1 and status in ?2", chat,
                List.of(OutboxStatus.PENDING, OutboxStatus.SENDING)));
    }
}
