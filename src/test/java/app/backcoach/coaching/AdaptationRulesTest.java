package app.backcoach.coaching;

import static org.assertj.core.api.Assertions.assertThat;

import app.backcoach.coaching.Signals.DayType;
import app.backcoach.coaching.Signals.NextDay;
import app.backcoach.coaching.Signals.Sleep;
import app.backcoach.coaching.Signals.Stiffness;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The coaching rules, one table each: the facts of a morning → what the rule decides and why.
 * Read top to bottom, these tables are the specification of how a day adapts.
 */
class AdaptationRulesTest {

    /** A settled, ordinary morning: pain 2 (baseline 2), short stiffness, confident, slept well, desk day. */
    static Day day() {
        return new Day(new Signals(2, Stiffness.UNDER_15, 4, Sleep.GOOD, NextDay.NO_DIFFERENT, DayType.DESK),
                false, 2.0, false, false, false, 1, "building", 10);
    }

    static Stream<Arguments> redFlag() {
        return Stream.of(
                row("no red flag", day(), Version.FULL, 0, null),
                row("a red flag stops the plan", day().withRedFlag(), Version.STOP_AND_REFER, 0, "rule.red-flag"));
    }

    static Stream<Arguments> severePain() {
        return Stream.of(
                row("pain 6 is not severe", day().pain(6), Version.FULL, 0, null),
                row("pain 7 → relief only", day().pain(7), Version.RELIEF_ONLY, 0, "rule.severe-pain"),
                row("pain 10 → relief only", day().pain(10), Version.RELIEF_ONLY, 0, "rule.severe-pain"),
                row("pain skipped → no decision", day().pain(null), Version.FULL, 0, null));
    }

    static Stream<Arguments> painMonitoring() {
        return Stream.of(
                row("flared up → regress", day().yesterday(NextDay.FLARED), Version.REDUCED, -1, "rule.flared"),
                row("pain 2 above baseline → regress", day().pain(4), Version.REDUCED, -1, "rule.pain-up"),
                row("pain 1.5 above baseline → hold, no progress", day().pain(4).baseline(2.5).afterGoodDay(),
                        Version.FULL, 0, null),
                row("sore or guarded → lighter, same step", day().yesterday(NextDay.SORE), Version.REDUCED, 0,
                        "rule.sore"),
                row("fine, first good day → repeat", day().yesterday(NextDay.WORKED_FINE), Version.FULL, 0,
                        "rule.repeat"),
                row("no different after a good day → progress", day().afterGoodDay(), Version.FULL, +1,
                        "rule.progress"),
                row("good day after a step up → repeat", day().afterGoodDay().afterStepUp(),
                        Version.FULL, 0, "rule.repeat"),
                row("good, pain below baseline → progress", day().pain(1).afterGoodDay(), Version.FULL, +1,
                        "rule.progress"),
                row("at the top step → stay", day().afterGoodDay().step(DayFacts.MAX_STEP), Version.FULL, 0,
                        "rule.top-step"),
                row("no session yesterday → no next-day signal", day().yesterday(null), Version.FULL, 0, null),
                row("no baseline yet, settled → repeat", day().baseline(null).yesterday(NextDay.WORKED_FINE),
                        Version.FULL, 0, "rule.repeat"));
    }

    static Stream<Arguments> recovery() {
        return Stream.of(
                row("good sleep, short stiffness", day(), Version.FULL, 0, null),
                row("fair sleep is enough", day().sleep(Sleep.FAIR), Version.FULL, 0, null),
                row("poor sleep → lighter", day().sleep(Sleep.POOR), Version.REDUCED, 0, "rule.poor-sleep"),
                row("stiffness over an hour → lighter", day().stiffness(Stiffness.OVER_60), Version.REDUCED, 0,
                        "rule.long-stiffness"),
                row("stiffness 15-60 min is not", day().stiffness(Stiffness.FROM_15_TO_60), Version.FULL, 0, null),
                row("both → maintenance", day().sleep(Sleep.POOR).stiffness(Stiffness.OVER_60), Version.MAINTENANCE,
                        0, "rule.poor-sleep-and-stiffness"));
    }

    static Stream<Arguments> confidence() {
        return Stream.of(
                row("confidence 3 → no change", day().confidence(3), Version.FULL, 0, null),
                row("confidence 2 → gentle", day().confidence(2), Version.REDUCED, 0, "rule.low-confidence"),
                row("confidence 1 → gentle", day().confidence(1), Version.REDUCED, 0, "rule.low-confidence"));
    }

    static Stream<Arguments> loadCycling() {
        return Stream.of(
                row("after a light day, anything goes", day(), Version.FULL, 0, null),
                row("after a demanding day → light", day().afterDemandingDay(), Version.REDUCED, 0,
                        "rule.load-cycling"));
    }

    static Stream<Arguments> dayType() {
        return Stream.of(
                row("desk day", day(), Version.FULL, 0, null),
                row("rest day", day().dayType(DayType.REST), Version.FULL, 0, null),
                row("travel → travel version", day().dayType(DayType.TRAVEL), Version.REDUCED, 0, "rule.travel"),
                row("training → prime and protect", day().dayType(DayType.TRAINING), Version.FULL, 0,
                        "rule.prime-protect.training"),
                row("physical work → prime and protect", day().dayType(DayType.PHYSICAL), Version.FULL, 0,
                        "rule.prime-protect.physical"));
    }

