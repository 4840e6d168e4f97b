package app.backcoach.sender;

import app.backcoach.support.StoredJson;
import app.backcoach.user.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.hibernate.query.MutationQuery;

/**
 * The outbox's transactions, one per step, so no delivery holds a transaction open while it waits on Telegram.
 * A row that is gone when its outcome is recorded was erased meanwhile (/delete): nothing is left to record.
 */
@ApplicationScoped
@Transactional
public class OutboxStore {

    private static final int MAX_ERROR_LENGTH = 255;
    /** The kinds that make a new message (see {@link Outbound#createsMessage()}), as stored in {@code kind}. */
    private static final List<String> MESSAGE_KINDS = List.of("Text", "Document", "Photo");

    private final StoredJson json;
    private final Clock clock;
    private final UserService users;

    public OutboxStore(StoredJson json, Clock clock, UserService users) {
        this.json = json;
        this.clock = clock;
        this.users = users;
    }

    /**
     * One SELECT, run in autocommit: in a transaction it cost three more round trips (autocommit off,
     * COMMIT, autocommit on), and it runs once or more per message sent.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    @ActivateRequestContext
    public List<OutboxHead> dueLaneHeads(int limit) {
        return OutboxMessage.dueLaneHeads(clock.instant(), limit);
    }

    /** No database work, so no transaction. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Outbound read(OutboxHead row) {
        return read(row.payload(), row.id());
    }

    private Outbound read(String payload, long id) {
        return json.read(payload, Outbound.class, "outbox row " + id);
    }

    /** Whether a row may go out now, and the chat's floor it goes with (see {@link OutboxDispatcher}). */
    public record Prepared(boolean go, Long floor) {
        static final Prepared STOP = new Prepared(false, null);
    }

    /**
     * Everything decided before a call, in one transaction: an edit that would change nothing is finished
     * as sent, a message to someone who blocked the bot is dropped, otherwise the row is marked SENDING
     * (with the chat's floor for a new message, kept from the first attempt on).
     */
    public Prepared prepare(OutboxHead row, Outbound message, long epoch) {
        if (repeatsLastEdit(row, message)) {
            finish(row, OutboxStatus.SENT, false, "not sent: the message already shows this");
            return Prepared.STOP;
        }
        Long floor = null;
        if (message.countsAsChatMessage()) {
            boolean needsFloor = message.createsMessage() && row.floorMessageId() == null;
            ChatState chat = chatState(row.chatId(), needsFloor);
            if (chat.blocked()) {
                finish(row, OutboxStatus.DROPPED, false, "the user blocked the bot");
                return Prepared.STOP;
            }
            floor = !message.createsMessage() ? null : needsFloor ? chat.floor() : row.floorMessageId();
        }
        return markInFlight(row.id(), floor, epoch) ? new Prepared(true, floor) : Prepared.STOP;
    }

    /**
     * Marks the row in flight before its call. The floor is kept from the first attempt on.
     *
     * @return false when the row is gone (erased meanwhile) or no longer pending (taken by another attempt,
     *         whose commit came first): then nothing is sent
     */
    private boolean markInFlight(long id, Long floor, long epoch) {
        // One UPDATE; a row that is gone, or taken by an attempt whose commit came first, matches nothing.
        return statement("""
                UPDATE outbox_message
                SET status = 'SENDING', sent_epoch = :epoch, floor_message_id = COALESCE(floor_message_id, :floor)
                WHERE id = :id AND status = 'PENDING'""")
                .setParameter("epoch", epoch)
                .setParameter("floor", floor, Long.class)
                .setParameter("id", id)
                .executeUpdate() == 1;
    }

