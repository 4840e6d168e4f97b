package app.backcoach.routine;

import app.backcoach.profile.UserProfile;
import app.backcoach.schedule.DueJob;
import app.backcoach.schedule.ScheduledJob;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** A snoozed reminder comes back once; the recurring schedule was never moved. */
@ApplicationScoped
public class SnoozeJob implements DueJob {

    private final ReminderJob reminders;

    public SnoozeJob(ReminderJob reminders) {
        this.reminders = reminders;
    }

    @Override
    public ScheduledJob.Kind kind() {
        return ScheduledJob.Kind.SNOOZE;
    }

    @Override
    public void run(ScheduledJob job, Instant now) {
        UserProfile.<UserProfile>findByIdOptional(job.telegramUserId)
                .ifPresent(profile -> reminders.send(profile, job, now));
        job.delete();
    }
}
