package app.backcoach.flare;

import static org.assertj.core.api.Assertions.assertThat;

import app.backcoach.coaching.Version;
import app.backcoach.flare.FlareRules.Morning;
import app.backcoach.flare.FlareRules.Standing;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The two rules that bring the flare-up plan up by themselves: their tables are the specification. */
class FlareRulesTest {

    private static final Version F = Version.FULL;
    private static final Version R = Version.REDUCED;

    private static Morning morning(Version version, boolean easing, Integer pain, Integer previous, Double baseline) {
        return new Morning(false, version, easing, pain, previous, baseline);
    }

    static Stream<Arguments> showAtOnce() {
        return Stream.of(
                // morning, fires, reason
                Arguments.of(morning(Version.RELIEF_ONLY, true, 8, 3, 3.0), true, "relief-only"),
                Arguments.of(morning(Version.RELIEF_ONLY, true, 7, null, null), true, "relief-only"),
                Arguments.of(morning(R, true, 5, 2, 2.0), true, "jump-previous"),
                Arguments.of(morning(R, true, 6, 3, 4.5), true, "jump-previous"),
                Arguments.of(morning(R, true, 4, 2, 2.0), false, "no-flare"), // two points: the day eases, no plan
                Arguments.of(morning(R, true, 5, 4, 2.0), true, "jump-baseline"), // up one from yesterday, three from the week
                Arguments.of(morning(R, true, 5, 4, 2.3), false, "no-flare"), // 2.7 above the week: not three
                Arguments.of(morning(R, false, 3, null, 0.0), true, "jump-baseline"),
                Arguments.of(morning(F, false, 2, null, null), false, "no-flare"), // the first morning: nothing to compare
                Arguments.of(morning(F, false, null, 1, 1.0), false, "no-flare"), // pain skipped
                Arguments.of(morning(R, false, 2, 6, 6.0), false, "no-flare"), // better, not worse
                Arguments.of(new Morning(true, Version.STOP_AND_REFER, false, 9, 2, 2.0), false, "paused"),
                Arguments.of(new Morning(false, Version.STOP_AND_REFER, false, 3, 3, 3.0), false, "paused"),
                Arguments.of(new Morning(true, Version.RELIEF_ONLY, true, 8, 2, 2.0), false, "paused"));
    }

    @ParameterizedTest
    @MethodSource
    void showAtOnce(Morning morning, boolean fires, String reason) {
        assertThat(FlareRules.showAtOnce(morning)).isEqualTo(new FlareRules.Verdict(fires, reason));
    }

    private static final Standing SECOND_MORNING = new Standing(false, false, 2, 1);

    static Stream<Arguments> offerToWrite() {
        Morning calm = morning(R, false, 2, 2, 2.0);
        return Stream.of(
                // morning, standing, fires, reason
                Arguments.of(calm, SECOND_MORNING, true, "calm-first-week"),
                Arguments.of(morning(F, false, 4, 3, 3.0), new Standing(false, false, 5, 6), true, "calm-first-week"),
                Arguments.of(calm, new Standing(false, false, 1, 0), false, "too-early"), // the very first check-in
                Arguments.of(calm, new Standing(false, false, 6, 7), false, "after-first-week"),
                Arguments.of(calm, new Standing(false, true, 3, 2), false, "offered"), // never twice
                Arguments.of(calm, new Standing(true, false, 3, 2), false, "written"),
                Arguments.of(morning(R, false, 5, 4, 4.0), SECOND_MORNING, false, "not-calm"),
                Arguments.of(morning(R, true, 3, 1, 1.0), SECOND_MORNING, false, "not-calm"), // an easing day
                Arguments.of(morning(Version.RELIEF_ONLY, false, 4, 4, 4.0), SECOND_MORNING, false, "not-calm"),
                Arguments.of(morning(R, false, null, 2, 2.0), SECOND_MORNING, false, "not-calm"), // pain skipped
                Arguments.of(new Morning(true, R, false, 1, 1, 1.0), SECOND_MORNING, false, "paused"),
                Arguments.of(new Morning(false, Version.STOP_AND_REFER, false, 1, 1, 1.0), SECOND_MORNING, false,
                        "paused"));
    }

    @ParameterizedTest
    @MethodSource
    void offerToWrite(Morning morning, Standing standing, boolean fires, String reason) {
        assertThat(FlareRules.offerToWrite(morning, standing)).isEqualTo(new FlareRules.Verdict(fires, reason));
    }
}
