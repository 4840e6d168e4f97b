package app.backcoach.intake;

import app.backcoach.chat.ConversationRouter;
import app.backcoach.chat.Incoming;
import app.backcoach.database.Sql;
import app.backcoach.ops.BotMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
    private final Sql sql;
    private final DecodedUpdates decoded;

    public UpdateProcessor(UpdateDecoder decoder, ConversationRouter router, BotMetrics metrics, Clock clock, Sql sql,
                           DecodedUpdates decoded) {
        this.sql = sql;
        this.decoded = decoded;
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
        // Its row in plain SQL on the transaction's own connection: loading, tracking and flushing an entity for
        // two statements cost more than the statements, on every update.
        Instant now = clock.instant();
        DecodedUpdates.Copy copy = decoded.take(updateId);
        if (copy != null && sql.inCurrentTransaction(connection ->
                markDone(connection, updateId, copy.fingerprint(), handledBy, now)) == 1) {
            // The usual way, one statement: the row was pending with exactly the content the copy was made from,
            // and is now locked and marked DONE in this transaction; a rollback puts it back as it was.
            router.route(copy.incoming());
            metrics.updateHandled(Duration.between(copy.receivedAt(), now));
            return;
        }
        Pending update = sql.inCurrentTransaction(connection -> lockPending(connection, updateId));
        if (update == null) {
            return; // handled meanwhile (here or at another instance), or erased with its user
        }
        router.route(decoder.decode(update.payload()));
        sql.inCurrentTransaction(connection -> markDone(connection, updateId, handledBy, now));
        metrics.updateHandled(Duration.between(update.receivedAt(), now));
    }

    private record Pending(String payload, String fingerprint, Instant receivedAt) {
    }

    /**
     * The DONE mark as the first statement, for a row still pending with the given content: it locks the row as
     * {@link #lockPending} would, and a row handled meanwhile, erased, or taken over by other content under the
     * same id (a Bot API numbering again) matches nothing.
     */
    private static int markDone(Connection connection, long updateId, String fingerprint, String handledBy,
                                Instant now) throws SQLException {
        // By the primary key, as lockPending locks it: with few rows pending the optimizer would go through the lane
        // index (status, chat, id) and lock that first, and an instance locking the other way round deadlocked.
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE inbox_update FORCE INDEX (PRIMARY)
                SET status = 'DONE', handled_at = ?, payload = NULL, last_error = NULL, handled_by = ?
                WHERE update_id = ? AND status = 'PENDING' AND fingerprint = ?""")) {
            Sql.set(update, 1, now);
            update.setString(2, handledBy);
            update.setLong(3, updateId);
            update.setString(4, fingerprint);
            return update.executeUpdate();
        }
    }

    private static Pending lockPending(Connection connection, long updateId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT payload, fingerprint, received_at FROM inbox_update FORCE INDEX (PRIMARY) WHERE update_id = ? AND status = 'PENDING' FOR UPDATE")) {
            query.setLong(1, updateId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? new Pending(row.getString(1), row.getString(2), Sql.instant(row, 3)) : null;
            }
        }
    }

    /** Only these columns: a /delete in this same handling has already cleared the row's chat and message id. */
    private static int markDone(Connection connection, long updateId, String handledBy, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE inbox_update SET status = 'DONE', handled_at = ?, payload = NULL, last_error = NULL, handled_by = ?
                WHERE update_id = ?""")) {
            Sql.set(update, 1, now);
            update.setString(2, handledBy);
            update.setLong(3, updateId);
            return update.executeUpdate();
        }
    }
}
