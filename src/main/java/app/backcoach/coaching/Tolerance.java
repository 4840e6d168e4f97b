package app.backcoach.coaching;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How this person's back answers each exercise, from what they told us: green (done, settled),
 * amber (too hard, hurt once, part of a session with pain above 5/10 during it or a flare-up the
 * next morning) and red (symptoms into a leg, or hurt again within four weeks). Amber exercises
 * come back as their regression; red ones rest for two weeks and are then tried once more (hurting
 * again on that try makes them red at once). Pure; computed from the stored plans, so nothing new is
 * kept about the person.
 */
public final class Tolerance {

    public enum Level { GREEN, AMBER, RED }

    /** What one session said about one exercise. */
    public enum Kind { DONE, TOO_HARD, HURT, LEG, PAINFUL_SESSION, FLARED_AFTER }

    public record Signal(LocalDate date, String exerciseId, Kind kind) {
    }

    /** How long an amber or red signal counts; a red exercise rests this long. */
    public static final int DAYS = 14;
    /** A hurt within this many days of an earlier one is the second time. */
    public static final int MEMORY_DAYS = 28;

    private Tolerance() {
    }

    /** Each exercise seen in the last four weeks, with its level on {@code today}. */
    public static Map<String, Level> of(List<Signal> signals, LocalDate today) {
        Map<String, Level> levels = new HashMap<>();
        for (Signal signal : signals) {
            if (signal.date().isBefore(today.minusDays(MEMORY_DAYS)) || !signal.date().isBefore(today)) {
                continue;
            }
            Level level = level(signal, signals, today);
            levels.merge(signal.exerciseId(), level, (a, b) -> a.compareTo(b) >= 0 ? a : b);
        }
        return levels;
    }

    private static Level level(Signal signal, List<Signal> signals, LocalDate today) {
        boolean recent = !signal.date().isBefore(today.minusDays(DAYS));
        return switch (signal.kind()) {
            case DONE -> Level.GREEN;
            case LEG -> recent ? Level.RED : Level.GREEN;
            case HURT -> !recent ? Level.GREEN : hurtBefore(signal, signals) ? Level.RED : Level.AMBER;
            case TOO_HARD, PAINFUL_SESSION, FLARED_AFTER -> recent ? Level.AMBER : Level.GREEN;
        };
    }

    /** Whether the same exercise hurt (or reached a leg) in the four weeks before this signal. */
    private static boolean hurtBefore(Signal hurt, List<Signal> signals) {
        return signals.stream().anyMatch(other -> other.exerciseId().equals(hurt.exerciseId())
                && (other.kind() == Kind.HURT || other.kind() == Kind.LEG)
                && other.date().isBefore(hurt.date())
                && !other.date().isBefore(hurt.date().minusDays(MEMORY_DAYS)));
    }
}
