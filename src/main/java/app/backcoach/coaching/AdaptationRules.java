package app.backcoach.coaching;

import app.backcoach.coaching.Signals.DayType;
import app.backcoach.coaching.Signals.NextDay;
import app.backcoach.coaching.Signals.Sleep;
import app.backcoach.coaching.Signals.Stiffness;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The coaching rules: each a small pure function from the day's facts to a decision with its
 * reason. {@link DayPlanner} applies them all and takes the most cautious outcome. The tests of
 * this class read as the specification.
 */
public final class AdaptationRules {

    /** A named rule: its name is written here once and stamped on every decision it makes. */
    public record Rule(String name, Function<DayFacts, Decision> decide) {
        public Decision apply(DayFacts facts) {
            return decide.apply(facts).named(name);
        }
    }

    /** Pain at or above this is a relief-only day. */
    static final int SEVERE_PAIN = 7;
    /** Points above the seven-day baseline that count as a worse morning. */
    static final int WORSE_BY = 2;
    /** Confidence at or below this (of 5) keeps the day gentle. */
    static final int LOW_CONFIDENCE = 2;
    /** Pain at rest from this up (below {@link #SEVERE_PAIN}) is a reduced day with easing. */
    static final int MODERATE_PAIN = 5;
    /** Mornings a pain baseline needs before a day is judged against it. */
    static final int BASELINE_MORNINGS = 3;
    /** Sessions done at a step before the next. */
    static final int SESSIONS_PER_STEP = 2;
    /** Days between two steps up, at least. */
    static final int DAYS_PER_STEP = 7;

    public static final Rule RED_FLAG = new Rule("red-flag", AdaptationRules::redFlag);
    public static final Rule SEVERE_PAIN_RULE = new Rule("severe-pain", AdaptationRules::severePain);
    public static final Rule MODERATE_PAIN_RULE = new Rule("moderate-pain", AdaptationRules::moderatePain);
    public static final Rule FIRST_DAYS = new Rule("first-days", AdaptationRules::firstDays);
    public static final Rule SESSION_FEEDBACK = new Rule("session-feedback", AdaptationRules::sessionFeedback);
    public static final Rule PAIN_MONITORING = new Rule("pain-monitoring", AdaptationRules::painMonitoring);
    public static final Rule RECOVERY = new Rule("recovery", AdaptationRules::recovery);
    public static final Rule CONFIDENCE = new Rule("confidence", AdaptationRules::confidence);
    public static final Rule LOAD_CYCLING = new Rule("load-cycling", AdaptationRules::loadCycling);
    public static final Rule DAY_TYPE = new Rule("day-type", AdaptationRules::dayType);
    public static final Rule PHASE = new Rule("phase", AdaptationRules::phase);

    /** All rules, in the order their reasons are told. */
    public static final List<Rule> ALL = List.of(RED_FLAG, SEVERE_PAIN_RULE, MODERATE_PAIN_RULE,
            FIRST_DAYS, SESSION_FEEDBACK, PAIN_MONITORING, RECOVERY, CONFIDENCE, LOAD_CYCLING, DAY_TYPE, PHASE);

    private AdaptationRules() {
    }

    /** Any red flag stops the plan: advice to seek care, never an exercise. */
    static Decision redFlag(DayFacts facts) {
        return facts.redFlag()
                ? Decision.fires("rule.red-flag").atMost(Version.STOP_AND_REFER)
                : Decision.quiet();
    }

    /** Pain of 7/10 or more: only easing movement today, with advice. */
    static Decision severePain(DayFacts facts) {
        Integer pain = facts.signals().pain();
        return pain != null && pain >= SEVERE_PAIN
                ? Decision.fires("rule.severe-pain", "pain", pain.toString())
                        .atMost(Version.RELIEF_ONLY).withReliefFocus()
                : Decision.quiet();
    }

    /** Pain of 5-6/10 at rest: above what the pain-monitoring model trains into, so reduced and easing. */
    static Decision moderatePain(DayFacts facts) {
        Integer pain = facts.signals().pain();
        return pain != null && pain >= MODERATE_PAIN && pain < SEVERE_PAIN
                ? Decision.fires("rule.moderate-pain", "pain", pain.toString())
                        .atMost(Version.REDUCED).withReliefFocus()
                : Decision.quiet();
    }

    /**
     * Fewer than three mornings to compare with (the first days, or back after a break): without a
     * baseline a worse morning cannot be told from a usual one, and how this back answers a
     * session is not known yet, so the day is reduced until there is one.
     */
    static Decision firstDays(DayFacts facts) {
        return facts.baselineMornings() < BASELINE_MORNINGS
                ? Decision.fires("rule.first-days").atMost(Version.REDUCED)
                : Decision.quiet();
    }

    /**
     * What the last session told us: pain above 5/10 during it, or an exercise that hurt (or sent
     * symptoms into a leg). Once → reduced, no step up, that exercise comes back as its regression;
     * a second time within two weeks → one step back with easing.
     */
    static Decision sessionFeedback(DayFacts facts) {
        SessionFeedback feedback = facts.feedback();
        if (!feedback.lastHurt()) {
            return Decision.quiet();
        }
        if (feedback.hurtSessions() >= 2) {
            return Decision.fires("rule.hurt-again").atMost(Version.REDUCED).step(-1).withReliefFocus();
        }
        return Decision.fires("rule.hurt").atMost(Version.REDUCED);
    }

