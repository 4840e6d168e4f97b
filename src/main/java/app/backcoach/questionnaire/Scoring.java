package app.backcoach.questionnaire;

import app.backcoach.questionnaire.Questionnaire.Aggregate;
import app.backcoach.questionnaire.Questionnaire.Band;
import app.backcoach.questionnaire.Questionnaire.Effect;
import app.backcoach.questionnaire.Questionnaire.Item;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Scores a completed questionnaire, pure: each answer's score from its scale, the total and every
 * subscale as declared (sum or mean), and the first band whose conditions hold.
 */
public final class Scoring {

    private Scoring() {
    }

    /**
     * @param band empty when the questionnaire declares no bands
     * @param effect what the band means for care; {@link Effect#NONE} without a band
     */
    public record Result(double total, Map<String, Double> subscales, Optional<String> band, Effect effect) {
    }

    /**
     * @param answers item id → the chosen option's value; other keys are ignored
     * @throws IllegalArgumentException when an item is unanswered or its answer is not on its scale
     */
    public static Result score(Questionnaire questionnaire, Map<String, String> answers) {
        Map<String, Double> itemScores = new LinkedHashMap<>();
        for (Item item : questionnaire.items()) {
            String value = answers.get(item.id());
            if (value == null) {
                throw new IllegalArgumentException(questionnaire.id() + ": item " + item.id() + " is unanswered");
            }
            double score = item.scale().option(value).orElseThrow(() -> new IllegalArgumentException(
                    questionnaire.id() + ": " + value + " is not an answer to item " + item.id())).score();
            itemScores.put(item.id(), score);
        }
        double total = aggregate(questionnaire.total(), itemScores);
        Map<String, Double> subscales = new LinkedHashMap<>();
        questionnaire.subscales().forEach((name, aggregate) -> subscales.put(name, aggregate(aggregate, itemScores)));
        Optional<Band> band = questionnaire.bands().stream()
                .filter(candidate -> candidate.when().entrySet().stream().allMatch(condition -> condition.getValue()
                        .contains(QuestionnaireLoader.TOTAL.equals(condition.getKey())
                                ? total : subscales.get(condition.getKey()))))
                .findFirst();
        return new Result(total, subscales, band.map(Band::id), band.map(Band::effect).orElse(Effect.NONE));
    }

    private static double aggregate(Aggregate aggregate, Map<String, Double> itemScores) {
        double sum = aggregate.items().stream().mapToDouble(itemScores::get).sum();
        return switch (aggregate.method()) {
            case SUM -> sum;
            // Kept to two decimals, as stored and compared: a PEG of 13/3 is 4.33.
            case MEAN -> Math.round(sum / aggregate.items().size() * 100) / 100.0;
        };
    }
}
