package app.backcoach.sender;

import app.backcoach.support.StoredJson;
import app.backcoach.user.UserService;
import jakarta.enterprise.context.ApplicationScoped;
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

    public List<OutboxMessage> dueLaneHeads(int limit) {
        return OutboxMessage.dueLaneHeads(clock.instant(), limit);
    }

    public Outbound read(OutboxMessage row) {
        return json.read(row.payload, Outbound.class, "outbox row " + row.id);
    }

    /**
     * Marks the row in flight before its call. The floor is kept from the first attempt on.
     *
     * @return false when the row is gone (erased meanwhile) or no longer pending (taken by another attempt,
     *         whose commit came first): then nothing is sent
     */
    public boolean markInFlight(long id, Long floor, long epoch) {
        OutboxMessage row = OutboxMessage.findById(id);
        if (row == null || row.status != OutboxStatus.PENDING) {
            return false;
        }
        row.status = OutboxStatus.SENDING;
        row.sentEpoch = epoch;
        if (row.floorMessageId == null) {
            row.floorMessageId = floor;
        }
        return true;
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

    public void markSent(long id, Long telegramMessageId) {
        OutboxMessage row = OutboxMessage.findById(id);
        if (row == null) {
            return;
        }
        if (row.ephemeral) {
            row.delete();
            return;
        }
        row.status = OutboxStatus.SENT;
        row.attempts++;
        row.sentAt = clock.instant();
        row.telegramMessageId = telegramMessageId;
        row.checkDuplicate = false;
        row.lastError = null;
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

    /**
     * The highest message id known in a private chat, or null when it cannot be known exactly: our last
     * message's id and the person's last message's id, unless a message of ours after it may or may not
     * have arrived. In a private chat every message, theirs or ours, takes the next id.
     */
    public Long chatFloor(long chatId) {
        if (chatId <= 0) {
            return null; // groups and channels: ids are not ours to reason about
        }
        var em = OutboxMessage.getEntityManager();
        Number lastSentRow = (Number) em.createNativeQuery("""
                SELECT MAX(id) FROM outbox_message
                WHERE chat_id = :chat AND status = 'SENT' AND kind IN (:kinds) AND telegram_message_id IS NOT NULL""")
                .setParameter("chat", chatId).setParameter("kinds", MESSAGE_KINDS).getSingleResult();
        Number unknownSince = (Number) em.createNativeQuery("""
                SELECT COUNT(*) FROM outbox_message
                WHERE chat_id = :chat AND status = 'UNCERTAIN' AND kind IN (:kinds) AND id > :after""")
                .setParameter("chat", chatId).setParameter("kinds", MESSAGE_KINDS)
                .setParameter("after", lastSentRow == null ? 0L : lastSentRow.longValue()).getSingleResult();
        if (unknownSince.longValue() > 0) {
            return null;
        }
        Number ours = (Number) em.createNativeQuery("""
                SELECT MAX(telegram_message_id) FROM outbox_message
                WHERE chat_id = :chat AND status = 'SENT' AND kind IN (:kinds)""")
                .setParameter("chat", chatId).setParameter("kinds", MESSAGE_KINDS).getSingleResult();
        // The inbox is the intake's table; read here only for the ids of the person's messages.
        Number theirs = (Number) em.createNativeQuery("SELECT MAX(message_id) FROM inbox_update WHERE chat_id = :chat")
                .setParameter("chat", chatId).getSingleResult();
        long floor = Math.max(ours == null ? 0 : ours.longValue(), theirs == null ? 0 : theirs.longValue());
        return floor > 0 ? floor : null;
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
