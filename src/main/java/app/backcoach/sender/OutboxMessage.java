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

    /**
     * The oldest unfinished message of each chat that is due, oldest chats first: a chat's messages go
     * out strictly in order, so only its head may be sent. A head still SENDING is one whose call was
     * interrupted (the dispatcher never offers a lane that is busy here).
     */
    @SuppressWarnings("unchecked")
    /** The leadership epoch of the instance that made the call (see DispatchLeader). */
    @Column(name = "sent_epoch")
    public Long sentEpoch;

    public static List<OutboxMessage> dueLaneHeads(Instant now, int limit) {
        return getEntityManager().createNativeQuery("""
                SELECT o.* FROM outbox_message o
                JOIN (SELECT chat_id, MIN(id) AS head FROM outbox_message
                      WHERE status IN ('PENDING', 'SENDING') GROUP BY chat_id) h ON o.id = h.head
                WHERE o.not_before <= :now OR o.status = 'SENDING'
                ORDER BY o.id
                LIMIT :limit""", OutboxMessage.class)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList();
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
