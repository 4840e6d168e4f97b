package app.backcoach.sandbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** One bubble of the sandbox web chat, as the page shows it (only written in sandbox mode). */
@Entity
@Table(name = "sandbox_message")
public class SandboxMessage extends PanacheEntityBase {

    @Id
    @Column(name = "message_id")
    public long messageId;

    @Column(name = "chat_id", nullable = false)
    public long chatId;

    /** The page's message record as JSON. */
    @Column(nullable = false)
    public String content;

    @Column(name = "file_id")
    public String fileId;

    @Column(name = "file_bytes")
    public byte[] fileBytes;

    @Column(name = "file_type")
    public String fileType;

    @Column(name = "file_name")
    public String fileName;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    static List<SandboxMessage> since(Instant cutoff) {
        return list("createdAt >= ?1 order by messageId", cutoff);
    }

    static long highestMessageId() {
        Long highest = find("select max(messageId) from SandboxMessage").project(Long.class).firstResult();
        return highest == null ? 0 : highest;
    }
}
