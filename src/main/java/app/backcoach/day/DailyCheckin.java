package app.backcoach.day;

import app.backcoach.coaching.Signals;
import app.backcoach.coaching.Signals.Coded;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** One morning's check-in. Columns hold the answers' stored values; null when skipped or not yet given. */
@Entity
@Table(name = "daily_checkin")
public class DailyCheckin extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "telegram_user_id", nullable = false)
    public long telegramUserId;

    @Column(name = "local_date", nullable = false)
    public LocalDate localDate;

    public Integer pain;

    public String stiffness;

    public Integer confidence;

    @Column(name = "sleep_quality")
    public String sleep;

    public String yesterday;

    /** How the leg was, the morning after a session sent symptoms into it (settled, pain, numb, both). */
    public String leg;

    @Column(name = "day_type")
    public String dayType;

    /** The version the person chose themselves (self-adjust), or null when the rules decide. */
    @Column(name = "chosen_version")
    public String chosenVersion;

    /** Null while the check-in is under way. */
    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public Signals signals() {
        return new Signals(pain, Coded.parse(Signals.Stiffness.class, stiffness).orElse(null), confidence,
                Coded.parse(Signals.Sleep.class, sleep).orElse(null),
                Coded.parse(Signals.NextDay.class, yesterday).orElse(null),
                Coded.parse(Signals.DayType.class, dayType).orElse(null));
    }

    public static Optional<DailyCheckin> on(long userId, LocalDate date) {
        return find("telegramUserId = ?1 and localDate = ?2", userId, date).firstResultOptional();
    }

    /** The day's check-in if it was finished (not one still under way). */
    public static Optional<DailyCheckin> completedOn(long userId, LocalDate date) {
        return on(userId, date).filter(checkin -> checkin.completedAt != null);
    }

    /** Check-ins in [from, to), oldest first. */
    public static List<DailyCheckin> between(long userId, LocalDate from, LocalDate to) {
        return list("telegramUserId = ?1 and localDate >= ?2 and localDate < ?3 order by localDate", userId, from, to);
    }
}
