package app.backcoach.coaching;

import java.util.List;
import java.util.Set;

/**
 * The day decided: how much, what kind, on which step, and every reason that shaped it.
 *
 * @param demanding a demanding day, so tomorrow is light (load cycling)
 * @param settled a good day for the pain-monitoring model
 * @param progressed today stepped up
 * @param easier exercises that bothered the back lately (amber): the composer gives their regression
 * @param resting exercises that hurt again or reached a leg (red): left out for now
 */
public record DayDecision(Version version, Shape shape, int step, boolean reliefFocus, boolean demanding,
                          boolean settled, boolean progressed, List<Decision> reasons, Set<String> easier,
                          Set<String> resting) {

    public DayDecision {
        reasons = List.copyOf(reasons);
        easier = Set.copyOf(easier);
        resting = Set.copyOf(resting);
    }

    public DayDecision(Version version, Shape shape, int step, boolean reliefFocus, boolean demanding,
                       boolean settled, boolean progressed, List<Decision> reasons, Set<String> easier) {
        this(version, shape, step, reliefFocus, demanding, settled, progressed, reasons, easier, Set.of());
    }

    public DayDecision(Version version, Shape shape, int step, boolean reliefFocus, boolean demanding,
                       boolean settled, boolean progressed, List<Decision> reasons) {
        this(version, shape, step, reliefFocus, demanding, settled, progressed, reasons, Set.of(), Set.of());
    }
}
