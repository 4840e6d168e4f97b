package app.backcoach.coaching;

import java.util.ArrayList;
import java.util.List;

/**
 * Combines the rules: the lightest version any rule allows wins, steps add up within the ladder,
 * and a step up waits for a day nothing else holds back.
 */
public final class DayPlanner {

    /** The rules that still decide when the person chooses the version themselves. */
    static final List<AdaptationRules.Rule> SELF_ADJUST_LIMITS = List.of(AdaptationRules.RED_FLAG,
            AdaptationRules.SEVERE_PAIN_RULE, AdaptationRules.SESSION_FEEDBACK, AdaptationRules.PAIN_MONITORING);

    private DayPlanner() {
    }

    public static DayDecision decide(DayFacts facts) {
        return decide(facts, AdaptationRules.ALL);
    }

    /**
     * Self-adjust: the person chose the version. Pain monitoring stays on: a red flag, pain of 7 or
     * more, a session that hurt, a flare-up or pain two points above baseline still limit the day
     * and step back as they would; sore mornings, sleep and the rest are the person's call. The day
     * type still shapes the session. A step up comes only when the pain-monitoring rule allows one
     * and the person chose a full standard day.
     */
    public static DayDecision selfAdjusted(DayFacts facts, Version chosen) {
        Version version = chosen;
        Shape shape = Shape.STANDARD;
        int stepChange = 0;
        boolean reliefFocus = chosen == Version.RELIEF_ONLY;
        List<Decision> reasons = new ArrayList<>();
        reasons.add(Decision.because("self-adjust", "rule.self-adjust." + chosen.code()));
        for (AdaptationRules.Rule rule : SELF_ADJUST_LIMITS) {
            Decision decision = rule.apply(facts);
            // Pain monitoring limits a chosen day only when it steps back (flare-up or pain up).
            boolean limits = rule != AdaptationRules.PAIN_MONITORING || decision.stepChange() < 0;
            if (decision.fired() && limits) {
                version = version.atMost(decision.ceiling());
                reliefFocus |= decision.reliefFocus();
                stepChange = Math.min(stepChange, decision.stepChange());
                reasons.add(decision);
            }
        }
        Decision dayType = AdaptationRules.DAY_TYPE.apply(facts);
        shape = dayType.shape() != null ? dayType.shape() : shape;
        shape = shapeFor(version, shape);
        // The rule still owns the step: a step up it allows comes on a chosen full standard day.
        Decision monitoring = AdaptationRules.PAIN_MONITORING.apply(facts);
        boolean progress = stepChange == 0 && monitoring.stepChange() > 0 && version == Version.FULL
                && shape == Shape.STANDARD;
        if (progress) {
            stepChange = 1;
            reasons.add(monitoring);
        }
        int step = Math.max(0, Math.min(DayFacts.MAX_STEP, facts.step() + stepChange));
        boolean demanding = shape == Shape.PRIME_AND_PROTECT || (version == Version.FULL && shape == Shape.STANDARD);
        tolerance(facts).ifPresent(reasons::add);
        return new DayDecision(version, shape, step, reliefFocus, demanding, AdaptationRules.settled(facts),
                progress, reasons, facts.feedback().hurtExercises(), facts.feedback().resting());
    }

    static DayDecision decide(DayFacts facts, List<AdaptationRules.Rule> rules) {
        Version version = Version.FULL;
        Shape shape = Shape.STANDARD;
        int stepChange = 0;
        boolean reliefFocus = false;
        List<Decision> reasons = new ArrayList<>();
        for (AdaptationRules.Rule rule : rules) {
            Decision decision = rule.apply(facts);
            version = version.atMost(decision.ceiling());
            stepChange += decision.stepChange();
            shape = decision.shape() != null ? decision.shape() : shape;
            reliefFocus |= decision.reliefFocus();
            if (decision.fired()) {
                reasons.add(decision);
            }
        }
        if (stepChange > 0 && version != Version.FULL) {
            stepChange = 0;
            reasons.add(Decision.because("progress-waits", "rule.progress-waits"));
        }
        // One step back at a time, however many rules ask for it.
        stepChange = Math.max(-1, stepChange);
        shape = shapeFor(version, shape);
        int step = Math.max(0, Math.min(DayFacts.MAX_STEP, facts.step() + stepChange));
        boolean demanding = shape == Shape.PRIME_AND_PROTECT || (version == Version.FULL && shape == Shape.STANDARD);
        tolerance(facts).ifPresent(reasons::add);
        return new DayDecision(version, shape, step, reliefFocus, demanding, AdaptationRules.settled(facts),
                stepChange > 0, reasons, facts.feedback().hurtExercises(), facts.feedback().resting());
    }

    /** The tolerance memory shapes the exercises (not the dose): said in /why when it does. */
    private static java.util.Optional<Decision> tolerance(DayFacts facts) {
        SessionFeedback feedback = facts.feedback();
        if (feedback.hurtExercises().isEmpty() && feedback.resting().isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Decision.because("tolerance",
                feedback.resting().isEmpty() ? "rule.tolerance.easier" : "rule.tolerance.resting"));
    }

    /**
     * Relief and stop-and-refer have their own content; a travel day stays a travel day even then,
     * so easing on a flight is done in the seat or standing, never on the floor.
     */
    private static Shape shapeFor(Version version, Shape shape) {
        if (version == Version.STOP_AND_REFER || version == Version.RELIEF_ONLY && shape != Shape.TRAVEL) {
            return Shape.STANDARD;
        }
        return shape;
    }
}
