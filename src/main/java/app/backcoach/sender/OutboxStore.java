package app.backcoach.sender;

import app.backcoach.database.Sql;
import app.backcoach.support.StoredJson;
import app.backcoach.user.UserService;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The outbox's transactions, one per step, so no delivery holds a transaction open while it waits on Telegram.
 * A row that is gone when its outcome is recorded was erased meanwhile (/delete): nothing is left to record.
 *
 * <p>Plain SQL on a pooled connection ({@link Sql}), no JTA and no ORM session: these run for every message
 * sent, and around a statement or two a JTA transaction with a Hibernate session cost more than the
 * statements. A step that writes once runs in autocommit ({@link Sql#autocommit}): its write is guarded by
 * the row's status, so a transaction around it would add nothing but its COMMIT. Only a new row's INSERT
 * runs in its caller's JTA transaction ({@link #insertPending}). No OutboxMessage entity is read here, so
 * none is flushed over what these write.
 */
@ApplicationScoped
public class OutboxStore {

    private static final int MAX_ERROR_LENGTH = 255;
    /** The kinds that make a new message (see {@link Outbound#createsMessage()}), as stored in {@code kind}. */
    private static final String MESSAGE_KINDS = "('Text', 'Document', 'Photo')";
    /** A tap's answer as stored in {@code kind}: its own lane beside its chat's (see {@link OutboxDispatcher#laneOf}). */
    static final String ANSWER_KIND = Outbound.AnswerCallback.class.getSimpleName();

    private final StoredJson json;
    private final Clock clock;
    private final UserService users;
    private final Sql sql;
    private final Sql.Reader headReader;
    private final WrittenMessages written;

    public OutboxStore(StoredJson json, Clock clock, UserService users, Sql sql, WrittenMessages written) {
        this.json = json;
        this.written = written;
        this.clock = clock;
        this.users = users;
        this.sql = sql;
        this.headReader = sql.reader();
    }

    @PreDestroy
    void close() {
        headReader.close();
    }

    /**
     * The oldest unfinished message of each lane that is due, oldest lanes first: a chat's messages go out
     * strictly in order, so only its head may be sent; its taps' answers are a lane of their own. A head still
     * SENDING is one whose call was interrupted (the dispatcher never offers a lane that is busy here). With each
     * head, how many of its lane's unfinished rows wait behind it.
     */
    public List<OutboxHead> dueLaneHeads(int limit) {
        return headReader.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement("""
                    SELECT o.id, o.chat_id, o.kind, o.status, o.attempts, o.floor_message_id, o.check_duplicate,
                           o.ephemeral, o.created_at, o.payload, h.unfinished - 1
                    FROM outbox_message o
                    JOIN (SELECT MIN(id) AS head, COUNT(*) AS unfinished FROM outbox_message
                          WHERE status IN ('PENDING', 'SENDING') GROUP BY chat_id, kind = '%s') h
                      ON o.id = h.head
                    WHERE o.not_before <= ? OR o.status = 'SENDING'
                    ORDER BY o.id
                    LIMIT ?""".formatted(ANSWER_KIND))) {
                Sql.set(query, 1, clock.instant());
                query.setInt(2, limit);
                List<OutboxHead> heads = new ArrayList<>();
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        heads.add(new OutboxHead(row.getLong(1), row.getLong(2), row.getString(3),
                                OutboxStatus.valueOf(row.getString(4)), row.getInt(5), Sql.nullableLong(row, 6),
                                row.getBoolean(7), row.getBoolean(8), Sql.instant(row, 9), row.getString(10),
                                row.getLong(11)));
                    }
                }
                return heads;
            }
        });
    }

    /** No database work; no parsing either when this instance wrote the message (see {@link WrittenMessages}). */
    public Outbound read(OutboxHead row) {
        Outbound copy = written.take(row.payload());
        return copy != null ? copy : read(row.payload(), row.id());
    }

    private Outbound read(String payload, long id) {
        return json.read(payload, Outbound.class, "outbox row " + id);
    }

    /** Whether a row may go out now, and the chat's floor it goes with (see {@link OutboxDispatcher}). */
    public record Prepared(boolean go, Long floor) {
        static final Prepared STOP = new Prepared(false, null);
    }

    /**
     * Everything decided before a call, in one step that writes once: an edit that would change nothing is finished
     * as sent, a message to someone who blocked the bot is dropped, otherwise the row is marked SENDING
     * (with the chat's floor for a new message, kept from the first attempt on).
     */
    public Prepared prepare(OutboxHead row, Outbound message, long epoch) {
        return sql.autocommit(connection -> {
            Long target = targetOf(message);
            if (target != null) {
                // An edit: whether it repeats the last one and whether the person blocked the bot, in one read.
                EditState edit = editState(connection, row, target);
                if (edit.repeatsLastSent()) {
                    finish(connection, row, OutboxStatus.SENT, false, "not sent: the message already shows this");
                    return Prepared.STOP;
                }
                if (edit.blocked()) {
                    finish(connection, row, OutboxStatus.DROPPED, false, "the user blocked the bot");
                    return Prepared.STOP;
                }
                return markInFlight(connection, row.id(), null, epoch) ? new Prepared(true, null) : Prepared.STOP;
            }
            if (takenBeforeCall(message)) {
                return delete(connection, row.id()) == 1 ? new Prepared(true, null) : Prepared.STOP;
            }
            Long floor = null;
            if (message.countsAsChatMessage()) {
                boolean needsFloor = message.createsMessage() && row.floorMessageId() == null;
                ChatState chat = chatState(connection, row.chatId(), needsFloor);
                if (chat.blocked()) {
                    finish(connection, row, OutboxStatus.DROPPED, false, "the user blocked the bot");
                    return Prepared.STOP;
                }
                floor = !message.createsMessage() ? null : needsFloor ? chat.floor() : row.floorMessageId();
            }
            return markInFlight(connection, row.id(), floor, epoch) ? new Prepared(true, floor) : Prepared.STOP;
        });
    }

    /**
     * A tap's answer leaves the queue before its call instead of being marked SENDING: once delivered it would be
     * deleted anyway, and one whose call was cut off is not repeated (Telegram refuses a second answer), which is
     * what a missing row means at the next start. One statement instead of the mark and the delete. An answer that
     * certainly did not reach Telegram is put back ({@link #putBack}).
     */
    static boolean takenBeforeCall(Outbound message) {
        return message instanceof Outbound.AnswerCallback;
    }

    /**
     * A taken row back in the queue as it was, under its own id (so in its place in its lane), to be tried again at
     * {@code notBefore}; its age still counts from when it was first queued. An erasure between the take and this
     * leaves the answer queued until its retry takes it again, a fraction of a second: no answer outlives its
     * delivery or Telegram's window.
     */
    public void putBack(OutboxHead row, Instant notBefore, boolean countAttempt, String reason) {
        sql.autocommit(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT IGNORE INTO outbox_message
                        (id, chat_id, kind, payload, status, attempts, not_before, created_at, check_duplicate, ephemeral,
                         last_error)
                    VALUES (?, ?, ?, ?, 'PENDING', ?, ?, ?, FALSE, ?, ?)""")) {
                insert.setLong(1, row.id());
                insert.setLong(2, row.chatId());
                insert.setString(3, row.kind());
                insert.setString(4, row.payload());
                insert.setInt(5, row.attempts() + (countAttempt ? 1 : 0));
                Sql.set(insert, 6, notBefore);
                Sql.set(insert, 7, row.createdAt());
                insert.setBoolean(8, row.ephemeral());
                insert.setString(9, truncate(reason));
                return insert.executeUpdate();
            }
        });
    }

    /**
     * Marks the row in flight before its call. The floor is kept from the first attempt on.
     *
     * @return false when the row is gone (erased meanwhile) or no longer pending (taken by another attempt,
     *         whose commit came first): then nothing is sent
     */
    private static boolean markInFlight(Connection connection, long id, Long floor, long epoch) throws SQLException {
        // One UPDATE; a row that is gone, or taken by an attempt whose commit came first, matches nothing.
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE outbox_message
                SET status = 'SENDING', sent_epoch = ?, floor_message_id = COALESCE(floor_message_id, ?)
                WHERE id = ? AND status = 'PENDING'""")) {
            update.setLong(1, epoch);
            Sql.set(update, 2, floor);
            update.setLong(3, id);
            return update.executeUpdate() == 1;
        }
    }

    /** Before an edit: whether it repeats the last edit of the same message known to have arrived, and "blocked?". */
    private record EditState(boolean repeatsLastSent, boolean blocked) {
    }

    /**
     * Whether this edit would set exactly what the last edit of the same message already set (a stale tap
     * refreshing a message that shows the current state, say: Telegram refuses such an edit with "message is not
     * modified", so it is not sent), and whether the person blocked the bot. Only a last edit known to have arrived
     * counts. The last edit of the message is one row, found by its {@code target_message_id}.
     */
    private static EditState editState(Connection connection, OutboxHead row, long target) throws SQLException {
        // The index on (chat_id, target_message_id, id) finds it; a pending earlier edit does not count (at a lane
        // head there is none, since the chat's earlier rows are finished).
        // UNION ALL, not a join to a derived table: that one is materialised in a temporary table on every run
        // and cost the server more than the two reads apart (0.43 against 0.35 ms a pair; this 0.24 ms).
        // The payloads are compared where they are, byte for byte (the column's collation would take "Done" for
        // "done"): one writer makes both, and the same message always makes the same text. Reading the last one
        // back and parsing it was a tenth of the sending threads' time on taps. A payload written by an older
        // version in another form reads as a change, so at worst one edit is sent that Telegram finds unchanged.
        try (PreparedStatement query = connection.prepareStatement("""
                (SELECT status, BINARY payload = BINARY ? FROM outbox_message
                 WHERE chat_id = ? AND target_message_id = ? AND id < ? AND status <> 'PENDING'
                 ORDER BY id DESC
                 LIMIT 1)
                UNION ALL
                (SELECT 'BLOCKED', NULL FROM bot_user WHERE telegram_user_id = ? AND blocked_at IS NOT NULL)""")) {
            query.setString(1, row.payload());
            query.setLong(2, row.chatId());
            query.setLong(3, target);
            query.setLong(4, row.id());
            query.setLong(5, row.chatId());
            boolean repeats = false;
            boolean blocked = false;
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    String status = result.getString(1);
                    if ("BLOCKED".equals(status) && result.getObject(2) == null) {
                        blocked = true;
                    } else if (OutboxStatus.SENT.name().equals(status)) {
                        repeats = result.getBoolean(2);
                    }
                }
            }
            return new EditState(repeats, blocked);
        }
    }

    /**
     * A new pending row, in the caller's transaction ({@link MessageSender}): the reply is stored exactly when
     * what caused it commits. The edit's target is stored with it, for the unchanged-edit check.
     */
    static int insertPending(Connection connection, Outbound message, String payload, boolean ephemeral, Instant now)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO outbox_message
                    (chat_id, kind, payload, status, attempts, not_before, created_at, check_duplicate, ephemeral,
                     target_message_id)
                VALUES (?, ?, ?, 'PENDING', 0, ?, ?, FALSE, ?, ?)""")) {
            insert.setLong(1, message.chatId());
            insert.setString(2, message.getClass().getSimpleName());
            insert.setString(3, payload);
            Sql.set(insert, 4, now);
            Sql.set(insert, 5, now);
            insert.setBoolean(6, ephemeral);
            Sql.set(insert, 7, targetOf(message));
            return insert.executeUpdate();
        }
    }

    /** The message an edit changes, stored with its row; null for anything that is not an edit. */
    static Long targetOf(Outbound message) {
        return message instanceof Outbound.EditText edit ? Long.valueOf(edit.messageId())
                : message instanceof Outbound.EditKeyboard edit ? Long.valueOf(edit.messageId()) : null;
    }

    /** Delivered: an ephemeral row goes, any other is marked sent; one statement either way. */
    public void markSent(long id, boolean ephemeral, Long telegramMessageId) {
        sql.autocommit(connection -> {
            if (ephemeral) {
                return delete(connection, id);
            }
            try (PreparedStatement update = connection.prepareStatement("""
                    UPDATE outbox_message
                    SET status = 'SENT', attempts = attempts + 1, sent_at = ?, telegram_message_id = ?,
                        check_duplicate = FALSE, last_error = NULL
                    WHERE id = ?""")) {
                Sql.set(update, 1, clock.instant());
                Sql.set(update, 2, telegramMessageId);
                update.setLong(3, id);
                return update.executeUpdate();
            }
        });
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
        sql.autocommit(connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    UPDATE outbox_message
                    SET status = 'PENDING', attempts = attempts + ?, not_before = ?, last_error = ?,
                        check_duplicate = (check_duplicate OR ?)
                    WHERE id = ?""")) {
                update.setInt(1, countAttempt ? 1 : 0);
                Sql.set(update, 2, notBefore);
                update.setString(3, truncate(reason));
                update.setBoolean(4, checkDuplicate);
                update.setLong(5, id);
                return update.executeUpdate();
            }
        });
    }

    /**
     * Finished without (another) call, in one statement: an ephemeral row goes, since it must not outlive its
     * one chance of delivery either; any other is marked. A row that is gone (erased meanwhile) matches nothing.
     */
    public void finish(OutboxHead row, OutboxStatus status, boolean countAttempt, String reason) {
        sql.autocommit(connection -> finish(connection, row, status, countAttempt, reason));
    }

    private static int finish(Connection connection, OutboxHead row, OutboxStatus status, boolean countAttempt,
                              String reason) throws SQLException {
        if (row.ephemeral() && status != OutboxStatus.PENDING) {
            return delete(connection, row.id());
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE outbox_message SET status = ?, attempts = attempts + ?, last_error = ? WHERE id = ?")) {
            update.setString(1, status.name());
            update.setInt(2, countAttempt ? 1 : 0);
            update.setString(3, truncate(reason));
            update.setLong(4, row.id());
            return update.executeUpdate();
        }
    }

    /**
     * After a 403: this message and everything else queued for the chat is dropped, then the user is marked.
     * Two transactions: should the second not happen, the next message to the chat meets the 403 again.
     */
    public void chatBlocked(OutboxHead row, String reason) {
        sql.transaction(connection -> {
            finish(connection, row, OutboxStatus.DROPPED, true, reason);
            try (PreparedStatement drop = connection.prepareStatement(
                    "UPDATE outbox_message SET status = 'DROPPED', last_error = ? WHERE chat_id = ? AND status = 'PENDING'")) {
                drop.setString(1, truncate(reason));
                drop.setLong(2, row.chatId());
                return drop.executeUpdate();
            }
        });
        users.markBlocked(row.chatId());
    }

    private static int delete(Connection connection, long id) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM outbox_message WHERE id = ?")) {
            delete.setLong(1, id);
            return delete.executeUpdate();
        }
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
    private static ChatState chatState(Connection connection, long chatId, boolean withFloor) throws SQLException {
        // Groups and channels: message ids are not ours to reason about, so there is no floor.
        if (!withFloor || chatId <= 0) {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT COUNT(*) FROM bot_user WHERE telegram_user_id = ? AND blocked_at IS NOT NULL")) {
                query.setLong(1, chatId);
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    return new ChatState(row.getLong(1) > 0, null);
                }
            }
        }
        // The inbox is the intake's table; read here only for the ids of the person's messages.
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT
                  (SELECT COUNT(*) FROM bot_user WHERE telegram_user_id = ? AND blocked_at IS NOT NULL),
                  (SELECT COUNT(*) FROM outbox_message
                   WHERE chat_id = ? AND status = 'UNCERTAIN' AND kind IN %1$s
                     AND id > COALESCE((SELECT MAX(id) FROM outbox_message
                                        WHERE chat_id = ? AND status = 'SENT' AND kind IN %1$s
                                          AND telegram_message_id IS NOT NULL), 0)),
                  (SELECT MAX(telegram_message_id) FROM outbox_message
                   WHERE chat_id = ? AND status = 'SENT' AND kind IN %1$s),
                  (SELECT MAX(message_id) FROM inbox_update WHERE chat_id = ?)""".formatted(MESSAGE_KINDS))) {
            for (int i = 1; i <= 5; i++) {
                query.setLong(i, chatId);
            }
            try (ResultSet row = query.executeQuery()) {
                row.next();
                boolean blocked = row.getLong(1) > 0;
                if (row.getLong(2) > 0) {
                    return new ChatState(blocked, null);
                }
                long floor = Math.max(row.getLong(3), row.getLong(4)); // NULL reads as 0: nothing known
                return new ChatState(blocked, floor > 0 ? floor : null);
            }
        }
    }

    /** Ids of the person's own messages in the chat, strictly between two ids. */
    public List<Long> personMessageIdsBetween(long chatId, long afterId, long beforeId) {
        return sql.autocommit(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT message_id FROM inbox_update WHERE chat_id = ? AND message_id > ? AND message_id < ?")) {
                query.setLong(1, chatId);
                query.setLong(2, afterId);
                query.setLong(3, beforeId);
                List<Long> ids = new ArrayList<>();
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        ids.add(row.getLong(1));
                    }
                }
                return ids;
            }
        });
    }

    public long eraseFinishedBefore(Instant cutoff) {
        return sql.autocommit(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM outbox_message WHERE status NOT IN ('PENDING', 'SENDING') AND created_at < ?")) {
                Sql.set(delete, 1, cutoff);
                return (long) delete.executeUpdate();
            }
        });
    }

    private static String truncate(String reason) {
        return reason == null || reason.length() <= MAX_ERROR_LENGTH ? reason : reason.substring(0, MAX_ERROR_LENGTH);
    }
}
