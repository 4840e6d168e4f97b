package app.backcoach.safety;

import static org.assertj.core.api.Assertions.assertThat;

import app.backcoach.dialogue.Answers;
import app.backcoach.safety.SafetyScreen.Outcome;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The red-flag rule as a table: the yes answers → the outcome. */
class RedFlagsTest {

    @ParameterizedTest(name = "yes to [{0}] -> {1}")
    @CsvSource(delimiter = '|', value = {
            "                      | CLEAR",
            "rf-bladder            | URGENT",
            "rf-saddle             | URGENT",
            "rf-weakness           | REFER",
            "rf-fever              | REFER",
            "rf-cancer             | REFER",
            "rf-trauma             | REFER",
            "rf-night              | REFER",
            "rf-night rf-saddle    | URGENT",
            "rf-cancer rf-trauma   | REFER"})
    void outcome(String yes, Outcome expected) {
        Map<String, String> answers = new LinkedHashMap<>();
        RedFlags.QUESTIONS.forEach(q -> answers.put(q.id(), "no"));
        if (yes != null) {
            Arrays.stream(yes.trim().split("\\s+")).forEach(id -> answers.put(id, "yes"));
        }

        assertThat(RedFlags.outcome(new Answers(answers))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}={1} ends the screen at once: {2}")
    @CsvSource({"rf-bladder, yes, true", "rf-saddle, yes, true", "rf-bladder, no, false", "rf-cancer, yes, false",
            "rf-weakness, yes, false"})
    void onlyCaudaEquinaSignsStopTheScreenAtOnce(String question, String answer, boolean endsAtOnce) {
        var asked = RedFlags.QUESTIONS.stream().filter(q -> q.id().equals(question)).findFirst().orElseThrow();

        assertThat(RedFlags.endsAtOnce(asked, new Answers(Map.of(question, answer)))).isEqualTo(endsAtOnce);
    }
}
