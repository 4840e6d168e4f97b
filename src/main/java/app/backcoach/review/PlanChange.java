package app.backcoach.review;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** A change the weekly review proposed, and the person's decision: the history of the plan in pencil. */
@Entity
@Table(name = "plan_change")
public class PlanChange extends PanacheEntityBase {

    public enum Decision { PENDING, ACCEPTED, DECLINED, OTHER }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "telegram_user_id", nullable = false)
    public long telegramUserId;

    @Column(name = "proposed_at", nullable = false)
    public Instant proposedAt;

    /** {@link Tweak.Kind} name. */
    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String reason;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(nullable = false)
    public Decision decision;

    /** What was applied when the person picked another option. */
    public String chosen;

    @Column(name = "decided_at")
    public Instant decidedAt;

    public static List<PlanChange> of(long userId) {
        return list("telegramUserId = ?1 order by proposedAt, id", userId);
    }
}
