package app.backcoach.sender;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** One outbound Bot API call, stored until it is delivered. */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "chat_id", nullable = false)
    public long chatId;

    @Column(nullable = false)
    public String kind;

    /** The {@link Outbound} as JSON; erased with the row after the retention period. */
    public String payload;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OutboxStatus status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "not_before", nullable = false)
    public Instant notBefore;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "telegram_message_id")
    public Long telegramMessageId;

    @Column(name = "last_error")
    public String lastError;

    /** The highest message id known in the chat when this first went out (private chats); see OutboxDispatcher. */
    @Column(name = "floor_message_id")
    public Long floorMessageId;

    /** Its first attempt may have arrived: the next successful send checks for (and removes) a duplicate. */
    @Column(name = "check_duplicate", nullable = false)
    public boolean checkDuplicate;

    /** Deleted as soon as it is delivered. */
    @Column(nullable = false)
    public boolean ephemeral;

    /** The leadership epoch of the instance that made the call (see DispatchLeader). */
    @Column(name = "sent_epoch")
    public Long sentEpoch;

    /** The message an edit changes (null for anything else): the last edit of a message is found by it. */
    @Column(name = "target_message_id")
    public Long targetMessageId;

    /**
     * The oldest unfinished message of each chat that is due, oldest chats first: a chat's messages go
     * out strictly in order, so only its head may be sent. A head still SENDING is one whose call was
     * interrupted (the dispatcher never offers a lane that is busy here). Read as plain columns, not as
     * entities: it runs once or more per message sent, and nothing here is changed through the entity.
     */
    static List<OutboxHead> dueLaneHeads(Instant now, int limit) {
        List<Object[]> rows = getSession().createNativeQuery("""
                SELECT o.id, o.chat_id, o.kind, o.status, o.attempts, o.floor_message_id, o.check_duplicate,
                       o.ephemeral, o.created_at, o.payload, h.unfinished - 1 AS behind
                FROM outbox_message o
                JOIN (SELECT chat_id, MIN(id) AS head, COUNT(*) AS unfinished FROM outbox_message
                      WHERE status IN ('PENDING', 'SENDING') GROUP BY chat_id) h ON o.id = h.head
                WHERE o.not_before <= :now OR o.status = 'SENDING'
                ORDER BY o.id
                LIMIT :limit""", Object[].class)
                .addScalar("id", Long.class)
                .addScalar("chat_id", Long.class)
                .addScalar("kind", String.class)
                .addScalar("status", String.class)
                .addScalar("attempts", Integer.class)
                .addScalar("floor_message_id", Long.class)
                .addScalar("check_duplicate", Boolean.class)
                .addScalar("ephemeral", Boolean.class)
                .addScalar("created_at", Instant.class)
                .addScalar("payload", String.class)
                .addScalar("behind", Long.class)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream().map(row -> new OutboxHead((Long) row[0], (Long) row[1], (String) row[2],
                OutboxStatus.valueOf((String) row[3]), (Integer) row[4], (Long) row[5], (Boolean) row[6],
                (Boolean) row[7], (Instant) row[8], (String) row[9], (Long) row[10])).toList();
    }

    public static long dropPendingForChat(long chatId, String reason) {
        return update("status = ?1, lastError = ?2 where chatId = ?3 and status = ?4",
                OutboxStatus.DROPPED, reason, chatId, OutboxStatus.PENDING);
    }

    public static long deleteFinishedBefore(Instant cutoff) {
        return delete("status not in (?1, ?2) and createdAt < ?3", OutboxStatus.PENDING, OutboxStatus.SENDING, cutoff);
    }

    public static long deleteForChat(long chatId) {
        return delete("chatId", chatId);
    }
}
