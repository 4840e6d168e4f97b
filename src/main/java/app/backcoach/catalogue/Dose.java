package app.backcoach.catalogue;

import java.util.List;

/**
 * How much of an exercise: either repetitions per set (optionally each held) or a continuous time
 * per set. {@code reps} lists each set's repetitions: one value for equal sets, several for a
 * pyramid (6-4-2 means three sets of six, four and two).
 *
 * @param sets how many sets
 * @param reps repetitions per set (empty when the dose is by time)
 * @param holdSeconds how long each repetition is held (0 for none)
 * @param seconds continuous time per set (0 when the dose is by repetitions)
 * @param restSeconds rest between sets
 * @param perSide whether the dose is done on each side
 */
public record Dose(int sets, List<Integer> reps, int holdSeconds, int seconds, int restSeconds, boolean perSide) {

    public Dose {
        reps = List.copyOf(reps);
    }

    public boolean byTime() {
        return seconds > 0;
    }

    /** Repetitions in set {@code index} (0-based); a pyramid's last value repeats when sets outnumber it. */
    public int repsInSet(int index) {
        return reps.get(Math.min(index, reps.size() - 1));
    }

    /** The same dose with another number of sets (at least one). */
    public Dose withSets(int newSets) {
        return new Dose(Math.max(1, newSets), reps, holdSeconds, seconds, restSeconds, perSide);
    }
}
