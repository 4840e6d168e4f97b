package app.backcoach.flare;

import app.backcoach.coaching.Version;

/**
 * When the flare-up plan comes up by itself after a check-in. Two small pure rules, each returning a
 * verdict with its reason; {@code FlareRulesTest} holds their tables.
 *
 * <ul>
 *   <li>{@link #showAtOnce}: a relief-only morning, or pain at least {@link #JUMP} points above the
 *       previous check-in or the seven-day baseline → the plan (the person's own, or the general one) now.</li>
 *   <li>{@link #offerToWrite}: a calm morning in the first week, after the first check-ins, never during a
 *       safety pause, never twice → the offer to write one's own.</li>
 * </ul>
 */
public final class FlareRules {

    /** Points of pain above the previous morning or the baseline that count as a flare. */
    static final int JUMP = 3;
    /** Completed check-ins before the offer: a first impression of how this back usually is. */
    static final int FIRST_CHECKINS = 2;
    /** The offer belongs to the first week (days since the first check-in, that day being 0). */
    static final int FIRST_WEEK_DAYS = 7;
    /** Pain at or below this, on a day without easing, is calm enough to plan ahead. */
    static final int CALM_PAIN = 4;

    /** A rule's answer: whether it fires, and its reason's stable name (also the text key's tail). */
    public record Verdict(boolean fires, String reason) {
        static Verdict yes(String reason) {
            return new Verdict(true, reason);
        }

        static Verdict no(String reason) {
            return new Verdict(false, reason);
        }
    }

    /**
     * This morning, as the check-in and the rules left it.
     *
     * @param paused a red flag holds the plan paused
     * @param version the day's version after the rules
     * @param easing the day eases (relief focus)
     * @param pain pain now, 0-10, or null when skipped
     * @param previousPain the pain of the latest earlier check-in, or null
     * @param baseline the mean pain of the previous seven days, or null
     */
    public record Morning(boolean paused, Version version, boolean easing, Integer pain, Integer previousPain,
                          Double baseline) {
    }

    /**
     * Where the person stands with the plan.
     *
     * @param written they wrote their own
     * @param offered it was offered before
     * @param completedCheckins completed check-ins so far, this morning's included
     * @param daysSinceFirstCheckin days since the first check-in (0 on its day)
     */
    public record Standing(boolean written, boolean offered, int completedCheckins, int daysSinceFirstCheckin) {
    }

    private FlareRules() {
    }

    /** A flaring morning gets the plan at once. */
    public static Verdict showAtOnce(Morning morning) {
        if (morning.paused() || morning.version() == Version.STOP_AND_REFER) {
            // The pause's own advice says what to do; nothing may sit beside it.
            return Verdict.no("paused");
        }
        if (morning.version() == Version.RELIEF_ONLY) {
            return Verdict.yes("relief-only");
        }
        Integer pain = morning.pain();
        if (pain != null && morning.previousPain() != null && pain - morning.previousPain() >= JUMP) {
            return Verdict.yes("jump-previous");
        }
        if (pain != null && morning.baseline() != null && pain - morning.baseline() >= JUMP) {
            return Verdict.yes("jump-baseline");
        }
        return Verdict.no("no-flare");
    }

    /** The offer to write one's own plan: once, in the first week, on a calm morning. */
    public static Verdict offerToWrite(Morning morning, Standing standing) {
        if (morning.paused() || morning.version() == Version.STOP_AND_REFER) {
            return Verdict.no("paused");
        }
        if (standing.written()) {
            return Verdict.no("written");
        }
        if (standing.offered()) {
            return Verdict.no("offered");
        }
        if (standing.completedCheckins() < FIRST_CHECKINS) {
            return Verdict.no("too-early");
        }
        if (standing.daysSinceFirstCheckin() >= FIRST_WEEK_DAYS) {
            return Verdict.no("after-first-week");
        }
        boolean calm = !morning.easing() && morning.version() != Version.RELIEF_ONLY
                && morning.pain() != null && morning.pain() <= CALM_PAIN;
        return calm ? Verdict.yes("calm-first-week") : Verdict.no("not-calm");
    }
}
