package app.backcoach.coaching;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What change in pain a person feels: two points, or 30% when that is at least 1.5 points. */
class MeaningfulChangeTest {

    @ParameterizedTest(name = "{0} → {1}: {2}")
    @CsvSource({
            "5, 3, true",      // two points
            "5, 4, false",     // one point, 20%
            "3, 2, false",     // 33%, but one point
            "1, 0.3, false",   // 70%, but 0.7 points
            "1, 0, false",     // all of it, but one point
            "5, 3.5, true",    // 30% and 1.5 points
            "6, 4.5, false",   // 1.5 points, but 25%
            "4, 6, true",      // two points worse
            "3, 4.5, true"})   // 1.5 points worse, 50%
    void meaningful(double before, double after, boolean meaningful) {
        assertThat(MeaningfulChange.between(before, after)).isEqualTo(meaningful);
        assertThat(MeaningfulChange.improvement(before, after)).isEqualTo(meaningful && after < before);
    }
}
