package app.backcoach.coaching;

import java.util.List;
import java.util.Map;

/**
 * What one rule decided, and why. A rule that has nothing to say returns {@link #quiet}; one that
 * fires names its reason (a text key with the facts it quotes), so every choice can be explained.
 *
 * @param rule the rule's name
 * @param ceiling the most this rule allows today ({@link Version#FULL} when it does not limit)
 * @param stepChange -1 regress, +1 progress, 0 stay
 * @param shape the shape it asks for, or null
 * @param reliefFocus easier variants and an easing exercise, after a worse morning
 * @param reason text key of the reason, or null when the rule did not fire
 * @param facts values the reason quotes, by placeholder name
 */
public record Decision(String rule, Version ceiling, int stepChange, Shape shape, boolean reliefFocus, String reason,
                       Map<String, String> facts) {

    public Decision {
        facts = Map.copyOf(facts);
    }

    /** A rule's verdict that changes nothing; {@link AdaptationRules.Rule} names it. */
    public static Decision quiet() {
        return new Decision(null, Version.FULL, 0, null, false, null, Map.of());
    }

    /** A rule's verdict with its reason; {@link AdaptationRules.Rule} names it. */
    public static Decision fires(String reason, String... facts) {
        return because(null, reason, facts);
    }

    public static Decision because(String rule, String reason, String... facts) {
        return new Decision(rule, Version.FULL, 0, null, false, reason, pairs(facts));
    }

    public Decision named(String name) {
        return new Decision(name, ceiling, stepChange, shape, reliefFocus, reason, facts);
    }

    public Decision atMost(Version version) {
        return new Decision(rule, version, stepChange, shape, reliefFocus, reason, facts);
    }

    public Decision step(int change) {
        return new Decision(rule, ceiling, change, shape, reliefFocus, reason, facts);
    }

    public Decision shaped(Shape newShape) {
        return new Decision(rule, ceiling, stepChange, newShape, reliefFocus, reason, facts);
    }

    public Decision withReliefFocus() {
        return new Decision(rule, ceiling, stepChange, shape, true, reason, facts);
    }

    public boolean fired() {
        return reason != null;
    }

    /** The facts as alternating name, value pairs, the form {@code Texts.get} takes. */
    public Object[] factArguments() {
        return facts.entrySet().stream().flatMap(e -> List.of((Object) e.getKey(), e.getValue()).stream()).toArray();
    }

    private static Map<String, String> pairs(String... facts) {
        if (facts.length % 2 != 0) {
            throw new IllegalArgumentException("Facts come in name, value pairs");
        }
        java.util.LinkedHashMap<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < facts.length; i += 2) {
            map.put(facts[i], facts[i + 1]);
        }
        return map;
    }
}