    /**
     * Whether this edit would set exactly what the last edit of the same message already set (a stale
     * tap refreshing a message that shows the current state, say). Telegram refuses such an edit with
     * "message is not modified", so it is not sent. Only a last edit known to have arrived counts. The
     * last edit of the message is one row, found by its {@code target_message_id}; only its payload is read.
     */
    public boolean repeatsLastEdit(OutboxHead row, Outbound message) {
        Long target = targetOf(message);
        if (target == null) {
            return false;
        }
        // The index on (chat_id, target_message_id, id) finds it; a pending earlier edit does not count (at a lane
        // head there is none, since the chat's earlier rows are finished).
        List<Object[]> last = OutboxMessage.getSession().createNativeQuery("""
                SELECT id, status, payload FROM outbox_message
                WHERE chat_id = :chat AND target_message_id = :target AND id < :id AND status <> 'PENDING'
                ORDER BY id DESC
                LIMIT 1""", Object[].class)
                .addScalar("id", Long.class)
                .addScalar("status", String.class)
                .addScalar("payload", String.class)
                .setParameter("chat", row.chatId())
                .setParameter("target", target)
                .setParameter("id", row.id())
                .getResultList();
        if (last.isEmpty()) {
            return false;
        }
        Object[] previous = last.get(0);
        return OutboxStatus.SENT.name().equals(previous[1])
                && read((String) previous[2], (Long) previous[0]).equals(message);
    }

    /** The message an edit changes, stored with its row; null for anything that is not an edit. */
    static Long targetOf(Outbound message) {
        return message instanceof Outbound.EditText edit ? Long.valueOf(edit.messageId())
                : message instanceof Outbound.EditKeyboard edit ? Long.valueOf(edit.messageId()) : null;
    }

    /** Delivered: an ephemeral row goes, any other is marked sent; one statement either way. */
    public void markSent(long id, boolean ephemeral, Long telegramMessageId) {
        if (ephemeral) {
            delete(id);
            return;
        }
        statement("""
                UPDATE outbox_message
                SET status = 'SENT', attempts = attempts + 1, sent_at = :now, telegram_message_id = :messageId,
                    check_duplicate = FALSE, last_error = NULL
                WHERE id = :id""")
                .setParameter("now", clock.instant())
                .setParameter("messageId", telegramMessageId, Long.class)
                .setParameter("id", id)
                .executeUpdate();
    }

    public void retryAt(long id, Instant notBefore, boolean countAttempt, String reason) {
        requeue(id, notBefore, countAttempt, false, reason);
    }

    /** The attempt may have arrived: the resend checks the chat's message ids (see {@link OutboxDispatcher}). */
    public void resendChecked(long id, Instant notBefore, boolean countAttempt, String reason) {
        requeue(id, notBefore, countAttempt, true, reason);
    }

    /** Back to pending at {@code notBefore}, in one UPDATE; a row that is gone (erased meanwhile) matches nothing. */
    private void requeue(long id, Instant notBefore, boolean countAttempt, boolean checkDuplicate, String reason) {
        statement("""
                UPDATE outbox_message
                SET status = 'PENDING', attempts = attempts + :counted, not_before = :notBefore,
                    last_error = :reason, check_duplicate = (check_duplicate OR :check)
                WHERE id = :id""")
                .setParameter("counted", countAttempt ? 1 : 0)
                .setParameter("notBefore", notBefore)
                .setParameter("reason", truncate(reason), String.class)
                .setParameter("check", checkDuplicate)
                .setParameter("id", id)
                .executeUpdate();
    }

    /**
     * Finished without (another) call, in one statement: an ephemeral row goes, since it must not outlive its
     * one chance of delivery either; any other is marked. A row that is gone (erased meanwhile) matches nothing.
     */
    public void finish(OutboxHead row, OutboxStatus status, boolean countAttempt, String reason) {
        if (row.ephemeral() && status != OutboxStatus.PENDING) {
            delete(row.id());
            return;
        }
        statement("""
                UPDATE outbox_message SET status = :status, attempts = attempts + :counted, last_error = :reason
                WHERE id = :id""")
                .setParameter("status", status.name())
                .setParameter("counted", countAttempt ? 1 : 0)
                .setParameter("reason", truncate(reason), String.class)
                .setParameter("id", row.id())
                .executeUpdate();
    }

