package app.backcoach.coaching;

import java.util.List;

/**
 * The day decided: how much, what kind, on which step, and every reason that shaped it.
 *
 * @param demanding a demanding day, so tomorrow is light (load cycling)
 * @param settled a good day for the pain-monitoring model
 * @param progressed today stepped up
 */
public record DayDecision(Version version, Shape shape, int step, boolean reliefFocus, boolean demanding,
                          boolean settled, boolean progressed, List<Decision> reasons) {

    public DayDecision {
        reasons = List.copyOf(reasons);
    }
}
