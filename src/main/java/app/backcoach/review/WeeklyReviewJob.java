package app.backcoach.review;

import app.backcoach.day.DailyCheckin;
import app.backcoach.profile.UserProfile;
import app.backcoach.questionnaire.QuestionnaireConfig;
import app.backcoach.questionnaire.QuestionnaireRoundDone;
import app.backcoach.questionnaire.QuestionnaireService;
import app.backcoach.schedule.DueJob;
import app.backcoach.schedule.MorningTime;
import app.backcoach.schedule.Outreach;
import app.backcoach.schedule.ScheduleConfig;
import app.backcoach.schedule.ScheduleService;
import app.backcoach.schedule.ScheduledJob;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The weekly review on the person's day and time (Sunday 18:00 unless they chose otherwise). Only
 * for a week with check-ins: someone who has not checked in gets no chart of nothing. The questionnaires due
 * that week (PEG) come first and the review follows their last answer, so it can show them; when they are
 * not answered within {@code questionnaires.review-wait}, the review comes without them.
 */
@ApplicationScoped
public class WeeklyReviewJob implements DueJob {

    private final ReviewService reviews;
    private final Outreach outreach;
    private final ScheduleConfig config;
    private final QuestionnaireService questionnaires;
    private final QuestionnaireConfig questionnaireConfig;
    private final Clock clock;

    public WeeklyReviewJob(ReviewService reviews, Outreach outreach, ScheduleConfig config,
                           QuestionnaireService questionnaires, QuestionnaireConfig questionnaireConfig, Clock clock) {
        this.reviews = reviews;
        this.outreach = outreach;
        this.config = config;
        this.questionnaires = questionnaires;
        this.questionnaireConfig = questionnaireConfig;
        this.clock = clock;
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
            // The round is asked once (its rows say so), so the run after the wait sends the review.
            if (questionnaires.startRound(profile.telegramUserId, profile.telegramUserId, language.get(),
                    job.localDate)) {
                job.dueAt = now.plus(questionnaireConfig.reviewWait());
                return;
            }
            reviews.send(profile.telegramUserId, profile.telegramUserId, language.get());
        }
        advance(job, profile, now);
    }

    /** The last answer of the week's round: the review it waited for, unless it went out without it meanwhile. */
    void afterQuestionnaires(@Observes QuestionnaireRoundDone done) {
        Optional<ScheduledJob> waiting = ScheduledJob.<ScheduledJob>find("telegramUserId = ?1 and kind = ?2",
                        done.userId(), ScheduledJob.Kind.WEEKLY).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional()
                .filter(job -> job.localDate.equals(done.roundDate()));
        Optional<UserProfile> profile = UserProfile.findByIdOptional(done.userId());
        if (waiting.isEmpty() || profile.isEmpty() || profile.get().reviewDay == null
                || profile.get().reviewTime == null) {
            return;
        }
        reviews.send(done.chatId(), done.userId(), done.languageCode());
        ScheduledJob job = waiting.get();
        // A scheduler that claimed the row to send the review alone finds it no longer its own.
        job.claimedBy = null;
        job.claimedUntil = null;
        job.updatedAt = clock.instant();
        advance(job, profile.get(), clock.instant());
    }

    private static void advance(ScheduledJob job, UserProfile profile, Instant now) {
        MorningTime.Prompt next = MorningTime.nextWeekly(ScheduleService.reviewDay(profile.reviewDay),
                profile.reviewTime, ZoneId.of(profile.timeZone), now);
        job.dueAt = next.dueAt();
        job.localDate = next.localDate();
    }
}
