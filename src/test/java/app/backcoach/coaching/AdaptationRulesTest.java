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

    /**
     * A settled, ordinary morning: pain 2 (baseline 2 over a week of mornings), short stiffness,
     * confident, slept well, desk day; step 1 with two sessions done at it, no step up lately.
     */
    static Day day() {
        return new Day(new Signals(2, Stiffness.UNDER_15, 4, Sleep.GOOD, NextDay.NO_DIFFERENT, DayType.DESK),
                false, 2.0, 7, false, false, false, 1, 2, null, SessionFeedback.NONE, "building", 10);
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

    static Stream<Arguments> moderatePain() {
        return Stream.of(
                row("pain 4 at rest → no decision", day().pain(4), Version.FULL, 0, null),
                row("pain 5 at rest → reduced, easing", day().pain(5), Version.REDUCED, 0, "rule.moderate-pain"),
                row("pain 6 at rest → reduced, easing", day().pain(6), Version.REDUCED, 0, "rule.moderate-pain"),
                row("pain 5 on day 1, no baseline → reduced", day().pain(5).baseline(null), Version.REDUCED, 0,
                        "rule.moderate-pain"),
                row("pain 7 is the severe rule's", day().pain(7), Version.FULL, 0, null));
    }

    static Stream<Arguments> firstDays() {
        return Stream.of(
                row("day 1, no baseline → reduced", day().baseline(null), Version.REDUCED, 0, "rule.first-days"),
                row("two mornings to compare with → still reduced", day().baselineMornings(2), Version.REDUCED, 0,
                        "rule.first-days"),
                row("three mornings → the baseline counts", day().baselineMornings(3), Version.FULL, 0, null));
    }

    static Stream<Arguments> sessionFeedback() {
        return Stream.of(
                row("the last session went fine", day(), Version.FULL, 0, null),
                row("pain above 5 during, or Hurts, once → reduced, no step", day().lastSessionHurt(1),
                        Version.REDUCED, 0, "rule.hurt"),
                row("a second time in two weeks → one step back", day().lastSessionHurt(2, "bird-dog"),
                        Version.REDUCED, -1, "rule.hurt-again"),
                row("an older hurt, the last session fine → nothing",
                        day().feedback(new SessionFeedback(false, 2, 1, java.util.Set.of("bird-dog"))),
                        Version.FULL, 0, null));
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
                        Version.FULL, 0, "rule.repeat"),
                row("good mornings but one session at the step → consolidate", day().afterGoodDay().sessionsAtStep(1),
                        Version.FULL, 0, "rule.consolidate"),
                row("good mornings but a step up six days ago → consolidate",
                        day().afterGoodDay().sessionsAtStep(3).daysSinceStepUp(6), Version.FULL, 0, "rule.consolidate"),
                row("a week since the last step up, two sessions → progress",
                        day().afterGoodDay().daysSinceStepUp(7), Version.FULL, +1, "rule.progress"),
                row("good morning after a session that hurt → no step up", day().afterGoodDay().lastSessionHurt(1),
                        Version.FULL, 0, null),
                row("recovering at level 2 (step 3) → stays", day().afterGoodDay().phase("recovering").step(3),
                        Version.FULL, 0, "rule.recovering-top"),
                row("recovering below it → progress", day().afterGoodDay().phase("recovering").step(2),
                        Version.FULL, +1, "rule.progress"));
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
                row("rest day → maintenance at most, never full", day().dayType(DayType.REST), Version.MAINTENANCE, 0,
                        "rule.rest-day"),
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
    void moderatePain(String name, Day day, Version ceiling, int step, String reason) {
        check(AdaptationRules.MODERATE_PAIN_RULE, day, ceiling, step, reason);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void firstDays(String name, Day day, Version ceiling, int step, String reason) {
        check(AdaptationRules.FIRST_DAYS, day, ceiling, step, reason);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void sessionFeedback(String name, Day day, Version ceiling, int step, String reason) {
        check(AdaptationRules.SESSION_FEEDBACK, day, ceiling, step, reason);
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
    record Day(Signals signals, boolean redFlag, Double baseline, int baselineMornings, boolean demandingYesterday,
               boolean settledYesterday, boolean progressedYesterday, int step, int sessionsAtStep,
               Integer daysSinceStepUp, SessionFeedback feedback, String phase, int minutes) {

        DayFacts facts() {
            return new DayFacts(signals, redFlag, baseline, baselineMornings, demandingYesterday, settledYesterday,
                    progressedYesterday, step, sessionsAtStep, daysSinceStepUp, feedback, phase, minutes);
        }

        Day withRedFlag() {
            return new Day(signals, true, baseline, baselineMornings, demandingYesterday, settledYesterday,
                    progressedYesterday, step, sessionsAtStep, daysSinceStepUp, feedback, phase, minutes);
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

        /** A baseline over a full week of mornings; null: none at all. */
        Day baseline(Double value) {
            return new Day(signals, redFlag, value, value == null ? 0 : 7, demandingYesterday, settledYesterday,
                    progressedYesterday, step, sessionsAtStep, daysSinceStepUp, feedback, phase, minutes);
        }

        Day baselineMornings(int mornings) {
            return new Day(signals, redFlag, baseline, mornings, demandingYesterday, settledYesterday,
                    progressedYesterday, step, sessionsAtStep, daysSinceStepUp, feedback, phase, minutes);
        }

        Day afterDemandingDay() {
            return new Day(signals, redFlag, baseline, baselineMornings, true, settledYesterday, progressedYesterday,
                    step, sessionsAtStep, daysSinceStepUp, feedback, phase, minutes);
        }

        Day afterGoodDay() {
            return new Day(signals, redFlag, baseline, baselineMornings, demandingYesterday, true, progressedYesterday,
                    step, sessionsAtStep, daysSinceStepUp, feedback, phase, minutes);
        }

        Day afterStepUp() {
            return new Day(signals, redFlag, baseline, baselineMornings, demandingYesterday, settledYesterday, true,
                    step, sessionsAtStep, 1, feedback, phase, minutes);
        }

        Day step(int value) {
            return new Day(signals, redFlag, baseline, baselineMornings, demandingYesterday, settledYesterday,
                    progressedYesterday, value, sessionsAtStep, daysSinceStepUp, feedback, phase, minutes);
        }

        /** Sessions done at this step. */
        Day sessionsAtStep(int value) {
            return new Day(signals, redFlag, baseline, baselineMornings, demandingYesterday, settledYesterday,
                    progressedYesterday, step, value, daysSinceStepUp, feedback, phase, minutes);
        }

        Day daysSinceStepUp(Integer value) {
            return new Day(signals, redFlag, baseline, baselineMornings, demandingYesterday, settledYesterday,
                    progressedYesterday, step, sessionsAtStep, value, feedback, phase, minutes);
        }

        /** The last session hurt (pain during above 5, or "Hurts"), this many times in two weeks. */
        Day lastSessionHurt(int timesInTwoWeeks, String... exercises) {
            return feedback(new SessionFeedback(true, 7, timesInTwoWeeks, java.util.Set.of(exercises)));
        }

        Day feedback(SessionFeedback value) {
            return new Day(signals, redFlag, baseline, baselineMornings, demandingYesterday, settledYesterday,
                    progressedYesterday, step, sessionsAtStep, daysSinceStepUp, value, phase, minutes);
        }

        Day phase(String value) {
            return new Day(signals, redFlag, baseline, baselineMornings, demandingYesterday, settledYesterday,
                    progressedYesterday, step, sessionsAtStep, daysSinceStepUp, feedback, value, minutes);
        }

        private Day with(Signals changed) {
            return new Day(changed, redFlag, baseline, baselineMornings, demandingYesterday, settledYesterday,
                    progressedYesterday, step, sessionsAtStep, daysSinceStepUp, feedback, phase, minutes);
        }
    }
}
