package app.backcoach.safety;

import static org.assertj.core.api.Assertions.assertThat;

import app.backcoach.safety.Escalation.Morning;
import app.backcoach.safety.Escalation.Reason;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When coaching alone is not enough: recent mornings → advice to see a clinician, as a table. */
class EscalationTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

    /**
     * @param pains pain on consecutive mornings ending today ("-" = no check-in that day)
     * @param stiff mornings (counted back from today, 0 = today) with stiffness over an hour
     */
    @ParameterizedTest(name = "{4}")
    @CsvSource(delimiter = '|', value = {
            "8 8 8                  |       |        | SEVERE_STREAK | three mornings of 7+ in a row",
            "7 7 7                  |       |        | SEVERE_STREAK | exactly 7 counts",
            "8 6 8                  |       |        |               | a 6 breaks the run",
            "8 - 8 8                |       |        |               | a missing morning breaks the run",
            "8 8                    |       |        |               | two are not yet three",
            "8 8 8                  |       | SEVERE_STREAK:3 |       | advised three days ago: quiet",
            "8 8 8                  |       | SEVERE_STREAK:7 | SEVERE_STREAK | a week later: again",
            "3 3 3 3 3 3 3          | 0 2 5 |        | MORNING_STIFFNESS | stiff over an hour on 3 of 7 mornings",
            "3 3 3 3 3 3 3          | 0 2   |        |               | 2 of 7 is not a pattern",
            "3 3 3 3 3 3 3 3 3      | 0 7 8 |        |               | older mornings do not count",
            "8 8 8                  | 0 1 2 |        | SEVERE_STREAK | the severe streak comes first"})
    void shortRules(String pains, String stiff, String advised, Reason expected, String description) {
        assertThat(Escalation.assess(TODAY, mornings(pains, stiff), lastAdvised(advised)))
                .isEqualTo(Optional.ofNullable(expected));
    }

    @ParameterizedTest(name = "{4}")
    @CsvSource(delimiter = '|', value = {
            "6 | 6 | 28 | NO_IMPROVEMENT | four regular weeks, pain unchanged at 6",
            "6 | 5 | 28 | NO_IMPROVEMENT | one point better is not meaningful",
            "6 | 4 | 28 |                | two points better is meaningful",
            "5 | 3.5 | 28 |              | 30% and 1.5 points is meaningful",
            "5 | 4 | 28 | NO_IMPROVEMENT | 20% and one point is not",
            "4 | 3.5 | 28 |              | steady mild pain (below 4/10) is no reason for a review",
            "3 | 3 | 28 |                | nor is 3/10 that does not change",
            "6 | 6 | 19 |                | fewer than 20 check-ins in four weeks: not regular",
            "6 | 6 | 21 | NO_IMPROVEMENT | 21 of 28 days is regular"})
    void noImprovementAfterFourRegularWeeks(double firstWeek, double lastWeek, int checkins, Reason expected,
                                            String description) {
        List<Morning> mornings = new ArrayList<>();
        // Check-ins on the first week and the last week always; the days between fill up to `checkins`.
        for (int back = 27; back >= 0; back--) {
            boolean firstWeekDay = back >= 21;
            boolean lastWeekDay = back < 7;
            boolean between = !firstWeekDay && !lastWeekDay && (27 - back) - 7 < checkins - 14;
            if (firstWeekDay || lastWeekDay || between) {
                double pain = firstWeekDay ? firstWeek : lastWeekDay ? lastWeek : (firstWeek + lastWeek) / 2;
                // Alternate around half points so the weekly means are exact.
                int whole = (int) Math.floor(pain);
                int value = pain == whole ? whole : back % 2 == 0 ? whole : whole + 1;
                mornings.add(new Morning(TODAY.minusDays(back), value, false));
            }
        }

        assertThat(Escalation.assess(TODAY, mornings, Map.of())).isEqualTo(Optional.ofNullable(expected));
    }

    @ParameterizedTest(name = "improvement {0} → {1}: meaningful = {2}")
    @CsvSource({"1, 0, false", "2, 0, true", "6, 4, true", "6, 4.5, false", "5, 3.5, true", "10, 8.6, false"})
    void meaningfulImprovementNeedsTwoPointsOrThirtyPercentOfAtLeastOneAndAHalf(double before, double after,
                                                                                boolean meaningful) {
        assertThat(Escalation.meaningfulImprovement(before, after)).isEqualTo(meaningful);
    }

    private static List<Morning> mornings(String pains, String stiff) {
        String[] values = pains.trim().split("\\s+");
        List<Integer> stiffDays = stiff == null ? List.of()
                : java.util.Arrays.stream(stiff.trim().split("\\s+")).map(Integer::valueOf).toList();
        List<Morning> mornings = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            int back = values.length - 1 - i;
            if (!values[i].equals("-")) {
                mornings.add(new Morning(TODAY.minusDays(back), Integer.valueOf(values[i]), stiffDays.contains(back)));
            }
        }
        return mornings;
    }

    private static Map<Reason, LocalDate> lastAdvised(String advised) {
        if (advised == null) {
            return Map.of();
        }
        String[] parts = advised.trim().split(":");
        return Map.of(Reason.valueOf(parts[0]), TODAY.minusDays(Integer.parseInt(parts[1])));
    }
}
