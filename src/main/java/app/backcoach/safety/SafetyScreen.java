package app.backcoach.safety;

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
import java.util.Optional;

/** One completed red-flag screen. */
@Entity
@Table(name = "safety_screen")
public class SafetyScreen extends PanacheEntityBase {

    public enum Outcome {
        /** Nothing in the answers stands in the way of exercise. */
        CLEAR,
        /** See a clinician before starting; the plan stays paused until they clear it. */
        REFER,
        /** Possible nerve compression: seek emergency care now. */
        URGENT
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "telegram_user_id", nullable = false)
    public long telegramUserId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Outcome outcome;

    /** JSON: question id → yes/no. */
    @Column(nullable = false)
    public String answers;

    @Column(name = "screened_at", nullable = false)
    public Instant screenedAt;

    /** When the person confirmed that a clinician cleared them to exercise (after REFER or URGENT). */
    @Column(name = "cleared_at")
    public Instant clearedAt;

    /** Whether this screen keeps the plan paused. */
    public boolean pausesPlan() {
        return outcome != Outcome.CLEAR && clearedAt == null;
    }

    /** Keeps a screen's outcome; {@code answers} is its JSON. */
    public static SafetyScreen record(long telegramUserId, Outcome outcome, String answers, Instant at) {
        SafetyScreen screen = new SafetyScreen();
        screen.telegramUserId = telegramUserId;
        screen.outcome = outcome;
        screen.answers = answers;
        screen.screenedAt = at;
        screen.persist();
        return screen;
    }

    /** The red flag that keeps the person's plan paused, if there is one. */
    public static Optional<SafetyScreen> pausingPlan(long telegramUserId) {
        return latest(telegramUserId).filter(SafetyScreen::pausesPlan);
    }

    public static Optional<SafetyScreen> latest(long telegramUserId) {
        return find("telegramUserId = ?1 order by screenedAt desc, id desc", telegramUserId).firstResultOptional();
    }
}
