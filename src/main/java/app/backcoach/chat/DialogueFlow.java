package app.backcoach.chat;

import app.backcoach.text.Texts;

/** A feature's dialogue: its table, and what happens at each of its ends. */
public interface DialogueFlow {

    DialogueDefinition definition();

    /**
     * Called in the update's transaction when an answer leads to an end. The flow stores what it
     * keeps and answers, typically by {@code engine.show(...)} in place or by starting another flow.
     */
    void finish(DialogueContext context, String outcome, Answers answers);

    /**
     * The timeout end: a tap on a question that stayed open past the dialogue's timeout ends the
     * dialogue unanswered, and its message says so with this text (a flow that keeps answers as they
     * come may say what it kept and how to go on).
     */
    default String expiredKey(Answers answers) {
        return "dialogue.expired";
    }

    /**
     * Called in the update's transaction after every answer (a skip included), before the table
     * moves on: for flows that keep each answer the moment it is given.
     */
    default void answered(DialogueContext context, Question question, Answers answers) {
    }

    /**
     * The question as the person sees it: its prompt, which a flow may frame for the moment (a
     * heading that counts the set-up's questions, a greeting by the person's local time).
     */
    default String prompt(DialogueContext context, Question question, Texts texts) {
        return texts.get(context.languageCode(), question.promptKey());
    }

    /** A choice's button label: from the bundle, unless the flow's texts come from elsewhere (a data file). */
    default String label(DialogueContext context, Question question, Question.Choice choice, Texts texts) {
        return texts.get(context.languageCode(), choice.labelKey());
    }

    /** Dialogues generated from data (one per questionnaire file), where one bean per dialogue cannot be. */
    interface GeneratedFlows {
        java.util.List<DialogueFlow> flows();
    }
}