    /**
     * The pain-monitoring model. Worse the next morning (flared up, or pain two points above the
     * seven-day baseline) → regress. Settled (fine or no different, pain not above baseline) →
     * repeat, and after two good days in a row progress one step. Sore or guarded → hold.
     */
    static Decision painMonitoring(DayFacts facts) {
        Signals signals = facts.signals();
        if (signals.yesterday() == NextDay.FLARED) {
            return Decision.fires("rule.flared").atMost(Version.REDUCED).step(-1).withReliefFocus();
        }
        if (painUp(facts)) {
            return Decision.fires("rule.pain-up", "pain", signals.pain().toString(),
                    "baseline", baseline(facts)).atMost(Version.REDUCED).step(-1).withReliefFocus();
        }
        if (signals.yesterday() == NextDay.SORE) {
            return Decision.fires("rule.sore").atMost(Version.REDUCED);
        }
        if (!settled(facts)) {
            return Decision.quiet();
        }
        int top = DayFacts.maxStep(facts.phase());
        if (facts.step() >= top) {
            return Decision.fires(top < DayFacts.MAX_STEP ? "rule.recovering-top" : "rule.top-step");
        }
        if (!facts.yesterdaySettled() || facts.yesterdayProgressed()) {
            return Decision.fires("rule.repeat");
        }
        boolean weekSinceLastStep = facts.daysSinceStepUp() == null || facts.daysSinceStepUp() >= DAYS_PER_STEP;
        if (facts.sessionsAtStep() < SESSIONS_PER_STEP || !weekSinceLastStep) {
            return Decision.fires("rule.consolidate", "sessions", String.valueOf(facts.sessionsAtStep()));
        }
        return Decision.fires("rule.progress").step(+1);
    }

    /**
     * A good day for the pain-monitoring model: yesterday's session settled, it did not hurt, and
     * pain is not above baseline.
     */
    public static boolean settled(DayFacts facts) {
        Signals signals = facts.signals();
        if (facts.feedback().lastHurt()) {
            return false;
        }
        boolean sessionSettled = signals.yesterday() == NextDay.WORKED_FINE || signals.yesterday() == NextDay.NO_DIFFERENT;
        boolean painAtBaseline = signals.pain() == null || facts.baselinePain() == null
                || signals.pain() <= facts.baselinePain();
        return sessionSettled && painAtBaseline;
    }

    /** Poor sleep or long morning stiffness: recovery is short, so the day is lighter (both: minimal). */
    static Decision recovery(DayFacts facts) {
        boolean poorSleep = facts.signals().sleep() == Sleep.POOR;
        boolean longStiffness = facts.signals().stiffness() == Stiffness.OVER_60;
        if (!poorSleep && !longStiffness) {
            return Decision.quiet();
        }
        String reason = poorSleep && longStiffness ? "rule.poor-sleep-and-stiffness"
                : poorSleep ? "rule.poor-sleep" : "rule.long-stiffness";
        // Both at once: a double recovery deficit, so only the minimal session.
        return Decision.fires(reason).atMost(poorSleep && longStiffness ? Version.MAINTENANCE : Version.REDUCED);
    }

    /** Low confidence in movement: gentle but moving, so confidence can grow from success. */
    static Decision confidence(DayFacts facts) {
        Integer confidence = facts.signals().confidence();
        return confidence != null && confidence <= LOW_CONFIDENCE
                ? Decision.fires("rule.low-confidence", "confidence", confidence.toString())
                        .atMost(Version.REDUCED)
                : Decision.quiet();
    }

    /** Never two demanding days in a row: after one, today is light. */
    static Decision loadCycling(DayFacts facts) {
        return facts.yesterdayDemanding()
                ? Decision.fires("rule.load-cycling").atMost(Version.REDUCED)
                : Decision.quiet();
    }

    /** Travel → the travel version; training or physical work → prime and protect. */
    static Decision dayType(DayFacts facts) {
        DayType type = facts.signals().dayType();
        if (type == null) {
            return Decision.quiet();
        }
        return switch (type) {
            case TRAVEL -> Decision.fires("rule.travel").atMost(Version.REDUCED).shaped(Shape.TRAVEL);
            case TRAINING, PHYSICAL -> Decision.fires("rule.prime-protect." + type.code())
                    .shaped(Shape.PRIME_AND_PROTECT);
            // A rest day is for recovery: a short maintenance session at most, never a full one.
            case REST -> Decision.fires("rule.rest-day").atMost(Version.MAINTENANCE);
            default -> Decision.quiet();
        };
    }

    /** A heavy-work period puts maintenance first; recovering keeps volume and level low (see the composer). */
    static Decision phase(DayFacts facts) {
        return switch (facts.phase()) {
            case "heavy-work" -> Decision.fires("rule.heavy-work").atMost(Version.REDUCED);
            case "recovering" -> Decision.fires("rule.recovering");
            default -> Decision.quiet();
        };
    }

    private static boolean painUp(DayFacts facts) {
        Integer pain = facts.signals().pain();
        return pain != null && facts.baselinePain() != null && pain >= facts.baselinePain() + WORSE_BY;
    }

    private static String baseline(DayFacts facts) {
        return String.format(Locale.ROOT, "%.1f", facts.baselinePain()).replace(".0", "");
    }
}
