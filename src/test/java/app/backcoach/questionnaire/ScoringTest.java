package app.backcoach.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.backcoach.questionnaire.Questionnaire.Effect;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Scoring, table-tested: PEG's mean, and the STarT Back rule on the fixture with placeholder wording. */
class ScoringTest {

    private static Questionnaire peg() throws IOException {
        return QuestionnaireLoader.parse(QuestionnaireLoaderTest.peg(), "peg");
    }

    private static Questionnaire fixture() throws IOException {
        return QuestionnaireLoader.parse(QuestionnaireLoaderTest.fixture(), "fixture");
    }

    @ParameterizedTest(name = "PEG {0}/{1}/{2} → {3}")
    @CsvSource({
            "0, 0, 0, 0.0",
            "10, 10, 10, 10.0",
            "4, 5, 4, 4.33",
            "7, 3, 2, 4.0",
            "1, 0, 0, 0.33",
            "6, 6, 7, 6.33",
            "9, 8, 8, 8.33",
            "5, 6, 6, 5.67",
    })
    void pegIsTheMeanOfItsThreeItems(String pain, String enjoyment, String activity, double expected) throws IOException {
        Scoring.Result result = Scoring.score(peg(), Map.of("pain", pain, "enjoyment", enjoyment, "activity", activity,
                QuestionnaireService.ROUND, "2026-12-06"));

        assertThat(result.total()).isEqualTo(expected);
        assertThat(result.band()).isEmpty();
        assertThat(result.effect()).isEqualTo(Effect.NONE);
    }

    /**
     * STarT Back: the total of the nine items (0-3 low, 4-9 medium) unless the psychosocial subscale (items 5-9)
     * is 4 or more (high). Answers: items 1-8 agree (1) or disagree (0), in order; item 9 a-c score 0, d-e score 1.
     */
    @ParameterizedTest(name = "{0} + item 9 {1} → total {2}, psychosocial {3}, {4}")
    @CsvSource({
            // nothing at all
            "00000000, a, 0, 0, low, SELF_MANAGEMENT",
            // three physical items: still low
            "11100000, c, 3, 0, low, SELF_MANAGEMENT",
            // the boundary: 3 low, 4 medium
            "11110000, a, 4, 0, medium, EXERCISE_LED",
            "11100000, d, 4, 1, medium, EXERCISE_LED",
            // psychosocial 3 of 5 with all physical items: medium, not high
            "11111100, b, 6, 2, medium, EXERCISE_LED",
            "11111110, c, 7, 3, medium, EXERCISE_LED",
            // psychosocial 4: high, whatever the physical items say
            "00001111, a, 4, 4, high, CLINICIAN_GUIDED",
            "00001110, e, 4, 4, high, CLINICIAN_GUIDED",
            "11111111, e, 9, 5, high, CLINICIAN_GUIDED",
            // psychosocial 3 and total 3: low (the subscale alone does not raise it)
            "00001100, d, 3, 3, low, SELF_MANAGEMENT",
    })
    void startBackBandsOnTheFixture(String items1to8, String item9, double total, double psychosocial, String band,
                                    Effect effect) throws IOException {
        Map<String, String> answers = new HashMap<>();
        for (int i = 0; i < 8; i++) {
            answers.put("i" + (i + 1), items1to8.charAt(i) == '1' ? "agree" : "disagree");
        }
        answers.put("i9", item9);

        Scoring.Result result = Scoring.score(fixture(), answers);

        assertThat(result.total()).isEqualTo(total);
        assertThat(result.subscales()).containsExactly(Map.entry("psychosocial", psychosocial));
        assertThat(result.band()).isEqualTo(Optional.of(band));
        assertThat(result.effect()).isEqualTo(effect);
    }

    @Test
    void anUnansweredItemOrAnAnswerOffTheScaleIsAProgrammingError() throws IOException {
        assertThatThrownBy(() -> Scoring.score(peg(), Map.of("pain", "3", "enjoyment", "3")))
                .hasMessageContaining("item activity is unanswered");
        assertThatThrownBy(() -> Scoring.score(peg(), Map.of("pain", "3", "enjoyment", "3", "activity", "11")))
                .hasMessageContaining("11 is not an answer to item activity");
    }
}
