package app.backcoach.day;

import app.backcoach.chat.DialogueContext;
import app.backcoach.coaching.Signals;
import app.backcoach.learn.Lessons;
import app.backcoach.profile.ProfileService;
import app.backcoach.profile.UserProfile;
import app.backcoach.safety.Escalation;
import app.backcoach.safety.EscalationService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Where a finished check-in leads: the day's plan, then either advice to see a clinician (when the
 * mornings call for it) or one thing to read below the plan (what a feature adds through {@link AfterCheckin},
 * such as the flare-up plan, or else a lesson) and the self-adjust offer.
 */
@ApplicationScoped
@Transactional
public class CheckinOutcome {

    private final ProfileService profiles;
    private final PlanService plans;
    private final PlanMessages planMessages;
    private final EscalationService escalations;
    private final Lessons lessons;
    private final SelfAdjust selfAdjust;
    private final Clock clock;
    private final Instance<AfterCheckin> extras;

    public CheckinOutcome(ProfileService profiles, PlanService plans, PlanMessages planMessages,
                          EscalationService escalations, Lessons lessons, SelfAdjust selfAdjust, Clock clock,
                          Instance<AfterCheckin> extras) {
        this.extras = extras;
        this.profiles = profiles;
        this.plans = plans;
        this.planMessages = planMessages;
        this.escalations = escalations;
        this.lessons = lessons;
        this.selfAdjust = selfAdjust;
        this.clock = clock;
    }

    void done(DialogueContext context) {
        long userId = context.userId();
        LocalDate today = profiles.today(userId);
        DailyCheckin checkin = DailyCheckin.on(userId, today).orElseThrow();
        checkin.completedAt = clock.instant();
        UserProfile profile = profiles.find(userId).orElseThrow();
        DailyPlan plan = plans.plan(profile, checkin);
        planMessages.show(context, plan);
        if (escalate(context, profile, today)) {
            return;
        }
        boolean spoke = false;
        for (AfterCheckin extra : extras) {
            spoke |= extra.after(context.below(), checkin, plan);
        }
        if (!spoke) {
            // One thing to read below the plan is enough: the lesson waits for another morning.
            lessons.maybeOffer(context.chatId(), userId, context.languageCode());
        }
        selfAdjust.maybeOffer(context.chatId(), profile, context.languageCode());
    }

    /** Pain that stays severe or does not improve: advice to see a clinician, and the screen again. */
    private boolean escalate(DialogueContext context, UserProfile profile, LocalDate today) {
        List<Escalation.Morning> mornings = DailyCheckin.between(profile.telegramUserId, today.minusDays(28),
                        today.plusDays(1)).stream()
                .filter(morning -> morning.completedAt != null)
                .map(morning -> new Escalation.Morning(morning.localDate, morning.pain,
                        Signals.Stiffness.OVER_60.code().equals(morning.stiffness)))
                .toList();
        return escalations.consider(context.below(), today, ZoneId.of(profile.timeZone), mornings);
    }
}
