package app.backcoach.profile;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalTime;

/** When and how a person wants to be coached. Times are local to {@link #timeZone}. */
@Entity
@Table(name = "user_profile")
public class UserProfile extends PanacheEntityBase {

    @Id
    @Column(name = "telegram_user_id")
    public long telegramUserId;

    /** IANA zone id, e.g. Europe/Berlin. */
    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @Column(name = "checkin_time", nullable = false)
    public LocalTime checkinTime;

    /** mon-fri, mon-sat, every-day or irregular. */
    @Column(name = "work_days", nullable = false)
    public String workDays;

    /** Null when the hours are irregular. */
    @Column(name = "work_start")
    public LocalTime workStart;

    @Column(name = "work_end")
    public LocalTime workEnd;

    /** Minutes between reminders during work hours; 0 means no reminders. */
    @Column(name = "reminder_minutes", nullable = false)
    public int reminderMinutes;

    @Column(name = "quiet_start", nullable = false)
    public LocalTime quietStart;

    @Column(name = "quiet_end", nullable = false)
    public LocalTime quietEnd;

    /** recovering, building, performing or heavy-work. */
    @Column(nullable = false)
    public String phase;

    /** none, mat, band or chair. */
    @Column(nullable = false)
    public String equipment;

    @Column(name = "session_minutes", nullable = false)
    public int sessionMinutes;

    /** The weekly review's day (mon … sun) and local time; null for "only on /progress". */
    @Column(name = "review_day")
    public String reviewDay;

    @Column(name = "review_time")
    public LocalTime reviewTime;

    /** The person chooses the day's version; the bot only checks safety. */
    @Column(name = "self_adjust", nullable = false)
    public boolean selfAdjust;

    @Column(name = "self_adjust_offered_at")
    public Instant selfAdjustOfferedAt;

    /** Reminders and prompts rest until then; null when not paused. */
    @Column(name = "paused_until")
    public Instant pausedUntil;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
