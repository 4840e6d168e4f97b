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
