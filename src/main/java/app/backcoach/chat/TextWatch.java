package app.backcoach.chat;

/**
 * Reads every text a person types before anything else answers it. A feature provides one when it
 * must act on what people write whatever they are doing (the safety net for emergency signs).
 */
public interface TextWatch {

    /**
     * @return true when this watch answered the text itself, so nothing else should
     */
    boolean handled(Incoming.TextMessage text);
}
