package app.backcoach.coaching;

/**
 * When a change in pain (0-10) is one a person feels: two points, or 30% of where it started when
 * that is at least 1.5 points (30% of 1/10 is 0.3 points, no change anyone notices). One
 * definition for the weekly review and the escalation rules.
 */
public final class MeaningfulChange {

    public static final double POINTS = 2.0;
    public static final double SHARE = 0.30;
    /** A 30% change counts only when it is at least this many points. */
    public static final double FLOOR = 1.5;

    private MeaningfulChange() {
    }

    /** Whether pain moved meaningfully from {@code before} to {@code after}, either way. */
    public static boolean between(double before, double after) {
        double change = Math.abs(after - before);
        return change >= POINTS || change >= FLOOR && change >= SHARE * before;
    }

    /** Whether pain went down meaningfully. */
    public static boolean improvement(double before, double after) {
        return after < before && between(before, after);
    }
}
