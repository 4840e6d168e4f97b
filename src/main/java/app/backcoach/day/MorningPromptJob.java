package app.backcoach.day;

import app.backcoach.chat.DialogueContext;
import app.backcoach.ops.BotMetrics;
import app.backcoach.privacy.ConsentRenewal;
import app.backcoach.profile.UserProfile;
import app.backcoach.safety.SafetyScreen;
import app.backcoach.schedule.DueJob;
import app.backcoach.schedule.MorningTime;
import app.backcoach.schedule.Outreach;
import app.backcoach.schedule.ScheduleConfig;
import app.backcoach.schedule.ScheduleService;
import app.backcoach.schedule.ScheduledJob;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The morning check-in arrives by itself at the person's local check-in time, once per local day:
 * the check-in's first question is the prompt. Skipped when they cannot be contacted, already
 * checked in, or the service was down past the late window; followed by one nudge.
 */
@ApplicationScoped
public class MorningPromptJob implements DueJob {

    private final CheckinService checkins;
    private final ScheduleService schedules;
    private final ScheduleConfig config;
    private final Outreach outreach;
    private final ConsentRenewal renewal;
    private final BotMetrics metrics;

    public MorningPromptJob(CheckinService checkins, ScheduleService schedules, ScheduleConfig config,
                            Outreach outreach, ConsentRenewal renewal, BotMetrics metrics) {
        this.metrics = metrics;
        this.renewal = renewal;
        this.checkins = checkins;
        this.schedules = schedules;
        this.config = config;
        this.outreach = outreach;
    }

    @Override
    public ScheduledJob.Kind kind() {
        return ScheduledJob.Kind.MORNING;
    }

    @Override
    public void run(ScheduledJob job, Instant now) {
        Optional<UserProfile> found = UserProfile.findByIdOptional(job.telegramUserId);
        if (found.isEmpty()) {
            job.delete();
            return;
        }
        UserProfile profile = found.get();
        Optional<String> language = outreach.mayContact(profile, now);
        boolean due = language.isPresent()
                && !MorningTime.tooLate(job.dueAt, now, config.lateWindow())
                && DailyCheckin.completedOn(job.telegramUserId, job.localDate).isEmpty()
                && SafetyScreen.pausingPlan(job.telegramUserId).isEmpty();
        if (due) {
            checkins.begin(new DialogueContext(job.telegramUserId, job.telegramUserId, language.get(), null));
            metrics.promptSent(java.time.Duration.between(job.dueAt, now));
            schedules.upsert(job.telegramUserId, ScheduledJob.Kind.NUDGE, now.plus(config.nudgeDelay()), job.localDate);
        } else if (language.isEmpty() && !MorningTime.tooLate(job.dueAt, now, config.lateWindow())) {
            // Consent to an older policy: the morning asks for it again instead of falling silent.
            outreach.mayAskToRenewConsent(profile, now).ifPresent(renewalLanguage -> renewal.askUnprompted(
                    new DialogueContext(job.telegramUserId, job.telegramUserId, renewalLanguage, null)));
        }
        MorningTime.Prompt next = MorningTime.after(job.localDate, profile.checkinTime, ZoneId.of(profile.timeZone),
                now, config.lateWindow());
        job.dueAt = next.dueAt();
        job.localDate = next.localDate();
    }
}
