package app.backcoach.intake;

import app.backcoach.chat.ConversationRouter;
import app.backcoach.ops.BotMetrics;
import jakarta.enterprise.context.ApplicationScoped;
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

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void handle(long updateId) {
        InboxUpdate update = InboxUpdate.findById(updateId);
        if (update == null || update.status != InboxStatus.PENDING) {
            return; // handled meanwhile, or erased with its user
        }
        router.route(decoder.decode(update.payload));
        Instant now = clock.instant();
        update.status = InboxStatus.DONE;
        update.handledAt = now;
        update.payload = null;
        update.lastError = null;
        metrics.updateHandled(Duration.between(update.receivedAt, now));
    }
}
