package app.backcoach.day;

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
import java.util.List;
import java.util.Optional;

/** A day's plan (version, exercises, reasons) and how the session went. */
@Entity
@Table(name = "daily_plan")
public class DailyPlan extends PanacheEntityBase {

    public enum Status {
        PLANNED, STARTED, DONE, PARTIAL, SKIPPED;

        /** A session happened, at least in part: tomorrow asks how it feels. */
        public boolean happened() {
            return this == STARTED || this == DONE || this == PARTIAL;
        }

        /** The day's session is on record (done, partly done or not today): nothing may replace it. */
        public boolean finished() {
            return this == DONE || this == PARTIAL || this == SKIPPED;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "telegram_user_id", nullable = false)
    public long telegramUserId;

    @Column(name = "local_date", nullable = false)
    public LocalDate localDate;

    /** {@link app.backcoach.coaching.Version} name. */
    @Column(nullable = false)
    public String version;

    /** {@link app.backcoach.coaching.Shape} name. */
    @Column(nullable = false)
    public String shape;

    @Column(nullable = false)
    public int step;

    @Column(name = "relief_focus", nullable = false)
    public boolean reliefFocus;

    @Column(nullable = false)
    public boolean demanding;

    @Column(nullable = false)
    public boolean settled;

    @Column(nullable = false)
    public boolean progressed;

    /** JSON list of {@link app.backcoach.coaching.PlannedItem}. */
    @Column(nullable = false)
    public String items;

    /** JSON list of the {@link app.backcoach.coaching.Decision}s that shaped the day. */
    @Column(nullable = false)
    public String reasons;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "pain_during")
    public Integer painDuring;

    public String effort;

    public String feeling;

    /** The outcome of an exercise that sent symptoms into a leg. */
    public static final String LEG_SYMPTOMS = "leg";
    /** The outcome of an exercise that hurt ("Hurts" in the guided session). */
    public static final String HURT = "hurt";
    /** The outcome of an exercise swapped for its regression ("Too hard"). */
    public static final String EASIER = "easier";

    /** JSON: item index → what happened in the guided session (done, easier, hurt, skipped). */
    public String outcomes;

    /** The message showing the plan, edited when the plan changes. */
    @Column(name = "message_id")
    public Long messageId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    public static Optional<DailyPlan> on(long userId, LocalDate date) {
        return find("telegramUserId = ?1 and localDate = ?2", userId, date).firstResultOptional();
    }

    /** The most recent plan before {@code date}. */
    public static Optional<DailyPlan> before(long userId, LocalDate date) {
        return find("telegramUserId = ?1 and localDate < ?2 order by localDate desc", userId, date)
                .firstResultOptional();
    }

    /** Plans from {@code from} up to, not including, {@code to}, newest first. */
    public static List<DailyPlan> between(long userId, LocalDate from, LocalDate to) {
        return list("telegramUserId = ?1 and localDate >= ?2 and localDate < ?3 order by localDate desc", userId,
                from, to);
    }

    /**
     * The step this plan leaves the person on: a step up counts only once a session at it happened,
     * so a step-up day that was skipped leaves them where they were.
     */
    public int confirmedStep() {
        return progressed && !status.happened() ? Math.max(0, step - 1) : step;
    }

    /** A step up that was done. */
    public boolean steppedUp() {
        return progressed && status.happened();
    }

    /** Easing today (relief only, or a day with relief focus): short routines offer easing only too. */
    public boolean easingOnly() {
        return reliefFocus || "RELIEF_ONLY".equals(version);
    }

    public static List<DailyPlan> of(long userId) {
        return list("telegramUserId = ?1 order by localDate", userId);
    }
}
