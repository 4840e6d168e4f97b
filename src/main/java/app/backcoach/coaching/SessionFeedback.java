package app.backcoach.coaching;

import java.util.Set;

/**
 * What the recent sessions told us: pain during them (the rating) and the exercises that hurt
 * (a "Hurts" in the guided session, symptoms into a leg counting at least as much).
 *
 * @param lastHurt the latest session (of the last {@link #RECENT_DAYS} days) had pain above 5/10
 *                 during it or an exercise that hurt
 * @param lastPainDuring the pain during that session, or null when not given
 * @param hurtSessions sessions of the last {@link #WINDOW_DAYS} days that hurt, the latest included
 * @param hurtExercises amber exercises ({@link Tolerance}): they come back as their regression
 * @param resting red exercises ({@link Tolerance}): left out for two weeks, then tried once more
 */
public record SessionFeedback(boolean lastHurt, Integer lastPainDuring, int hurtSessions, Set<String> hurtExercises,
                              Set<String> resting) {

    public static final SessionFeedback NONE = new SessionFeedback(false, null, 0, Set.of(), Set.of());
    /** Pain during a session above this is more than the pain-monitoring model accepts. */
    public static final int PAIN_LIMIT = 5;
    /** How far back a session still counts as "the last one". */
    public static final int RECENT_DAYS = 3;
    /** How long a session that hurt is remembered: a second one in this time steps back. */
    public static final int WINDOW_DAYS = 14;

    public SessionFeedback {
        hurtExercises = Set.copyOf(hurtExercises);
        resting = Set.copyOf(resting);
    }

    public SessionFeedback(boolean lastHurt, Integer lastPainDuring, int hurtSessions, Set<String> hurtExercises) {
        this(lastHurt, lastPainDuring, hurtSessions, hurtExercises, Set.of());
    }
}
