package app.backcoach.safety;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Advice to see a clinician, given because coaching alone was not enough (see {@link Escalation}). */
@Entity
@Table(name = "safety_escalation")
public class SafetyEscalation extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "telegram_user_id", nullable = false)
    public long telegramUserId;

    /** {@link Escalation.Reason#code()}. */
    @Column(nullable = false)
    public String reason;

    @Column(name = "advised_at", nullable = false)
    public Instant advisedAt;
}
