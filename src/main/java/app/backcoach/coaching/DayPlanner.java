package app.backcoach.coaching;

import java.util.ArrayList;
import java.util.List;

/**
 * Combines the rules: the lightest version any rule allows wins, steps add up within the ladder,
 * and a step up waits for a day nothing else holds back.
 */
public final class DayPlanner {

    private DayPlanner() {
    }

    public static DayDecision decide(DayFacts facts) {
        return decide(facts, AdaptationRules.ALL);
    }

    /**
     * Self-adjust: the person chose the version; only the safety rules can lower it, and the day
     * type still shapes the session. No step changes: progression stays with the rules' days.
     */
    public static DayDecision selfAdjusted(DayFacts facts, Version chosen) {
        Version version = chosen;
        Shape shape = Shape.STANDARD;
        boolean reliefFocus = chosen == Version.RELIEF_ONLY;
        List<Decision> reasons = new ArrayList<>();
        reasons.add(Decision.because("self-adjust", "rule.self-adjust." + chosen.code()));
        for (AdaptationRules.Rule rule : List.of(AdaptationRules.RED_FLAG, AdaptationRules.SEVERE_PAIN_RULE,
                AdaptationRules.DAY_TYPE)) {
            Decision decision = rule.apply(facts);
            if (rule != AdaptationRules.DAY_TYPE) {
                version = version.atMost(decision.ceiling());
                reliefFocus |= decision.reliefFocus();
            }
            shape = decision.shape() != null ? decision.shape() : shape;
            if (decision.fired() && rule != AdaptationRules.DAY_TYPE) {
                reasons.add(decision);
            }
        }
        if (version.compareTo(Version.MAINTENANCE) > 0) {
            shape = Shape.STANDARD;
        }
        boolean demanding = shape == Shape.PRIME_AND_PROTECT || (version == Version.FULL && shape == Shape.STANDARD);
        return new DayDecision(version, shape, facts.step(), reliefFocus, demanding, AdaptationRules.settled(facts),
                false, reasons);
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
        if (version.compareTo(Version.MAINTENANCE) > 0) {
            shape = Shape.STANDARD; // relief and stop-and-refer have their own content
        }
        int step = Math.max(0, Math.min(DayFacts.MAX_STEP, facts.step() + stepChange));
        boolean demanding = shape == Shape.PRIME_AND_PROTECT || (version == Version.FULL && shape == Shape.STANDARD);
        return new DayDecision(version, shape, step, reliefFocus, demanding, AdaptationRules.settled(facts),
                stepChange > 0, reasons);
    }
}
