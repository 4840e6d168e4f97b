package app.backcoach.safety;

import app.backcoach.coaching.MeaningfulChange;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Predicate;

/**
 * When coaching alone is not enough: pure rules from the recent mornings to advice to see a
 * clinician and rerun the screen. Each reason has a quiet period, so the advice is given once and
 * not every morning.
 */
public final class Escalation {

    /** One morning's check-in, as far as these rules look. */
    public record Morning(LocalDate date, Integer pain, boolean stiffOverAnHour) {
    }

    public enum Reason {
        /** Pain of 7/10 or more on three mornings in a row. */
        SEVERE_STREAK(7),
        /** Four weeks of regular check-ins without a meaningful improvement in pain. */
        NO_IMPROVEMENT(28),
        /** Morning stiffness over an hour on three of the last seven mornings: possibly inflammatory. */
        MORNING_STIFFNESS(28);

        /** Days before the same advice may be given again. */
        public final int quietDays;

        Reason(int quietDays) {
            this.quietDays = quietDays;
        }

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    static final int SEVERE_PAIN = 7;
    static final int STREAK = 3;
    static final int WEEKS = 4;
    /** Check-ins in the last four weeks that count as regular. */
    static final int REGULAR = 20;
    /** Below this (mean of the last week) pain is mild: steady mild pain alone is no reason for a review. */
    static final double LOW_PAIN = 4;
    static final int STIFF_MORNINGS = 3;

    private Escalation() {
    }

    /**
     * The reason to advise a clinician review today, if any.
     *
     * @param mornings completed check-ins of (at least) the last four weeks, any order, today's included
     * @param lastAdvised when each reason was last advised
     */
    public static Optional<Reason> assess(LocalDate today, List<Morning> mornings, Map<Reason, LocalDate> lastAdvised) {
        Predicate<Reason> quiet = reason -> lastAdvised.containsKey(reason)
                && lastAdvised.get(reason).plusDays(reason.quietDays).isAfter(today);
        if (severeStreak(today, mornings) && !quiet.test(Reason.SEVERE_STREAK)) {
            return Optional.of(Reason.SEVERE_STREAK);
        }
        if (morningStiffness(today, mornings) && !quiet.test(Reason.MORNING_STIFFNESS)) {
            return Optional.of(Reason.MORNING_STIFFNESS);
        }
        if (noImprovement(today, mornings) && !quiet.test(Reason.NO_IMPROVEMENT)) {
            return Optional.of(Reason.NO_IMPROVEMENT);
        }
        return Optional.empty();
    }

    /** Pain 7+ this morning and on each of the two mornings before. A missing morning breaks the run. */
    static boolean severeStreak(LocalDate today, List<Morning> mornings) {
        for (int back = 0; back < STREAK; back++) {
            LocalDate day = today.minusDays(back);
            boolean severe = mornings.stream().anyMatch(morning -> morning.date().equals(day)
                    && morning.pain() != null && morning.pain() >= SEVERE_PAIN);
            if (!severe) {
                return false;
            }
        }
        return true;
    }

    static boolean morningStiffness(LocalDate today, List<Morning> mornings) {
        return within(today, 7, mornings).filter(Morning::stiffOverAnHour).count() >= STIFF_MORNINGS;
    }

    /**
     * Regular check-ins for four weeks (the first at least four weeks ago, twenty in the window) and
     * the last week's pain not meaningfully below the first week's, while still at least 4/10.
     */
    static boolean noImprovement(LocalDate today, List<Morning> mornings) {
        LocalDate start = today.minusDays(WEEKS * 7L - 1);
        boolean longEnough = mornings.stream().anyMatch(morning -> !morning.date().isAfter(start));
        if (!longEnough || within(today, WEEKS * 7, mornings).count() < REGULAR) {
            return false;
        }
        OptionalDouble first = mornings.stream()
                .filter(morning -> !morning.date().isBefore(start) && morning.date().isBefore(start.plusDays(7)))
                .filter(morning -> morning.pain() != null).mapToInt(Morning::pain).average();
        OptionalDouble last = within(today, 7, mornings).filter(morning -> morning.pain() != null)
                .mapToInt(Morning::pain).average();
        if (first.isEmpty() || last.isEmpty() || last.getAsDouble() < LOW_PAIN) {
            return false;
        }
        return !meaningfulImprovement(first.getAsDouble(), last.getAsDouble());
    }

    /** The one definition of a meaningful change, shared with the weekly review. */
    static boolean meaningfulImprovement(double before, double after) {
        return MeaningfulChange.improvement(before, after);
    }

    private static java.util.stream.Stream<Morning> within(LocalDate today, int days, List<Morning> mornings) {
        LocalDate from = today.minusDays(days - 1L);
        return mornings.stream().filter(morning -> !morning.date().isBefore(from) && !morning.date().isAfter(today));
    }
}
