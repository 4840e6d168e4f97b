package app.backcoach.questionnaire;

import app.backcoach.questionnaire.Questionnaire.Effect;
import app.backcoach.questionnaire.Questionnaire.When;
import app.backcoach.support.StoredJson;
import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What other features read of the questionnaires (the weekly review, the chart, a report for a clinician):
 * the questionnaires in use and each person's completed scores. Read only.
 */
@ApplicationScoped
@Transactional
public class QuestionnaireResults {

    /**
     * One completed questionnaire.
     *
     * @param date the person's local date of the round it was answered in
     * @param band empty when the questionnaire declares no bands
     */
    public record Score(LocalDate date, Instant completedAt, double score, Map<String, Double> subscales,
                       Optional<String> band, Effect effect) {
    }

    private static final TypeReference<Map<String, Double>> SUBSCALES = new TypeReference<>() {
    };

    private final Questionnaires questionnaires;
    private final StoredJson json;

    public QuestionnaireResults(Questionnaires questionnaires, StoredJson json) {
        this.questionnaires = questionnaires;
        this.json = json;
    }

    /** The completed scores of one questionnaire with a round date from {@code from} to {@code to}, oldest first. */
    public List<Score> scores(long userId, String questionnaire, LocalDate from, LocalDate to) {
        return QuestionnaireResult.<QuestionnaireResult>list("telegramUserId = ?1 and questionnaire = ?2"
                                + " and roundDate >= ?3 and roundDate <= ?4 and completedAt is not null"
                                + " order by roundDate, completedAt", userId, questionnaire, from, to).stream()
                .map(row -> new Score(row.roundDate, row.completedAt, row.score,
                        row.subscales == null ? Map.of() : json.read(row.subscales, SUBSCALES, "questionnaire subscales"),
                        Optional.ofNullable(row.band), effect(row.effect)))
                .toList();
    }

    /** The questionnaire with this id, if it is in use. */
    public Optional<Questionnaire> questionnaire(String id) {
        return questionnaires.get(id);
    }

    /** The questionnaires asked every week (PEG), which the weekly review shows. */
    public List<Questionnaire> weekly() {
        return questionnaires.all().stream().filter(q -> q.asked().when() == When.WEEKLY).toList();
    }

    /** The title in the person's language (German for de, English otherwise). */
    public static String title(Questionnaire questionnaire, String languageCode) {
        return questionnaire.title().get(QuestionnaireFlows.language(languageCode));
    }

    private static Effect effect(String stored) {
        return stored == null ? Effect.NONE : Effect.valueOf(stored.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
