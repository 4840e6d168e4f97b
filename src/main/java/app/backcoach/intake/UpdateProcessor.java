package app.backcoach.intake;

import app.backcoach.chat.ConversationRouter;
import app.backcoach.ops.BotMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Handles one recorded update in one transaction: the conversation's state changes, the replies it
 * queues in the outbox and the update's DONE mark commit together or not at all.
 */
@ApplicationScoped
public class UpdateProcessor {

    private final UpdateDecoder decoder;
    private final ConversationRouter router;
    private final BotMetrics metrics;
    private final Clock clock;

    public UpdateProcessor(UpdateDecoder decoder, ConversationRouter router, BotMetrics metrics, Clock clock) {
        this.decoder = decoder;
        this.router = router;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * The update's row is locked first and found still pending, or nothing happens: two instances that
     * both took it (one paused past its partition lease) are serialised here, and the later one finds
     * it DONE. On a Galera cluster the lock is local to a node, but both transactions write the row, so
     * the later commit fails certification (1213) and rolls back with its replies.
     *
     * @param handledBy the handling instance, kept with the update
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void handle(long updateId, String handledBy) {
        InboxUpdate update = InboxUpdate.findById(updateId, LockModeType.PESSIMISTIC_WRITE);
        if (update == null || update.status != InboxStatus.PENDING) {
            return; // handled meanwhile (here or at another instance), or erased with its user
        }
        router.route(decoder.decode(update.payload));
        Instant now = clock.instant();
        update.status = InboxStatus.DONE;
        update.handledAt = now;
        update.payload = null;
        update.lastError = null;
        update.handledBy = handledBy;
        metrics.updateHandled(Duration.between(update.receivedAt, now));
    }
}
