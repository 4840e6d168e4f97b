package app.backcoach.schedule;

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
import java.time.LocalDate;
import java.util.Optional;

/** One thing due later for one person; at most one row per person and kind. */
@Entity
@Table(name = "scheduled_job")
public class ScheduledJob extends PanacheEntityBase {

    public enum Kind {
        /** The morning check-in prompt. */
        MORNING,
        /** One gentle reminder when the morning check-in is still unanswered. */
        NUDGE,
        /** The next transition ritual in the work block. */
        REMINDER,
        /** A reminder snoozed for a while; the recurring schedule stays as it was. */
        SNOOZE,
        /** The weekly review on the person's chosen day and time. */
        WEEKLY
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "telegram_user_id", nullable = false)
    public long telegramUserId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    /** The person's local day the job belongs to (a prompt is once per local day). */
    @Column(name = "local_date", nullable = false)
    public LocalDate localDate;

    @Column(name = "claimed_by")
    public String claimedBy;

    @Column(name = "claimed_until")
    public Instant claimedUntil;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Optional<ScheduledJob> of(long userId, Kind kind) {
        return find("telegramUserId = ?1 and kind = ?2", userId, kind).firstResultOptional();
    }
}
