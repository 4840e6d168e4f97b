package app.backcoach.chat;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Where a person is in a dialogue; stored, so a restart or an upgrade strands nobody. One per person. */
@Entity
@Table(name = "dialogue_state")
public class DialogueState extends PanacheEntityBase {

    @Id
    @Column(name = "telegram_user_id")
    public long telegramUserId;

    /** The dialogue's code. */
    @Column(nullable = false)
    public String dialogue;

    @Column(name = "definition_version", nullable = false)
    public int definitionVersion;

    /** The question being asked (its id). */
    @Column(nullable = false)
    public String step;

    /** JSON: {"answers": {question: value}, "path": [questions asked, oldest first]}. */
    @Column(nullable = false)
    public String progress;

    @Column(name = "message_id")
    public Long messageId;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;
}
