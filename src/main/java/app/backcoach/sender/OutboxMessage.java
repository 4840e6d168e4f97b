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

    public static long deleteForChat(long chatId) {
        return delete("chatId", chatId);
    }
}
