package app.backcoach.day;

import app.backcoach.chat.DialogueContext;

/**
 * What a feature adds below the day's plan once a check-in is finished (the flare-up plan, say). The
 * check-in knows only this contract, so features that read the morning do not make it depend on them.
 */
public interface AfterCheckin {

    /**
     * Called by {@link CheckinOutcome} in the update's transaction after the plan is shown, unless the morning
     * ended in advice to see a clinician.
     *
     * @param below a new message under the plan
     * @return true when it said something, so the check-in offers no lesson on the same morning
     */
    boolean after(DialogueContext below, DailyCheckin checkin, DailyPlan plan);
}
