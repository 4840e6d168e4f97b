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
                        Shape.STANDARD, 0, false),
                Arguments.of("a fine morning after 8/10 during the session: no step up, reduced",
                        day.afterGoodDay().yesterday(NextDay.WORKED_FINE).lastSessionHurt(1), Version.REDUCED,
                        Shape.STANDARD, 1, false),
                Arguments.of("a second session that hurt in two weeks: one step back", day.lastSessionHurt(2),
                        Version.REDUCED, Shape.STANDARD, 0, false),
                Arguments.of("a second hurt and a flare: still one step back, not two",
                        day.step(3).lastSessionHurt(2).yesterday(NextDay.FLARED), Version.REDUCED, Shape.STANDARD, 2,
                        false),
                Arguments.of("pain 5 on day 1 without a baseline: reduced", day.pain(5).baseline(null),
                        Version.REDUCED, Shape.STANDARD, 1, false),
                Arguments.of("travel and pain 8: relief only, still off the floor",
                        day.pain(8).dayType(DayType.TRAVEL), Version.RELIEF_ONLY, Shape.TRAVEL, 0, false),
                Arguments.of("a rest day is no full session", day.afterGoodDay().dayType(DayType.REST),
                        Version.MAINTENANCE, Shape.STANDARD, 1, false),
                Arguments.of("recovering stays at level 2 (step 3)", day.afterGoodDay().phase("recovering").step(3),
                        Version.FULL, Shape.STANDARD, 3, true));
    }

    static Stream<Arguments> reliefFocus() {
        Day day = AdaptationRulesTest.day();
        return Stream.of(
                Arguments.of("an ordinary morning", day, false),
                Arguments.of("pain 5 at rest: easing focus", day.pain(5), true),
                Arguments.of("pain 6 at rest: easing focus", day.pain(6), true),
                Arguments.of("a second session that hurt: easing focus", day.lastSessionHurt(2), true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reliefFocus")
    void easingFocus(String name, Day day, boolean reliefFocus) {
        assertThat(DayPlanner.decide(day.facts()).reliefFocus()).isEqualTo(reliefFocus);
    }

    @org.junit.jupiter.api.Test
    void theExercisesThatHurtGoToTheComposer() {
        DayDecision decision = DayPlanner.decide(AdaptationRulesTest.day().lastSessionHurt(1, "bird-dog").facts());
        assertThat(decision.easier()).containsExactly("bird-dog");
        assertThat(decision.reasons()).extracting(Decision::reason).contains("rule.tolerance.easier");
    }

    @org.junit.jupiter.api.Test
    void redExercisesRestAndWhySaysSo() {
        DayDecision decision = DayPlanner.decide(AdaptationRulesTest.day().feedback(new SessionFeedback(false, 2, 0,
                java.util.Set.of("dead-bug"), java.util.Set.of("bird-dog"))).facts());
        assertThat(decision.easier()).containsExactly("dead-bug");
        assertThat(decision.resting()).containsExactly("bird-dog");
        assertThat(decision.reasons()).extracting(Decision::reason).contains("rule.tolerance.resting");
        assertThat(DayPlanner.decide(AdaptationRulesTest.day().facts()).reasons()).extracting(Decision::reason)
                .doesNotContain("rule.tolerance.easier", "rule.tolerance.resting");
    }

    /**
     * Six weeks of good mornings with every session done: load cycling alternates full and reduced
     * days, and the ladder rises at most one step a week, after two sessions at each step.
     */
    @org.junit.jupiter.api.Test
    void sixWeeksOfGoodMorningsClimbAtMostOneStepAWeek() {
        Day day = AdaptationRulesTest.day().step(1).sessionsAtStep(0);
        boolean demanding = false;
        boolean settled = false;
        boolean progressed = false;
        int sessionsAtStep = 0;
        Integer daysSinceStepUp = null;
        int step = 1;
        StringBuilder curve = new StringBuilder();
        for (int date = 0; date < 42; date++) {
            Day today = day.step(step).sessionsAtStep(sessionsAtStep).daysSinceStepUp(daysSinceStepUp);
            today = demanding ? today.afterDemandingDay() : today;
            today = settled ? today.afterGoodDay() : today;
            today = progressed ? today.afterStepUp().daysSinceStepUp(daysSinceStepUp) : today;
            DayDecision decision = DayPlanner.decide(today.facts());
            if (decision.step() != step) {
                sessionsAtStep = 0;
                daysSinceStepUp = 0;
            }
            step = decision.step();
            sessionsAtStep++;
            daysSinceStepUp = daysSinceStepUp == null ? null : daysSinceStepUp + 1;
            demanding = decision.demanding();
            settled = decision.settled();
            progressed = decision.progressed();
            if (date % 7 == 6) {
                curve.append(step);
            }
        }
        // One step a week at most: from step 1, six weeks end at the top step 5 no sooner than week 5.
        assertThat(curve).hasToString("234555");
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
                        Shape.TRAVEL),
                Arguments.of("sore mornings are the person's call", day.yesterday(NextDay.SORE), Version.FULL,
                        Version.FULL, Shape.STANDARD),
                Arguments.of("after a flare-up a chosen full is reduced", day.yesterday(NextDay.FLARED), Version.FULL,
                        Version.REDUCED, Shape.STANDARD),
                Arguments.of("pain two above baseline limits a chosen full", day.pain(4), Version.FULL,
                        Version.REDUCED, Shape.STANDARD),
                Arguments.of("a session that hurt limits a chosen full", day.lastSessionHurt(1), Version.FULL,
                        Version.REDUCED, Shape.STANDARD),
                Arguments.of("a lighter choice stays lighter after a flare-up", day.yesterday(NextDay.FLARED),
                        Version.MAINTENANCE, Version.MAINTENANCE, Shape.STANDARD));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("selfAdjusted")
    void selfAdjustOnlyChecksSafety(String name, Day day, Version chosen, Version version, Shape shape) {
        DayDecision decision = DayPlanner.selfAdjusted(day.facts(), chosen);

        assertThat(decision.version()).isEqualTo(version);
        assertThat(decision.shape()).isEqualTo(shape);
        // No step up on these chosen days; the rules that step back still do.
        assertThat(decision.step()).isLessThanOrEqualTo(day.facts().step());
        assertThat(decision.progressed()).isFalse();
        assertThat(decision.reasons().get(0).reason()).isEqualTo("rule.self-adjust." + chosen.code());
    }

    static Stream<Arguments> selfAdjustedSteps() {
        Day ready = AdaptationRulesTest.day().afterGoodDay();
        return Stream.of(
                Arguments.of("the rule's step up comes on a chosen full day", ready, Version.FULL, 2),
                Arguments.of("not on a chosen reduced day", ready, Version.REDUCED, 1),
                Arguments.of("not before two sessions at the step", ready.sessionsAtStep(1), Version.FULL, 1),
                Arguments.of("not after a session that hurt", ready.lastSessionHurt(1), Version.FULL, 1),
                Arguments.of("a flare-up steps back", AdaptationRulesTest.day().yesterday(NextDay.FLARED), Version.FULL,
                        0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("selfAdjustedSteps")
    void selfAdjustLeavesTheStepToTheRule(String name, Day day, Version chosen, int step) {
        DayDecision decision = DayPlanner.selfAdjusted(day.facts(), chosen);

        assertThat(decision.step()).isEqualTo(step);
        assertThat(decision.progressed()).isEqualTo(step > day.facts().step());
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
