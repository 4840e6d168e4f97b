package app.backcoach.coaching;

import app.backcoach.catalogue.Dose;

/**
 * One exercise of a day's plan with its dose for today.
 *
 * @param part when it is done: before or after training (prime and protect), otherwise main
 */
public record PlannedItem(String exerciseId, Part part, Dose dose, double minutes) {

    public enum Part {
        BEFORE, MAIN, AFTER
    }
}
