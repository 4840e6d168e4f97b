package app.backcoach.intake;

import app.backcoach.ops.BotMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/** Records arriving updates durably and keeps their processing state. */
@ApplicationScoped
@Transactional
public class InboxService {

    private static final Logger LOG = Logger.getLogger(InboxService.class);
    /** Five parameters a row: far below the server's limit of 65,535 per statement. */
    private static final int ROWS_PER_INSERT = 500;

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
        if (updates.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        List<String> fingerprints = updates.stream().map(update -> fingerprint(update.payload())).toList();
        // One statement per batch (in chunks: a batch kept through a long outage grows); only when some ids were
        // known already are they looked at one by one.
        int fresh = 0;
        for (int from = 0; from < updates.size(); from += ROWS_PER_INSERT) {
            int to = Math.min(updates.size(), from + ROWS_PER_INSERT);
            fresh += InboxUpdate.insertAbsent(updates.subList(from, to), fingerprints.subList(from, to), now);
        }
        if (fresh < updates.size()) {
            Map<Long, String> stored = InboxUpdate.fingerprints(updates.stream().map(InboundUpdate::updateId).toList());
            for (int i = 0; i < updates.size(); i++) {
                String known = stored.get(updates.get(i).updateId());
                if (known != null && !known.equals(fingerprints.get(i))
                        && takesOverKnownId(updates.get(i), fingerprints.get(i), now)) {
                    fresh++;
                }
            }
        }
        metrics.updatesReceived(fresh);
        metrics.updatesDuplicate(updates.size() - fresh);
        return fresh;
    }

    /**
     * A known id with the same content is a redelivery. With other content it is a new update (a Bot
     * API that numbers from 1 again after a restart, or Telegram's random restart after a quiet week):
     * it takes the id over from a handled one, and is never dropped without a word.
     */
    private boolean takesOverKnownId(InboundUpdate update, String fingerprint, Instant now) {
        Optional<Object[]> known = InboxUpdate.fingerprintAndStatus(update.updateId());
        if (known.isEmpty() || known.get()[0] == null || fingerprint.equals(known.get()[0])) {
            return false;
        }
        if (InboxUpdate.replaceHandled(update, fingerprint, now)) {
            LOG.warnf("Update %d came with new content under an id already handled (the Bot API numbered afresh); "
                    + "taking it as a new update", update.updateId());
            return true;
        }
        LOG.errorf("Update %d came with new content while the earlier update with that id is still %s; "
                + "the new one is not taken in", update.updateId(), known.get()[1]);
        return false;
    }

    static String fingerprint(String payload) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((payload == null ? "" : payload).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }

    /** The highest update id stored, so a stand-in Bot API can go on numbering above it. */
    public long highestUpdateId() {
        return InboxUpdate.highestUpdateId();
    }

    /** One SELECT in autocommit: a transaction around it cost three more round trips, once or more per update. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    @ActivateRequestContext
    public List<InboxHead> dueLaneHeads(int limit) {
        return InboxUpdate.dueLaneHeads(clock.instant(), limit);
    }

    /** The due lane heads of the chats in the given partitions (chat id modulo {@code count}); autocommit as above. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    @ActivateRequestContext
    public List<InboxHead> dueLaneHeads(int limit, int count, java.util.Collection<Integer> partitions) {
        return InboxUpdate.dueLaneHeads(clock.instant(), limit, count, partitions);
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
