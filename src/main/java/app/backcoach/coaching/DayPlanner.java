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
