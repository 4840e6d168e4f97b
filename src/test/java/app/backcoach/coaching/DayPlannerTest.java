package app.backcoach.coaching;

import static org.assertj.core.api.Assertions.assertThat;

import app.backcoach.coaching.AdaptationRulesTest.Day;
import app.backcoach.coaching.Signals.DayType;
import app.backcoach.coaching.Signals.NextDay;
import app.backcoach.coaching.Signals.Sleep;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The rules together: the most cautious wins, steps wait for a full day, demanding days alternate. */
class DayPlannerTest {

    static Stream<Arguments> combinations() {
        Day day = AdaptationRulesTest.day();
        return Stream.of(
                Arguments.of("an ordinary settled morning", day, Version.FULL, Shape.STANDARD, 1, true),
                Arguments.of("second good morning: one step up, a demanding day", day.afterGoodDay(),
                        Version.FULL, Shape.STANDARD, 2, true),
                Arguments.of("a step up waits when poor sleep lightens the day",
                        day.afterGoodDay().sleep(Sleep.POOR), Version.REDUCED, Shape.STANDARD, 1, false),
                Arguments.of("a red flag beats everything", day.withRedFlag().pain(8).dayType(DayType.TRAVEL),
                        Version.STOP_AND_REFER, Shape.STANDARD, 0, false),
                Arguments.of("severe pain and a flare: relief only, one step back",
                        day.pain(8).yesterday(NextDay.FLARED), Version.RELIEF_ONLY, Shape.STANDARD, 0, false),
                Arguments.of("after a demanding day a settled morning is still light",
                        day.afterDemandingDay().afterGoodDay(), Version.REDUCED, Shape.STANDARD, 1, false),
                Arguments.of("travel after a flare: travel version, one step back",
                        day.dayType(DayType.TRAVEL).yesterday(NextDay.FLARED), Version.REDUCED, Shape.TRAVEL, 0,
                        false),
                Arguments.of("training day: prime and protect, the day is demanding", day.dayType(DayType.TRAINING),
                        Version.FULL, Shape.PRIME_AND_PROTECT, 1, true),
                Arguments.of("the ladder has a floor", day.step(0).yesterday(NextDay.FLARED), Version.REDUCED,
                        Shape.STANDARD, 0, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("combinations")
    void combined(String name, Day day, Version version, Shape shape, int step, boolean demanding) {
        DayDecision decision = DayPlanner.decide(day.facts());

        assertThat(decision.version()).as("version").isEqualTo(version);
        assertThat(decision.shape()).as("shape").isEqualTo(shape);
        assertThat(decision.step()).as("step").isEqualTo(step);
        assertThat(decision.demanding()).as("demanding").isEqualTo(demanding);
        assertThat(decision.reasons()).as("every change has a reason").allMatch(Decision::fired);
    }

    static Stream<Arguments> selfAdjusted() {
        Day day = AdaptationRulesTest.day();
        return Stream.of(
                Arguments.of("the choice stands on a good day", day, Version.MAINTENANCE, Version.MAINTENANCE,
                        Shape.STANDARD),
                Arguments.of("poor sleep does not overrule the person", day.sleep(Sleep.POOR), Version.FULL,
                        Version.FULL, Shape.STANDARD),
                Arguments.of("a demanding yesterday does not either", day.afterDemandingDay(), Version.FULL,
                        Version.FULL, Shape.STANDARD),
                Arguments.of("pain 8 still means relief only", day.pain(8), Version.FULL, Version.RELIEF_ONLY,
                        Shape.STANDARD),
                Arguments.of("a red flag still stops the plan", day.withRedFlag(), Version.REDUCED,
                        Version.STOP_AND_REFER, Shape.STANDARD),
                Arguments.of("the day type still shapes it", day.dayType(DayType.TRAVEL), Version.FULL, Version.FULL,
                        Shape.TRAVEL));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("selfAdjusted")
    void selfAdjustOnlyChecksSafety(String name, Day day, Version chosen, Version version, Shape shape) {
        DayDecision decision = DayPlanner.selfAdjusted(day.facts(), chosen);

        assertThat(decision.version()).isEqualTo(version);
        assertThat(decision.shape()).isEqualTo(shape);
        assertThat(decision.step()).isEqualTo(day.facts().step());
        assertThat(decision.reasons().get(0).reason()).isEqualTo("rule.self-adjust." + chosen.code());
    }

    @org.junit.jupiter.api.Test
    void loadCyclingAlternatesOverAWeekOfGoodMornings() {
        Day day = AdaptationRulesTest.day();
        boolean yesterdayDemanding = false;
        StringBuilder pattern = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            Day today = yesterdayDemanding ? day.afterDemandingDay() : day;
            DayDecision decision = DayPlanner.decide(today.facts());
            pattern.append(decision.demanding() ? 'D' : 'l');
            yesterdayDemanding = decision.demanding();
        }
        assertThat(pattern).hasToString("DlDlDl");
    }
}
