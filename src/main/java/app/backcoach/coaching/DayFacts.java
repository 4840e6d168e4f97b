package app.backcoach.coaching;

/**
 * Everything the rules look at for one day.
 *
 * @param signals this morning's check-in
 * @param redFlag a red flag reported and not cleared by a clinician
 * @param baselinePain the mean pain of the previous seven days' check-ins, or null with none
 * @param baselineMornings how many check-ins with a pain answer that mean is taken over
 * @param yesterdayDemanding whether yesterday's plan was a demanding day
 * @param yesterdaySettled whether yesterday counted as a good day by the pain-monitoring rule
 * @param yesterdayProgressed whether yesterday already stepped up
 * @param step where the person is on the progression ladder (0 to {@link #MAX_STEP}); a step up
 *             counts only once a session at it was done
 * @param sessionsAtStep sessions done at this step (full or reduced, not easing days)
 * @param daysSinceStepUp days since the last step up that was done, or null with none lately
 * @param feedback how the recent sessions went, as the person told us during and after them
 * @param phase the profile's phase: recovering, building, performing or heavy-work
 * @param sessionMinutes the usual session length
 */
public record DayFacts(Signals signals, boolean redFlag, Double baselinePain, int baselineMornings,
                       boolean yesterdayDemanding, boolean yesterdaySettled, boolean yesterdayProgressed, int step,
                       int sessionsAtStep, Integer daysSinceStepUp, SessionFeedback feedback, String phase,
                       int sessionMinutes) {

    public static final int MAX_STEP = 5;
    /** Level 2 at most while recovering (steps 2-3). */
    public static final int RECOVERING_MAX_STEP = 3;

    public DayFacts {
        feedback = feedback == null ? SessionFeedback.NONE : feedback;
    }

    /** Where someone new starts on the ladder: conservative, shaped by their phase. */
    public static int firstStep(String phase) {
        return switch (phase) {
            case "building", "heavy-work" -> 1;
            case "performing" -> 2;
            default -> 0;
        };
    }

    /** The highest step the phase allows. */
    public static int maxStep(String phase) {
        return "recovering".equals(phase) ? RECOVERING_MAX_STEP : MAX_STEP;
    }
}
