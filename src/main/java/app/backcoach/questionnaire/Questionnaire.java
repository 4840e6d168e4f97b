package app.backcoach.questionnaire;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One questionnaire as declared in {@code config/questionnaires/*.yaml} (format: README, "Questionnaires"):
 * its items and answer scales in English and German, how it is scored, and when it is asked. Read and
 * checked by {@link QuestionnaireLoader}, so everything here is complete and consistent.
 *
 * @param version bumped when items change meaning: a questionnaire open on someone's screen then closes
 * @param source where the items come from (citation, licence), for the operator and the export
 */
public record Questionnaire(String id, int version, Map<String, String> title, Map<String, String> intro,
                            String source, Asked asked, List<Item> items, Aggregate total,
                            Map<String, Aggregate> subscales, List<Band> bands) {

    /** The occasions a questionnaire can be asked on. */
    public enum When {
        /** Once, in the person's first questionnaire round (before their first weekly review). */
        ONBOARDING,
        /** In every weekly round, just before the weekly review. */
        WEEKLY,
        /** In the weekly round every {@code weeks} weeks. */
        EVERY_N_WEEKS
    }

    /** @param weeks the interval in weeks (1 for weekly, 0 for once) */
    public record Asked(When when, int weeks) {
    }

    /**
     * One answer: the value stored and sent in the button's data, what it scores, and its button label
     * (null on a numeric scale, whose label is the number itself).
     */
    public record Option(String value, double score, Map<String, String> label) {
    }

    /** @param anchors what an option means, shown under the item (e.g. 0 = no pain), keyed by option value */
    public record Scale(String id, List<Option> options, Map<String, Map<String, String>> anchors) {

        public Optional<Option> option(String value) {
            return options.stream().filter(option -> option.value().equals(value)).findFirst();
        }

        double min() {
            return options.stream().mapToDouble(Option::score).min().orElse(0);
        }

        double max() {
            return options.stream().mapToDouble(Option::score).max().orElse(0);
        }
    }

    public record Item(String id, Map<String, String> text, Scale scale) {
    }

    public enum Method { SUM, MEAN }

    /** A score made of some items' scores: their sum or their mean. */
    public record Aggregate(Method method, List<String> items) {
    }

    /** Inclusive bounds; a missing bound is open. */
    public record Range(Double min, Double max) {
        public boolean contains(double value) {
            return (min == null || value >= min) && (max == null || value <= max);
        }
    }

    /**
     * A named band: the first band whose conditions all hold is the result's band (the last band has none,
     * so every result has one). {@code when} maps {@code total} or a subscale's id to its range.
     */
    public record Band(String id, Map<String, Range> when, Effect effect) {
    }

    /** What a band means for the person's care; each has its own words in the message bundles. */
    public enum Effect {
        NONE,
        /** Self-management: keep moving, keep the sessions going. */
        SELF_MANAGEMENT,
        /** Exercise led by a physiotherapist. */
        EXERCISE_LED,
        /** Clinician-guided, psychologically informed care. */
        CLINICIAN_GUIDED
    }

    /** The prefix keeps generated dialogues apart from the built-in ones, whose codes have no hyphen. */
    public String dialogueCode() {
        return "q-" + id;
    }

    public Optional<Item> item(String itemId) {
        return items.stream().filter(item -> item.id().equals(itemId)).findFirst();
    }

    /** The lowest and highest total score the answers can give. */
    public double minTotal() {
        return bound(total, false);
    }

    public double maxTotal() {
        return bound(total, true);
    }

    private double bound(Aggregate aggregate, boolean max) {
        double sum = 0;
        double extreme = max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        for (String itemId : aggregate.items()) {
            Scale scale = item(itemId).orElseThrow().scale();
            double value = max ? scale.max() : scale.min();
            sum += value;
            extreme = max ? Math.max(extreme, value) : Math.min(extreme, value);
        }
        return aggregate.method() == Method.SUM ? sum : extreme;
    }
}
