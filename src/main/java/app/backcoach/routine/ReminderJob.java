package app.backcoach.routine;

import app.backcoach.catalogue.Catalogue;
import app.backcoach.conditions.ConditionsService;
import app.backcoach.day.DailyCheckin;
import app.backcoach.day.DailyPlan;
import app.backcoach.coaching.PlannedItem;
import app.backcoach.coaching.Signals;
import app.backcoach.profile.UserProfile;
import app.backcoach.safety.SafetyScreen;
import app.backcoach.schedule.DueJob;
import app.backcoach.schedule.Outreach;
import app.backcoach.schedule.ScheduleConfig;
import app.backcoach.schedule.ScheduleService;
import app.backcoach.schedule.ScheduledJob;
import app.backcoach.sender.MessageSender;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * A transition ritual between work blocks, before stiffness turns into pain: recurring (the
 * REMINDER job, which then moves to the next slot) or snoozed (the SNOOZE job, once). Quiet hours
 * and days off have no slots; pauses, blocks and open red flags send nothing.
 */
@ApplicationScoped
public class ReminderJob implements DueJob {

    private final ScheduleService schedules;
    private final ScheduleConfig config;
    private final Outreach outreach;
    private final RoutineMessages messages;
    private final Catalogue catalogue;
    private final MessageSender sender;
    private final ConditionsService conditions;

    public ReminderJob(ScheduleService schedules, ScheduleConfig config, Outreach outreach, RoutineMessages messages,
                       Catalogue catalogue, MessageSender sender, ConditionsService conditions) {
        this.conditions = conditions;
        this.schedules = schedules;
        this.config = config;
        this.outreach = outreach;
        this.messages = messages;
        this.catalogue = catalogue;
        this.sender = sender;
    }

    @Override
    public ScheduledJob.Kind kind() {
        return ScheduledJob.Kind.REMINDER;
    }

    @Override
    public void run(ScheduledJob job, Instant now) {
        Optional<UserProfile> profile = UserProfile.findByIdOptional(job.telegramUserId);
        if (profile.isEmpty()) {
            job.delete();
            return;
        }
        if (!now.isAfter(job.dueAt.plus(config.reminderLateWindow()))) {
            send(profile.get(), job, now);
        }
        Optional<Instant> next = schedules.reminders(profile.get()).next(now, profile.get().pausedUntil);
        if (next.isEmpty()) {
            job.delete();
            return;
        }
        job.dueAt = next.get();
        job.localDate = next.get().atZone(ZoneId.of(profile.get().timeZone)).toLocalDate();
    }

    /** Sends the ritual when the person can be reached and has no open red flag. */
    void send(UserProfile profile, ScheduledJob job, Instant now) {
        Optional<String> language = outreach.mayContact(profile, now);
        if (language.isEmpty() || profile.reminderMinutes <= 0
                || SafetyScreen.pausingPlan(profile.telegramUserId).isPresent()) {
            return;
        }
        LocalDate today = now.atZone(ZoneId.of(profile.timeZone)).toLocalDate();
        boolean travelling = DailyCheckin.on(profile.telegramUserId, today)
                .filter(checkin -> Signals.DayType.TRAVEL.code().equals(checkin.dayType)).isPresent();
        boolean easing = DailyPlan.on(profile.telegramUserId, today).filter(DailyPlan::easingOnly).isPresent();
        // Turns with every slot of the day, and starts the day on another theme than yesterday.
        int turn = (int) (today.toEpochDay() % ShortRoutines.RITUAL_THEMES.size())
                + job.dueAt.atZone(ZoneId.of(profile.timeZone)).getHour() * 60
                / Math.max(1, profile.reminderMinutes);
        PlannedItem ritual = new ShortRoutines(catalogue, conditions.inForce(profile.telegramUserId, today))
                .ritual(travelling ? ShortRoutines.Where.SEAT : ShortRoutines.Where.OFFICE, turn, easing);
        sender.send(profile.telegramUserId, messages.ritual(ritual, language.get()),
                messages.reminderButtons(ritual, language.get()));
    }
}