    /** After a 403: this message and everything else queued for the chat is dropped, and the user marked. */
    public void chatBlocked(OutboxHead row, String reason) {
        finish(row, OutboxStatus.DROPPED, true, reason);
        OutboxMessage.dropPendingForChat(row.chatId(), truncate(reason));
        users.markBlocked(row.chatId());
    }

    private void delete(long id) {
        statement("DELETE FROM outbox_message WHERE id = :id").setParameter("id", id).executeUpdate();
    }

    /**
     * A single-row statement in SQL: HQL is translated anew on every call, and these run for every message
     * sent. No OutboxMessage entity is loaded in this class, so none is flushed over what they write.
     */
    private static MutationQuery statement(String sql) {
        return OutboxMessage.getSession().createNativeMutationQuery(sql);
    }

    /** Whether the person behind a chat blocked the bot, and the chat's floor when asked for. */
    record ChatState(boolean blocked, Long floor) {
    }

    /**
     * Whether the person behind a chat blocked the bot and, when asked for, the chat's floor: the highest
     * message id known in a private chat, or null when it cannot be known exactly (our last message's id and
     * the person's last message's id, unless a message of ours after it may or may not have arrived). In a
     * private chat every message, theirs or ours, takes the next id.
     */
    ChatState chatState(long chatId, boolean withFloor) {
        var em = OutboxMessage.getEntityManager();
        // Groups and channels: message ids are not ours to reason about, so there is no floor.
        if (!withFloor || chatId <= 0) {
            Number blocked = (Number) em.createNativeQuery(
                            "SELECT COUNT(*) FROM bot_user WHERE telegram_user_id = :chat AND blocked_at IS NOT NULL")
                    .setParameter("chat", chatId).getSingleResult();
            return new ChatState(blocked.longValue() > 0, null);
        }
        // The inbox is the intake's table; read here only for the ids of the person's messages.
        Object[] row = (Object[]) em.createNativeQuery("""
                SELECT
                  (SELECT COUNT(*) FROM bot_user WHERE telegram_user_id = :chat AND blocked_at IS NOT NULL),
                  (SELECT COUNT(*) FROM outbox_message
                   WHERE chat_id = :chat AND status = 'UNCERTAIN' AND kind IN (:kinds)
                     AND id > COALESCE((SELECT MAX(id) FROM outbox_message
                                        WHERE chat_id = :chat AND status = 'SENT' AND kind IN (:kinds)
                                          AND telegram_message_id IS NOT NULL), 0)),
                  (SELECT MAX(telegram_message_id) FROM outbox_message
                   WHERE chat_id = :chat AND status = 'SENT' AND kind IN (:kinds)),
                  (SELECT MAX(message_id) FROM inbox_update WHERE chat_id = :chat)""")
                .setParameter("chat", chatId).setParameter("kinds", MESSAGE_KINDS).getSingleResult();
        boolean blocked = ((Number) row[0]).longValue() > 0;
        if (((Number) row[1]).longValue() > 0) {
            return new ChatState(blocked, null);
        }
        long ours = row[2] == null ? 0 : ((Number) row[2]).longValue();
        long theirs = row[3] == null ? 0 : ((Number) row[3]).longValue();
        long floor = Math.max(ours, theirs);
        return new ChatState(blocked, floor > 0 ? floor : null);
    }

    /** Ids of the person's own messages in the chat, strictly between two ids. */
    @SuppressWarnings("unchecked")
    public List<Long> personMessageIdsBetween(long chatId, long afterId, long beforeId) {
        List<Number> ids = OutboxMessage.getEntityManager().createNativeQuery("""
                SELECT message_id FROM inbox_update
                WHERE chat_id = :chat AND message_id > :after AND message_id < :before""")
                .setParameter("chat", chatId).setParameter("after", afterId).setParameter("before", beforeId)
                .getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    public long eraseFinishedBefore(Instant cutoff) {
        return OutboxMessage.deleteFinishedBefore(cutoff);
    }

    private static String truncate(String reason) {
        return reason == null || reason.length() <= MAX_ERROR_LENGTH ? reason : reason.substring(0, MAX_ERROR_LENGTH);
    }
}
