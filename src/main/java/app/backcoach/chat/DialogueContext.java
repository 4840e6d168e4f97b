package app.backcoach.chat;

/** Who is in a dialogue, and the message it lives in (null until the person first taps in it). */
public record DialogueContext(long chatId, long userId, String languageCode, Long messageId) {

    /** The same person, in a new message under the current one. */
    public DialogueContext below() {
        return new DialogueContext(chatId, userId, languageCode, null);
    }
}
