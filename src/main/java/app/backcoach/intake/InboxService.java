package app.backcoach.intake;

import app.backcoach.database.Sql;
import app.backcoach.ops.BotMetrics;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/** Records arriving updates durably and keeps their processing state. */
@ApplicationScoped
@Transactional
public class InboxService {

    private static final Logger LOG = Logger.getLogger(InboxService.class);
    /** Five parameters a row: far below the server's limit of 65,535 per statement. */
    private static final int ROWS_PER_INSERT = 500;
    /** One per thread (a digest resets after each use): looking the algorithm up was half of every fingerprint. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    });

    private final Clock clock;
    private final IntakeConfig config;
    private final BotMetrics metrics;
    private final Sql sql;
    private final Sql.Reader headReader;
    private final DecodedUpdates decoded;

    public InboxService(Clock clock, IntakeConfig config, BotMetrics metrics, Sql sql, DecodedUpdates decoded) {
        this.decoded = decoded;
        this.clock = clock;
        this.config = config;
        this.metrics = metrics;
        this.sql = sql;
        this.headReader = sql.reader();
    }

    @PreDestroy
    void close() {
        headReader.close();
    }

    /**
     * Records a batch. When this returns, every update in it is stored and may be confirmed to Telegram;
     * when it throws, some may be stored, none is confirmed, and Telegram delivers the batch again: what
     * was stored then is recognised as a redelivery. Plain SQL ({@link Sql}): it runs for every batch polled.
     *
     * @return how many were new (the rest were redeliveries)
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public int record(List<InboundUpdate> updates) {
        if (updates.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        List<String> fingerprints = updates.stream().map(update -> fingerprint(update.payload())).toList();
        // Before the INSERT: once it runs, a worker may take the row at once. A copy counts only for the content it
        // was made from, so one whose row is not stored (a redelivery, an id still in use) can never mislead.
        for (int i = 0; i < updates.size(); i++) {
            InboundUpdate update = updates.get(i);
            if (update.decoded() != null) {
                decoded.keep(update.updateId(), fingerprints.get(i), update.decoded(), now);
            }
        }
        // One statement per batch, in autocommit (in chunks: a batch kept through a long outage grows).
        int inserted = sql.autocommit(connection -> {
            int rows = 0;
            for (int from = 0; from < updates.size(); from += ROWS_PER_INSERT) {
                int to = Math.min(updates.size(), from + ROWS_PER_INSERT);
                rows += insertAbsent(connection, updates.subList(from, to), fingerprints.subList(from, to), now);
            }
            return rows;
        });
        boolean allNew = inserted == updates.size();
        // Only when some ids were known already are they looked at one by one.
        int fresh = allNew ? inserted : inserted + sql.transaction(connection -> {
            Map<Long, String> stored = storedFingerprints(connection, updates);
            int takenOver = 0;
            for (int i = 0; i < updates.size(); i++) {
                String known = stored.get(updates.get(i).updateId());
                if (known != null && !known.equals(fingerprints.get(i))
                        && takesOverKnownId(connection, updates.get(i), fingerprints.get(i), now)) {
                    takenOver++;
                }
            }
            return takenOver;
        });
        metrics.updatesReceived(fresh);
        metrics.updatesDuplicate(updates.size() - fresh);
        return fresh;
    }

    private static int insertAbsent(Connection connection, List<InboundUpdate> updates, List<String> fingerprints,
                                    Instant now) throws SQLException {
        StringBuilder text = new StringBuilder("""
                INSERT IGNORE INTO inbox_update
                    (update_id, chat_id, payload, status, attempts, next_attempt_at, received_at, message_id, fingerprint)
                VALUES\s""");
        for (int i = 0; i < updates.size(); i++) {
            text.append(i == 0 ? "(?, ?, ?, 'PENDING', 0, ?, ?, ?, ?)" : ", (?, ?, ?, 'PENDING', 0, ?, ?, ?, ?)");
        }
        try (PreparedStatement insert = connection.prepareStatement(text.toString())) {
            int column = 1;
            for (int i = 0; i < updates.size(); i++) {
                InboundUpdate update = updates.get(i);
                insert.setLong(column++, update.updateId());
                insert.setLong(column++, update.chatId());
                insert.setString(column++, update.payload());
                Sql.set(insert, column++, now);
                Sql.set(insert, column++, now);
                Sql.set(insert, column++, update.messageId());
                insert.setString(column++, fingerprints.get(i));
            }
            return insert.executeUpdate();
        }
    }

    /** The stored fingerprint of each of the batch's ids that is known (null for a row whose content was erased). */
    private static Map<Long, String> storedFingerprints(Connection connection, List<InboundUpdate> updates)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT update_id, fingerprint FROM inbox_update WHERE update_id IN (" + marks(updates.size()) + ")")) {
            for (int i = 0; i < updates.size(); i++) {
                query.setLong(i + 1, updates.get(i).updateId());
            }
            Map<Long, String> stored = new HashMap<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    stored.put(row.getLong(1), row.getString(2));
                }
            }
            return stored;
        }
    }

    /**
     * A known id with other content is a new update (a Bot API that numbers from 1 again after a restart,
     * or Telegram's random restart after a quiet week): it takes the id over from a handled one, and is
     * never dropped without a word. (The same content is a redelivery, and never comes here.)
     */
    private static boolean takesOverKnownId(Connection connection, InboundUpdate update, String fingerprint,
                                            Instant now) throws SQLException {
        try (PreparedStatement replace = connection.prepareStatement("""
                UPDATE inbox_update SET chat_id = ?, payload = ?, fingerprint = ?, status = 'PENDING', attempts = 0,
                    next_attempt_at = ?, received_at = ?, handled_at = NULL, last_error = NULL, handled_by = NULL,
                    message_id = ?
                WHERE update_id = ? AND status = 'DONE'""")) {
            replace.setLong(1, update.chatId());
            replace.setString(2, update.payload());
            replace.setString(3, fingerprint);
            Sql.set(replace, 4, now);
            Sql.set(replace, 5, now);
            Sql.set(replace, 6, update.messageId());
            replace.setLong(7, update.updateId());
            if (replace.executeUpdate() == 1) {
                LOG.warnf("Update %d came with new content under an id already handled (the Bot API numbered afresh); "
                        + "taking it as a new update", update.updateId());
                return true;
            }
        }
        LOG.errorf("Update %d came with new content while the earlier update with that id is still being handled; "
                + "the new one is not taken in", update.updateId());
        return false;
    }

    /** {@code count} placeholders for an IN list. */
    private static String marks(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    static String fingerprint(String payload) {
        byte[] digest = SHA_256.get().digest((payload == null ? "" : payload).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest);
    }

    /** The highest update id stored, so a stand-in Bot API can go on numbering above it. */
    public long highestUpdateId() {
        return InboxUpdate.highestUpdateId();
    }

    /** The oldest pending update of each chat that is due: a chat's updates are handled strictly in order. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public List<InboxHead> dueLaneHeads(int limit) {
        return heads("", limit, 0, List.of());
    }

    /** The due lane heads of the chats in the given partitions ({@code |chat_id| mod count}). */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public List<InboxHead> dueLaneHeads(int limit, int count, Collection<Integer> partitions) {
        return heads(" AND MOD(ABS(chat_id), ?) IN (" + marks(partitions.size()) + ")", limit, count, partitions);
    }

    /** Ids only, and how many of the chat's updates wait behind: the payload is read under the row's lock. */
    private List<InboxHead> heads(String partitionFilter, int limit, int count, Collection<Integer> partitions) {
        return headReader.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement("""
                    SELECT i.update_id, i.chat_id, h.n - 1 FROM inbox_update i
                    JOIN (SELECT chat_id, MIN(update_id) AS head, COUNT(*) AS n FROM inbox_update
                          WHERE status = 'PENDING'%s GROUP BY chat_id) h ON i.update_id = h.head
                    WHERE i.next_attempt_at <= ?
                    ORDER BY i.update_id
                    LIMIT ?""".formatted(partitionFilter))) {
                int column = 1;
                if (!partitionFilter.isEmpty()) {
                    query.setInt(column++, count);
                    for (int partition : partitions) {
                        query.setInt(column++, partition);
                    }
                }
                Sql.set(query, column++, clock.instant());
                query.setInt(column, limit);
                List<InboxHead> heads = new ArrayList<>();
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        heads.add(new InboxHead(row.getLong(1), row.getLong(2), row.getLong(3)));
                    }
                }
                return heads;
            }
        });
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
