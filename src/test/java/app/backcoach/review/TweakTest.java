package app.backcoach.review;

import static org.assertj.core.api.Assertions.assertThat;

import app.backcoach.review.Tweak.Kind;
import app.backcoach.review.WeeklyReview.Averages;
import app.backcoach.review.WeeklyReview.Direction;
import app.backcoach.review.WeeklyReview.Summary;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The week's one proposed change, from its signals: the table is the rule. */
class TweakTest {

    private static final Averages NONE = new Averages(OptionalDouble.empty(), OptionalDouble.empty(),
            OptionalDouble.empty(), OptionalDouble.empty());

    /** A week: sessions done, next-day signals (fine, sore, flared), pain direction and change from the start. */
    static Summary week(int sessions, int sore, int flared, Direction pain, Double change, boolean meaningful) {
        return heavyWeek(sessions, sore, flared, pain, change, meaningful, 0);
    }

    static Summary heavyWeek(int sessions, int sore, int flared, Direction pain, Double change, boolean meaningful,
                             int heavyDays) {
        return new Summary(LocalDate.of(2026, 11, 16), LocalDate.of(2026, 11, 22), 7, sessions, 0, 7 - sessions,
                NONE, NONE, NONE, Map.of("fine", sessions - sore - flared, "same", 0, "sore", sore, "flared", flared),
                pain, Optional.ofNullable(change), meaningful, heavyDays);
    }

    static Stream<Arguments> weeks() {
        return Stream.of(
                Arguments.of("two flare-ups → one step back", week(5, 0, 2, Direction.SAME, 0.0, false), 2,
                        "building", Kind.REGRESS),
                Arguments.of("pain clearly up → one step back", week(5, 0, 0, Direction.WORSE, 2.0, true), 2,
                        "building", Kind.REGRESS),
                Arguments.of("one sore morning → hold", week(5, 1, 0, Direction.SAME, 0.0, false), 2, "building",
                        Kind.HOLD),
                Arguments.of("pain a little up → hold", week(5, 0, 0, Direction.WORSE, 0.5, false), 2, "building",
                        Kind.HOLD),
                Arguments.of("two sessions only → hold", week(2, 0, 0, Direction.BETTER, -1.0, false), 2, "building",
                        Kind.HOLD),
                Arguments.of("recovering and meaningfully better → building phase",
                        week(5, 0, 0, Direction.BETTER, -2.0, true), 1, "recovering", Kind.BUILD_PHASE),
                Arguments.of("settled week, building → one step up", week(4, 0, 0, Direction.SAME, -0.5, false), 2,
                        "building", Kind.PROGRESS),
                Arguments.of("three days of physical work → heavy-work phase",
                        heavyWeek(4, 1, 0, Direction.SAME, 0.0, false, 3), 2, "building", Kind.HEAVY_PHASE),
                Arguments.of("already in heavy-work phase → the usual rules",
                        heavyWeek(4, 0, 0, Direction.SAME, 0.0, false, 4), 2, "heavy-work", Kind.PROGRESS),
                Arguments.of("settled week at the top step → hold", week(4, 0, 0, Direction.SAME, -0.5, false), 5,
                        "performing", Kind.HOLD),
                Arguments.of("recovering at level 2 (step 3), settled → hold: the rules go no higher",
                        week(4, 0, 0, Direction.SAME, -0.5, false), 3, "recovering", Kind.HOLD));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("weeks")
    void theWeekDecidesTheProposal(String name, Summary week, int step, String phase, Kind expected) {
        Tweak.Proposal proposal = Tweak.propose(week, step, phase);

        assertThat(proposal.kind()).isEqualTo(expected);
        assertThat(proposal.reason()).startsWith("tweak.reason.");
    }
}
