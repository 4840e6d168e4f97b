package app.backcoach.intake;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One update as recorded before it was confirmed to Telegram. */
@Entity
@Table(name = "inbox_update")
@DynamicUpdate // an update being handled must not write back a chat that /delete just cleared
public class InboxUpdate extends PanacheEntityBase {

    @Id
    @Column(name = "update_id")
    public long updateId;

    @Column(name = "chat_id", nullable = false)
    public long chatId;

    /** The raw update; cleared once handled, since only the id is needed to spot redeliveries. */
    public String payload;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public InboxStatus status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "handled_at")
    public Instant handledAt;

    @Column(name = "last_error")
    public String lastError;

    /** The id of the person's message in the update, if any; kept with the id, cleared with the chat. */
    @Column(name = "message_id")
    public Long messageId;

    /** The instance that handled it ({@code PartitionLeases.holder()}): shows how handling spreads. */
    @Column(name = "handled_by")
    public String handledBy;

    /** SHA-256 of the payload as it arrived: tells a redelivery from a new update that reuses the id. */
    public String fingerprint;

    /** The oldest pending update of each chat that is due: a chat's updates are handled strictly in order. */
    @SuppressWarnings("unchecked")
    public static List<InboxUpdate> dueLaneHeads(Instant now, int limit) {
        return getEntityManager().createNativeQuery("""
                SELECT i.* FROM inbox_update i
                JOIN (SELECT chat_id, MIN(update_id) AS head FROM inbox_update
                      WHERE status = 'PENDING' GROUP BY chat_id) h ON i.update_id = h.head
                WHERE i.next_attempt_at <= :now
                ORDER BY i.update_id
                LIMIT :limit""", InboxUpdate.class)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList();
    }

    /** The same, for the chats whose partition ({@code |chat_id| mod count}) is one of {@code partitions}. */
    @SuppressWarnings("unchecked")
    public static List<InboxUpdate> dueLaneHeads(Instant now, int limit, int count, java.util.Collection<Integer> partitions) {
        return getEntityManager().createNativeQuery("""
                SELECT i.* FROM inbox_update i
                JOIN (SELECT chat_id, MIN(update_id) AS head FROM inbox_update
                      WHERE status = 'PENDING' AND MOD(ABS(chat_id), :count) IN (:partitions)
                      GROUP BY chat_id) h ON i.update_id = h.head
                WHERE i.next_attempt_at <= :now
                ORDER BY i.update_id
                LIMIT :limit""", InboxUpdate.class)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .setParameter("count", count)
                .setParameter("partitions", partitions)
                .getResultList();
    }

    /** Records the update unless its id is known; returns whether it was new. */
    public static boolean insertIfAbsent(InboundUpdate update, String fingerprint, Instant now) {
        return getEntityManager().createNativeQuery("""
                INSERT IGNORE INTO inbox_update
                    (update_id, chat_id, payload, status, attempts, next_attempt_at, received_at, message_id, fingerprint)
                VALUES (:id, :chat, :payload, 'PENDING', 0, :now, :now, :message, :fingerprint)""")
                .setParameter("id", update.updateId())
                .setParameter("message", update.messageId())
                .setParameter("chat", update.chatId())
                .setParameter("payload", update.payload())
                .setParameter("now", now)
                .setParameter("fingerprint", fingerprint)
                .executeUpdate() == 1;
    }

    /** The stored fingerprint and status of a known id, read past the session's cache. */
    @SuppressWarnings("unchecked")
    public static Optional<Object[]> fingerprintAndStatus(long updateId) {
        List<Object[]> rows = getEntityManager().createNativeQuery(
                        "SELECT fingerprint, status FROM inbox_update WHERE update_id = :id")
                .setParameter("id", updateId)
                .getResultList();
        return rows.stream().findFirst();
    }

    /** A handled update's id is taken by a new update: it starts over as pending with the new content. */
    public static boolean replaceHandled(InboundUpdate update, String fingerprint, Instant now) {
        return getEntityManager().createNativeQuery("""
                UPDATE inbox_update SET chat_id = :chat, payload = :payload, fingerprint = :fingerprint,
                    status = 'PENDING', attempts = 0, next_attempt_at = :now, received_at = :now,
                    handled_at = NULL, last_error = NULL, handled_by = NULL
                WHERE update_id = :id AND status = 'DONE'""")
                .setParameter("id", update.updateId())
                .setParameter("chat", update.chatId())
                .setParameter("payload", update.payload())
                .setParameter("now", now)
                .setParameter("fingerprint", fingerprint)
                .executeUpdate() == 1;
    }

    /** The highest id stored: where a stand-in for the Bot API continues its numbering. */
    public static long highestUpdateId() {
        Number highest = (Number) getEntityManager()
                .createNativeQuery("SELECT COALESCE(MAX(update_id), 0) FROM inbox_update")
                .getSingleResult();
        return highest.longValue();
    }

    public static long deleteHandledBefore(Instant cutoff) {
        return delete("status = ?1 and handledAt < ?2", InboxStatus.DONE, cutoff);
    }

    /** Keeps the ids (to recognise redeliveries) but nothing else; what was still waiting is dropped. */
    public static long anonymiseChat(long chatId) {
        return update("chatId = 0, payload = null, messageId = null, fingerprint = null, status = ?1 "
                        + "where chatId = ?2 and status = ?3", InboxStatus.DONE, chatId, InboxStatus.PENDING)
                + update("chatId = 0, payload = null, messageId = null, fingerprint = null where chatId = ?1", chatId);
    }
}
