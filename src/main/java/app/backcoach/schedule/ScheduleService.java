package app.backcoach.schedule;

import app.backcoach.profile.ProfileChanged;
import app.backcoach.profile.UserProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/** Keeps each person's jobs in step with their profile. */
@ApplicationScoped
@Transactional
public class ScheduleService {

    private final ScheduleConfig config;
    private final Clock clock;

    public ScheduleService(ScheduleConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** A new or changed profile: the next morning prompt and the next reminder, from now. */
    void onProfileChanged(@Observes ProfileChanged changed) {
        UserProfile profile = changed.profile();
        Instant now = clock.instant();
        ZoneId zone = ZoneId.of(profile.timeZone);
        MorningTime.Prompt morning = MorningTime.first(profile.checkinTime, zone, now);
        upsert(profile.telegramUserId, ScheduledJob.Kind.MORNING, morning.dueAt(), morning.localDate());
        if (profile.reviewDay != null && profile.reviewTime != null) {
            MorningTime.Prompt weekly = MorningTime.nextWeekly(reviewDay(profile.reviewDay), profile.reviewTime, zone, now);
            upsert(profile.telegramUserId, ScheduledJob.Kind.WEEKLY, weekly.dueAt(), weekly.localDate());
        } else {
            cancel(profile.telegramUserId, ScheduledJob.Kind.WEEKLY);
        }
        Optional<Instant> reminder = reminders(profile).next(now, profile.pausedUntil);
        if (reminder.isPresent()) {
            upsert(profile.telegramUserId, ScheduledJob.Kind.REMINDER, reminder.get(),
                    reminder.get().atZone(zone).toLocalDate());
        } else {
            cancel(profile.telegramUserId, ScheduledJob.Kind.REMINDER);
        }
    }

    /** "mon" … "sun" as a day of the week. */
    public static java.time.DayOfWeek reviewDay(String day) {
        return java.util.Arrays.stream(java.time.DayOfWeek.values())
                .filter(value -> value.name().toLowerCase(java.util.Locale.ROOT).startsWith(day))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("Not a day: " + day));
    }

    /** The profile's reminder slots, with the operator's limits applied. */
    public ReminderSlots reminders(UserProfile profile) {
        return new ReminderSlots(profile.workDays, profile.workStart, profile.workEnd, profile.reminderMinutes,
                profile.quietStart, profile.quietEnd, ZoneId.of(profile.timeZone), config.reminderDailyMax())
                .atLeast(config.minReminderInterval());
    }

    /** Schedules (or moves) the person's job of a kind. */
    public void upsert(long userId, ScheduledJob.Kind kind, Instant dueAt, LocalDate localDate) {
        ScheduledJob job = ScheduledJob.of(userId, kind).orElseGet(() -> {
            ScheduledJob created = new ScheduledJob();
            created.telegramUserId = userId;
            created.kind = kind;
            return created;
        });
        job.dueAt = dueAt;
        job.localDate = localDate;
        job.updatedAt = clock.instant();
        if (!job.isPersistent()) {
            job.persist();
        }
    }

    public void cancel(long userId, ScheduledJob.Kind kind) {
        ScheduledJob.delete("telegramUserId = ?1 and kind = ?2", userId, kind);
    }
}
