package app.backcoach.intake;

import app.backcoach.ops.BotMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/** Records arriving updates durably and keeps their processing state. */
@ApplicationScoped
@Transactional
public class InboxService {

    private static final Logger LOG = Logger.getLogger(InboxService.class);

    private final Clock clock;
    private final IntakeConfig config;
    private final BotMetrics metrics;

    public InboxService(Clock clock, IntakeConfig config, BotMetrics metrics) {
        this.clock = clock;
        this.config = config;
        this.metrics = metrics;
    }

    /**
     * Records a batch in one transaction. When this returns, every update in it is stored and may
     * be confirmed to Telegram; when it throws, none is, and Telegram will deliver them again.
     *
     * @return how many were new (the rest were redeliveries)
     */
    public int record(List<InboundUpdate> updates) {
        Instant now = clock.instant();
        int fresh = 0;
        for (InboundUpdate update : updates) {
            if (InboxUpdate.insertIfAbsent(update, now)) {
                fresh++;
            }
        }
        metrics.updatesReceived(fresh);
        metrics.updatesDuplicate(updates.size() - fresh);
        return fresh;
    }

    public List<InboxUpdate> dueLaneHeads(int limit) {
        return InboxUpdate.dueLaneHeads(clock.instant(), limit);
    }

    /**
     * Counts a failed attempt in its own transaction (the handling one was rolled back): retried
     * later with backoff, or parked when attempts run out. Logs the update id, never its content.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordFailure(long updateId, Throwable error) {
        InboxUpdate update = InboxUpdate.findById(updateId);
        if (update == null || update.status != InboxStatus.PENDING) {
            return;
        }
        update.attempts++;
        update.lastError = error.getClass().getName();
        if (update.attempts >= config.maxAttempts()) {
            update.status = InboxStatus.PARKED;
            metrics.updateParked();
            LOG.errorf("Update %d parked after %d failed attempts (last: %s)", updateId, update.attempts,
                    error.getClass().getName());
        } else {
            Duration delay = config.retryDelay().multipliedBy(1L << Math.min(update.attempts - 1, 16));
            update.nextAttemptAt = clock.instant().plus(delay);
            metrics.updateFailed();
            LOG.warnf("Update %d failed (attempt %d of %d, %s); retrying in %s", updateId, update.attempts,
                    config.maxAttempts(), error.getClass().getName(), delay);
        }
    }

    public long eraseHandledBefore(Instant cutoff) {
        return InboxUpdate.deleteHandledBefore(cutoff);
    }
}
