package app.backcoach.safety;

import static org.assertj.core.api.Assertions.assertThat;

import app.backcoach.chat.Answers;
import app.backcoach.safety.SafetyScreen.Outcome;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The triage as a table: answers → tier. Everything not named is answered "no". */
class RedFlagsTest {

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', value = {
            "                                      | CLEAR",
            "rf-emergency=yes                      | URGENT",
            "rf-emergency=not-sure                 | URGENT",
            "rf-today=yes                          | TODAY",
            "rf-history=yes                        | REFER",
            "rf-pattern=yes                        | REFER",
            "rf-age=yes                            | REFER",
            "rf-history=yes rf-today=yes           | TODAY",
            "rf-age=yes rf-emergency=not-sure      | URGENT",
            "rf-history=yes rf-pattern=yes rf-age=yes | REFER",
            // the leg question, in a session or the next morning
            "leg=settled                           | CLEAR",
            "leg=pain                              | CLEAR",
            "leg=numb                              | TODAY",
            "leg=both                              | URGENT",
            "leg=numb rf-emergency=yes             | URGENT",
            // facts stored with the answers never count
            "source=review                         | CLEAR"})
    void tier(String given, Outcome expected) {
        Map<String, String> answers = new LinkedHashMap<>();
        RedFlags.SCREEN.forEach(q -> answers.put(q.id(), "no"));
        if (given != null) {
            Arrays.stream(given.trim().split("\\s+")).map(pair -> pair.split("="))
                    .forEach(pair -> answers.put(pair[0], pair[1]));
        }

        assertThat(RedFlags.tier(new Answers(answers))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}={1} ends the screen at once: {2}")
    @CsvSource({"rf-emergency, yes, true", "rf-emergency, not-sure, true", "rf-emergency, no, false",
            "rf-today, yes, true", "rf-today, no, false", "rf-history, yes, false", "rf-pattern, yes, false",
            "rf-age, yes, false"})
    void theScreenStopsAtOnceWhenADoctorIsNeededTodayOrSooner(String question, String answer, boolean endsAtOnce) {
        assertThat(RedFlags.endsAtOnce(new Answers(Map.of(question, answer)))).isEqualTo(endsAtOnce);
    }

    @ParameterizedTest(name = "{0}: two steps to lift = {1}")
    @CsvSource({"CLEAR, false", "REFER, false", "TODAY, true", "URGENT, true"})
    void onlyTheFirstTwoTiersNeedADoctorsExamination(Outcome tier, boolean needsDoctor) {
        assertThat(tier.needsDoctor()).isEqualTo(needsDoctor);
    }

    @ParameterizedTest(name = "the screen offers not sure only where it counts as yes: {0}")
    @CsvSource({"rf-emergency, true", "rf-today, false", "rf-history, false", "rf-pattern, false", "rf-age, false"})
    void notSureIsOfferedForTheEmergencyGroup(String question, boolean offered) {
        var asked = RedFlags.SCREEN.stream().filter(q -> q.id().equals(question)).findFirst().orElseThrow();

        assertThat(asked.allows(RedFlags.NOT_SURE)).isEqualTo(offered);
    }
}
