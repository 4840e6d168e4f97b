package app.backcoach.review;

import app.backcoach.day.DailyCheckin;
import app.backcoach.profile.UserProfile;
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
 * The weekly review on the person's day and time (Sunday 18:00 unless they chose otherwise). Only
 * for a week with check-ins: someone who has not checked in gets no chart of nothing.
 */
@ApplicationScoped
public class WeeklyReviewJob implements DueJob {

    private final ReviewService reviews;
    private final Outreach outreach;
    private final ScheduleConfig config;

    public WeeklyReviewJob(ReviewService reviews, Outreach outreach, ScheduleConfig config) {
        this.reviews = reviews;
        this.outreach = outreach;
        this.config = config;
    }

    @Override
    public ScheduledJob.Kind kind() {
        return ScheduledJob.Kind.WEEKLY;
    }

    @Override
    public void run(ScheduledJob job, Instant now) {
        Optional<UserProfile> found = UserProfile.findByIdOptional(job.telegramUserId);
        if (found.isEmpty() || found.get().reviewDay == null || found.get().reviewTime == null) {
            job.delete();
            return;
        }
        UserProfile profile = found.get();
        Optional<String> language = outreach.mayContact(profile, now);
        boolean activeWeek = !DailyCheckin.between(profile.telegramUserId, job.localDate.minusDays(6),
                job.localDate.plusDays(1)).isEmpty();
        if (language.isPresent() && activeWeek && !MorningTime.tooLate(job.dueAt, now, config.lateWindow())) {
            reviews.send(profile.telegramUserId, profile.telegramUserId, language.get());
        }
        MorningTime.Prompt next = MorningTime.nextWeekly(ScheduleService.reviewDay(profile.reviewDay),
                profile.reviewTime, ZoneId.of(profile.timeZone), now);
        job.dueAt = next.dueAt();
        job.localDate = next.localDate();
    }
}
