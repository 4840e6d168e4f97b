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
    public static List<InboxHead> dueLaneHeads(Instant now, int limit) {
        return heads(getEntityManager().createNativeQuery("""
                SELECT i.update_id, i.chat_id, h.n - 1 FROM inbox_update i
                JOIN (SELECT chat_id, MIN(update_id) AS head, COUNT(*) AS n FROM inbox_update
                      WHERE status = 'PENDING' GROUP BY chat_id) h ON i.update_id = h.head
                WHERE i.next_attempt_at <= :now
                ORDER BY i.update_id
                LIMIT :limit""")
                .setParameter("now", now)
                .setParameter("limit", limit));
    }

    /** The same, for the chats whose partition ({@code |chat_id| mod count}) is one of {@code partitions}. */
    public static List<InboxHead> dueLaneHeads(Instant now, int limit, int count, java.util.Collection<Integer> partitions) {
        return heads(getEntityManager().createNativeQuery("""
                SELECT i.update_id, i.chat_id, h.n - 1 FROM inbox_update i
                JOIN (SELECT chat_id, MIN(update_id) AS head, COUNT(*) AS n FROM inbox_update
                      WHERE status = 'PENDING' AND MOD(ABS(chat_id), :count) IN (:partitions)
                      GROUP BY chat_id) h ON i.update_id = h.head
                WHERE i.next_attempt_at <= :now
                ORDER BY i.update_id
                LIMIT :limit""")
                .setParameter("now", now)
                .setParameter("limit", limit)
                .setParameter("count", count)
                .setParameter("partitions", partitions));
    }

    @SuppressWarnings("unchecked")
    private static List<InboxHead> heads(jakarta.persistence.Query query) {
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(row -> new InboxHead(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                ((Number) row[2]).longValue())).toList();
    }

    /**
     * Records a batch in one statement; ids already known are left as they are. Returns how many rows
     * were new: when that is fewer than the batch, {@link #fingerprints} tells which ids were known.
     */
    public static int insertAbsent(List<InboundUpdate> updates, List<String> fingerprints, Instant now) {
        StringBuilder sql = new StringBuilder("""
                INSERT IGNORE INTO inbox_update
                    (update_id, chat_id, payload, status, attempts, next_attempt_at, received_at, message_id, fingerprint)
                VALUES\s""");
        for (int i = 0; i < updates.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(:id").append(i).append(", :chat").append(i).append(", :payload")
                    .append(i).append(", 'PENDING', 0, :now, :now, :message").append(i).append(", :fingerprint")
                    .append(i).append(')');
        }
        jakarta.persistence.Query insert = getEntityManager().createNativeQuery(sql.toString()).setParameter("now", now);
        for (int i = 0; i < updates.size(); i++) {
            InboundUpdate update = updates.get(i);
            insert.setParameter("id" + i, update.updateId())
                    .setParameter("chat" + i, update.chatId())
                    .setParameter("payload" + i, update.payload())
                    .setParameter("message" + i, update.messageId())
                    .setParameter("fingerprint" + i, fingerprints.get(i));
        }
        return insert.executeUpdate();
    }

    /** The stored fingerprint of each of the ids (null for a row whose content was erased). */
    @SuppressWarnings("unchecked")
    public static java.util.Map<Long, String> fingerprints(java.util.Collection<Long> updateIds) {
        List<Object[]> rows = getEntityManager().createNativeQuery(
                        "SELECT update_id, fingerprint FROM inbox_update WHERE update_id IN (:ids)")
                .setParameter("ids", updateIds)
                .getResultList();
        java.util.Map<Long, String> stored = new java.util.HashMap<>();
        rows.forEach(row -> stored.put(((Number) row[0]).longValue(), (String) row[1]));
        return stored;
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
