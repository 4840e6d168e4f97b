package app.backcoach.coaching;

/**
 * Everything the rules look at for one day.
 *
 * @param signals this morning's check-in
 * @param redFlag a red flag reported and not cleared by a clinician
 * @param baselinePain the mean pain of the previous seven days' check-ins, or null with none
 * @param yesterdayDemanding whether yesterday's plan was a demanding day
 * @param yesterdaySettled whether yesterday counted as a good day by the pain-monitoring rule
 * @param yesterdayProgressed whether yesterday already stepped up
 * @param step where the person is on the progression ladder (0 to {@link #MAX_STEP})
 * @param phase the profile's phase: recovering, building, performing or heavy-work
 * @param sessionMinutes the usual session length
 */
public record DayFacts(Signals signals, boolean redFlag, Double baselinePain, boolean yesterdayDemanding,
                       boolean yesterdaySettled, boolean yesterdayProgressed, int step, String phase,
                       int sessionMinutes) {

    public static final int MAX_STEP = 5;

    /** Where someone new starts on the ladder: conservative, shaped by their phase. */
    public static int firstStep(String phase) {
        return switch (phase) {
            case "building", "heavy-work" -> 1;
            case "performing" -> 2;
            default -> 0;
        };
    }
}
