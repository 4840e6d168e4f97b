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
import java.util.List;
import java.util.Optional;

/** One completed red-flag screen. */
@Entity
@Table(name = "safety_screen")
public class SafetyScreen extends PanacheEntityBase {

    /** The tiers, mildest first, so that the most serious of several answers wins. */
    public enum Outcome {
        /** Nothing in the answers stands in the way of exercise. */
        CLEAR,
        /** Check with a clinician before starting; the plan stays paused until they clear it. */
        REFER,
        /** See a doctor today; the plan stays paused until a doctor has examined the person. */
        TODAY,
        /** Possible cauda equina or rapidly worsening nerve signs: emergency care now. */
        URGENT;

        /** Lifting this pause takes two deliberate steps: a doctor examined me, and yes, really. */
        public boolean needsDoctor() {
            return this == TODAY || this == URGENT;
        }

        public Outcome worst(Outcome other) {
            return compareTo(other) >= 0 ? this : other;
        }
    }

    /** Where the answers came from. */
    public enum Source {
        ONBOARDING, WEEKLY, SESSION, LEG, FREE_TEXT, REVIEW;

        String code() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
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

    @Column(nullable = false)
    public String source = Source.ONBOARDING.code();

    /** When the person took the first of the two steps that lift an emergency or same-day pause. */
    @Column(name = "clearance_asked_at")
    public Instant clearanceAskedAt;

    /** When the person confirmed that a clinician cleared them to exercise (after REFER or URGENT). */
    @Column(name = "cleared_at")
    public Instant clearedAt;

    /** Whether this screen keeps the plan paused. */
    public boolean pausesPlan() {
        return outcome != Outcome.CLEAR && clearedAt == null;
    }

    /** Keeps a screen's outcome; {@code answers} is its JSON. */
    public static SafetyScreen record(long telegramUserId, Outcome outcome, String answers, Instant at) {
        return record(telegramUserId, Source.ONBOARDING, outcome, answers, at);
    }

    /** Keeps a screen's outcome and where it came from; {@code answers} is its JSON. */
    public static SafetyScreen record(long telegramUserId, Source source, Outcome outcome, String answers, Instant at) {
        SafetyScreen screen = new SafetyScreen();
        screen.telegramUserId = telegramUserId;
        screen.source = source.code();
        screen.outcome = outcome;
        screen.answers = answers;
        screen.screenedAt = at;
        screen.persist();
        return screen;
    }

    /**
     * The red flag that keeps the person's plan paused, if there is one: the most serious not yet
     * cleared. A later clear screen never lifts it; only a clinician's clearance does.
     */
    public static Optional<SafetyScreen> pausingPlan(long telegramUserId) {
        List<SafetyScreen> open = list("telegramUserId = ?1 and outcome <> ?2 and clearedAt is null "
                + "order by screenedAt desc, id desc", telegramUserId, Outcome.CLEAR);
        return open.stream().reduce((kept, older) -> older.outcome.compareTo(kept.outcome) > 0 ? older : kept);
    }

    /** A clearance covers every pause reported up to the screen it was given for. */
    public static void clearUpTo(SafetyScreen screen, Instant at) {
        List<SafetyScreen> open = list("telegramUserId = ?1 and outcome <> ?2 and clearedAt is null and screenedAt <= ?3",
                screen.telegramUserId, Outcome.CLEAR, screen.screenedAt);
        open.forEach(paused -> paused.clearedAt = at);
        screen.clearedAt = at;
    }

    public static Optional<SafetyScreen> latest(long telegramUserId) {
        return find("telegramUserId = ?1 order by screenedAt desc, id desc", telegramUserId).firstResultOptional();
    }
}
