package app.backcoach.review;

import app.backcoach.coaching.DayFacts;
import app.backcoach.review.WeeklyReview.Direction;
import app.backcoach.review.WeeklyReview.Summary;

/**
 * The week's one proposed change, pure: the rule reads the week's signals and returns the change
 * with its reason. Nothing changes until the person taps.
 */
public final class Tweak {

    public enum Kind {
        /** One step up the ladder: the next variant or one more set. */
        PROGRESS,
        /** Keep the plan as it is. */
        HOLD,
        /** One step back. */
        REGRESS,
        /** From recovering to building: the pattern says the back is ready for more. */
        BUILD_PHASE,
        /** A heavy-work period: keep sessions short and keep what was built. */
        HEAVY_PHASE
    }

    /** A proposal: what, and the text key of why. */
    public record Proposal(Kind kind, String reason) {
    }

    /** Days of training or physical work in a week that make it a heavy-work period. */
    static final int HEAVY_DAYS = 3;
    /** Sessions in a week that make a progression safe to propose. */
    static final int ENOUGH_SESSIONS = 3;

    private Tweak() {
    }

    public static Proposal propose(Summary week, int step, String phase) {
        int hardMornings = week.nextDay().get("sore") + week.nextDay().get("flared");
        boolean meaningfullyWorse = week.meaningful() && week.painChangeFromStart().orElse(0.0) > 0;
        if (week.nextDay().get("flared") >= 2 || week.pain() == Direction.WORSE && meaningfullyWorse) {
            return new Proposal(Kind.REGRESS, "tweak.reason.regress");
        }
        if (week.heavyDays() >= HEAVY_DAYS && !"heavy-work".equals(phase)) {
            return new Proposal(Kind.HEAVY_PHASE, "tweak.reason.heavy");
        }
        if (hardMornings > 0 || week.pain() == Direction.WORSE) {
            return new Proposal(Kind.HOLD, "tweak.reason.hold-signals");
        }
        int sessions = week.sessionsDone() + week.sessionsPartial();
        if (sessions < ENOUGH_SESSIONS) {
            return new Proposal(Kind.HOLD, "tweak.reason.hold-few");
        }
        if ("recovering".equals(phase) && week.meaningful() && week.painChangeFromStart().orElse(0.0) < 0) {
            return new Proposal(Kind.BUILD_PHASE, "tweak.reason.build");
        }
        // Propose only what the daily rule can do: recovering stays at level 2.
        if (step >= DayFacts.maxStep(phase)) {
            return new Proposal(Kind.HOLD, step >= DayFacts.MAX_STEP ? "tweak.reason.hold-top"
                    : "tweak.reason.hold-recovering");
        }
        return new Proposal(Kind.PROGRESS, "tweak.reason.progress");
    }
}
