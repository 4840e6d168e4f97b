package app.backcoach.sender;

import app.backcoach.support.StoredJson;
import app.backcoach.user.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The outbox's transactions, one per step, so no delivery holds a transaction open while it waits on Telegram. */
@ApplicationScoped
@Transactional
public class OutboxStore {

    private static final int MAX_ERROR_LENGTH = 255;

    private final StoredJson json;
    private final Clock clock;
    private final UserService users;

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

    public void markSent(long id, Long telegramMessageId) {
        OutboxMessage row = OutboxMessage.findById(id);
        if (row.ephemeral) {
            row.delete();
            return;
        }
        row.status = OutboxStatus.SENT;
        row.attempts++;
        row.sentAt = clock.instant();
        row.telegramMessageId = telegramMessageId;
        row.lastError = null;
    }

    public void retryAt(long id, Instant notBefore, boolean countAttempt, String reason) {
        OutboxMessage row = OutboxMessage.findById(id);
        if (countAttempt) {
            row.attempts++;
        }
        row.notBefore = notBefore;
        row.lastError = truncate(reason);
    }

    public void finish(long id, OutboxStatus status, boolean countAttempt, String reason) {
        OutboxMessage row = OutboxMessage.findById(id);
        if (countAttempt) {
            row.attempts++;
        }
        row.status = status;
        row.lastError = truncate(reason);
    }

    /** After a 403: this message and everything else queued for the chat is dropped, and the user marked. */
    public void chatBlocked(long id, long chatId, String reason) {
        finish(id, OutboxStatus.DROPPED, true, reason);
        OutboxMessage.dropPendingForChat(chatId, truncate(reason));
        users.markBlocked(chatId);
    }

    public long eraseFinishedBefore(Instant cutoff) {
        return OutboxMessage.deleteFinishedBefore(cutoff);
    }

    private static String truncate(String reason) {
        return reason == null || reason.length() <= MAX_ERROR_LENGTH ? reason : reason.substring(0, MAX_ERROR_LENGTH);
    }
}
