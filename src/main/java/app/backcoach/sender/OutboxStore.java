package app.backcoach.sender;

import app.backcoach.support.StoredJson;
import app.backcoach.user.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

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

    private static final List<String> EDIT_KINDS = List.of(Outbound.EditText.class.getSimpleName(),
            Outbound.EditKeyboard.class.getSimpleName());
    /** Recent edits of a chat looked through for the last one of a message. */
    private static final int EDITS_LOOKED_AT = 50;

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
    public List<OutboxMessage> dueLaneHeads(int limit) {
        return OutboxMessage.dueLaneHeads(clock.instant(), limit);
    }

    /** No database work, so no transaction. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Outbound read(OutboxMessage row) {
        return json.read(row.payload, Outbound.class, "outbox row " + row.id);
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
    public Prepared prepare(OutboxMessage row, Outbound message, long epoch) {
        if (repeatsLastEdit(row, message)) {
            finish(row.id, OutboxStatus.SENT, false, "not sent: the message already shows this");
            return Prepared.STOP;
        }
        Long floor = null;
        if (message.countsAsChatMessage()) {
            boolean needsFloor = message.createsMessage() && row.floorMessageId == null;
            ChatState chat = chatState(row.chatId, needsFloor);
            if (chat.blocked()) {
                finish(row.id, OutboxStatus.DROPPED, false, "the user blocked the bot");
                return Prepared.STOP;
            }
            floor = !message.createsMessage() ? null : needsFloor ? chat.floor() : row.floorMessageId;
        }
        return markInFlight(row.id, floor, epoch) ? new Prepared(true, floor) : Prepared.STOP;
    }

    /**
     * Marks the row in flight before its call. The floor is kept from the first attempt on.
     *
     * @return false when the row is gone (erased meanwhile) or no longer pending (taken by another attempt,
     *         whose commit came first): then nothing is sent
     */
    private boolean markInFlight(long id, Long floor, long epoch) {
        // One UPDATE; a row that is gone, or taken by an attempt whose commit came first, matches nothing.
        return floor == null
                ? OutboxMessage.update("status = ?1, sentEpoch = ?2 where id = ?3 and status = ?4",
                        OutboxStatus.SENDING, epoch, id, OutboxStatus.PENDING) == 1
                : OutboxMessage.update("status = ?1, sentEpoch = ?2, floorMessageId = coalesce(floorMessageId, ?3)"
                        + " where id = ?4 and status = ?5", OutboxStatus.SENDING, epoch, floor, id,
                        OutboxStatus.PENDING) == 1;
    }

    /**
     * Whether this edit would set exactly what the last edit of the same message already set (a stale
     * tap refreshing a message that shows the current state, say). Telegram refuses such an edit with
     * "message is not modified", so it is not sent. Only a last edit known to have arrived counts.
     */
    public boolean repeatsLastEdit(OutboxMessage row, Outbound message) {
        Long target = message instanceof Outbound.EditText edit ? Long.valueOf(edit.messageId())
                : message instanceof Outbound.EditKeyboard edit ? Long.valueOf(edit.messageId()) : null;
        if (target == null) {
            return false;
        }
        List<OutboxMessage> earlier = OutboxMessage.find("chatId = ?1 and id < ?2 and kind in ?3 and status <> ?4 "
                        + "order by id desc", row.chatId, row.id, EDIT_KINDS, OutboxStatus.PENDING)
                .page(0, EDITS_LOOKED_AT).list();
        for (OutboxMessage previous : earlier) {
            Outbound edit = read(previous);
            long previousTarget = edit instanceof Outbound.EditText text ? text.messageId()
                    : ((Outbound.EditKeyboard) edit).messageId();
            if (previousTarget == target) {
                return previous.status == OutboxStatus.SENT && edit.equals(message);
            }
        }
        return false;
    }

    /** Delivered: an ephemeral row goes, any other is marked sent; one statement either way. */
    public void markSent(long id, boolean ephemeral, Long telegramMessageId) {
        if (ephemeral) {
            OutboxMessage.delete("id", id);
            return;
        }
        OutboxMessage.update("status = ?1, attempts = attempts + 1, sentAt = ?2, telegramMessageId = ?3,"
                        + " checkDuplicate = false, lastError = null where id = ?4",
                OutboxStatus.SENT, clock.instant(), telegramMessageId, id);
    }

    public void retryAt(long id, Instant notBefore, boolean countAttempt, String reason) {
        requeue(id, notBefore, countAttempt, reason);
    }

    /** The attempt may have arrived: the resend checks the chat's message ids (see {@link OutboxDispatcher}). */
    public void resendChecked(long id, Instant notBefore, boolean countAttempt, String reason) {
        OutboxMessage row = requeue(id, notBefore, countAttempt, reason);
        if (row != null) {
            row.checkDuplicate = true;
        }
    }

    /** Back to pending at {@code notBefore}; null when the row is gone (erased meanwhile). */
    private OutboxMessage requeue(long id, Instant notBefore, boolean countAttempt, String reason) {
        OutboxMessage row = OutboxMessage.findById(id);
        if (row == null) {
            return null;
        }
        if (countAttempt) {
            row.attempts++;
        }
        row.status = OutboxStatus.PENDING;
        row.notBefore = notBefore;
        row.lastError = truncate(reason);
        return row;
    }

    public void finish(long id, OutboxStatus status, boolean countAttempt, String reason) {
        OutboxMessage row = OutboxMessage.findById(id);
        if (row == null) {
            return;
        }
        if (countAttempt) {
            row.attempts++;
        }
        row.status = status;
        row.lastError = truncate(reason);
        if (row.ephemeral && status != OutboxStatus.PENDING) {
            row.delete(); // it must not outlive its one chance of delivery either
        }
    }

    /** After a 403: this message and everything else queued for the chat is dropped, and the user marked. */
    public void chatBlocked(long id, long chatId, String reason) {
        finish(id, OutboxStatus.DROPPED, true, reason);
        OutboxMessage.dropPendingForChat(chatId, truncate(reason));
        users.markBlocked(chatId);
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
