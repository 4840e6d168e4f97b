package app.backcoach.dialogue;

/** A feature's dialogue: its table, and what happens at each of its ends. */
public interface DialogueFlow {

    DialogueDefinition definition();

    /**
     * Called in the update's transaction when an answer leads to an end. The flow stores what it
     * keeps and answers, typically by {@code engine.show(...)} in place or by starting another flow.
     */
    void finish(DialogueContext context, String outcome, Answers answers);

    /**
     * Called in the update's transaction after every answer (a skip included), before the table
     * moves on: for flows that keep each answer the moment it is given.
     */
    default void answered(DialogueContext context, Question question, Answers answers) {
    }
}