    static Stream<Arguments> phase() {
        return Stream.of(
                row("building", day(), Version.FULL, 0, null),
                row("performing", day().phase("performing"), Version.FULL, 0, null),
                row("recovering → low volume", day().phase("recovering"), Version.FULL, 0, "rule.recovering"),
                row("heavy work → maintenance emphasis", day().phase("heavy-work"), Version.REDUCED, 0,
                        "rule.heavy-work"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void redFlag(String name, Day day, Version ceiling, int step, String reason) {
        check(AdaptationRules.RED_FLAG, day, ceiling, step, reason);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void severePain(String name, Day day, Version ceiling, int step, String reason) {
        check(AdaptationRules.SEVERE_PAIN_RULE, day, ceiling, step, reason);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void painMonitoring(String name, Day day, Version ceiling, int step, String reason) {
        check(AdaptationRules.PAIN_MONITORING, day, ceiling, step, reason);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void recovery(String name, Day day, Version ceiling, int step, String reason) {
        check(AdaptationRules.RECOVERY, day, ceiling, step, reason);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void confidence(String name, Day day, Version ceiling, int step, String reason) {
        check(AdaptationRules.CONFIDENCE, day, ceiling, step, reason);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void loadCycling(String name, Day day, Version ceiling, int step, String reason) {
        check(AdaptationRules.LOAD_CYCLING, day, ceiling, step, reason);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void dayType(String name, Day day, Version ceiling, int step, String reason) {
        check(AdaptationRules.DAY_TYPE, day, ceiling, step, reason);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void phase(String name, Day day, Version ceiling, int step, String reason) {
        check(AdaptationRules.PHASE, day, ceiling, step, reason);
    }

    private static void check(AdaptationRules.Rule rule, Day day, Version ceiling, int step, String reason) {
        Decision decision = rule.apply(day.facts());
        assertThat(decision.ceiling()).as("ceiling").isEqualTo(ceiling);
        assertThat(decision.stepChange()).as("step change").isEqualTo(step);
        assertThat(decision.reason()).as("reason").isEqualTo(reason);
        assertThat(decision.rule()).isEqualTo(rule.name());
    }

    static Arguments row(String name, Day day, Version ceiling, int step, String reason) {
        return Arguments.of(name, day, ceiling, step, reason);
    }

    /** A morning in the making; every change returns a new one. */
    record Day(Signals signals, boolean redFlag, Double baseline, boolean demandingYesterday, boolean settledYesterday,
               boolean progressedYesterday, int step, String phase, int minutes) {

        DayFacts facts() {
            return new DayFacts(signals, redFlag, baseline, demandingYesterday, settledYesterday, progressedYesterday,
                    step, phase, minutes);
        }

        Day withRedFlag() {
            return new Day(signals, true, baseline, demandingYesterday, settledYesterday, progressedYesterday, step,
                    phase, minutes);
        }

        Day pain(Integer pain) {
            return with(new Signals(pain, signals.stiffness(), signals.confidence(), signals.sleep(),
                    signals.yesterday(), signals.dayType()));
        }

        Day stiffness(Stiffness stiffness) {
            return with(new Signals(signals.pain(), stiffness, signals.confidence(), signals.sleep(),
                    signals.yesterday(), signals.dayType()));
        }

        Day confidence(Integer confidence) {
            return with(new Signals(signals.pain(), signals.stiffness(), confidence, signals.sleep(),
                    signals.yesterday(), signals.dayType()));
        }

        Day sleep(Sleep sleep) {
            return with(new Signals(signals.pain(), signals.stiffness(), signals.confidence(), sleep,
                    signals.yesterday(), signals.dayType()));
        }

        Day yesterday(NextDay yesterday) {
            return with(new Signals(signals.pain(), signals.stiffness(), signals.confidence(), signals.sleep(),
                    yesterday, signals.dayType()));
        }

        Day dayType(DayType dayType) {
            return with(new Signals(signals.pain(), signals.stiffness(), signals.confidence(), signals.sleep(),
                    signals.yesterday(), dayType));
        }

        Day baseline(Double value) {
            return new Day(signals, redFlag, value, demandingYesterday, settledYesterday, progressedYesterday, step,
                    phase, minutes);
        }

        Day afterDemandingDay() {
            return new Day(signals, redFlag, baseline, true, settledYesterday, progressedYesterday, step, phase,
                    minutes);
        }

        Day afterGoodDay() {
            return new Day(signals, redFlag, baseline, demandingYesterday, true, progressedYesterday, step, phase,
                    minutes);
        }

        Day afterStepUp() {
            return new Day(signals, redFlag, baseline, demandingYesterday, settledYesterday, true, step, phase,
                    minutes);
        }

        Day step(int value) {
            return new Day(signals, redFlag, baseline, demandingYesterday, settledYesterday, progressedYesterday, value,
                    phase, minutes);
        }

        Day phase(String value) {
            return new Day(signals, redFlag, baseline, demandingYesterday, settledYesterday, progressedYesterday, step,
                    value, minutes);
        }

        private Day with(Signals changed) {
            return new Day(changed, redFlag, baseline, demandingYesterday, settledYesterday, progressedYesterday, step,
                    phase, minutes);
        }
    }
}
