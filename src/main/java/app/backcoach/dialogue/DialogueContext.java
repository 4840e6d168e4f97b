package app.backcoach.dialogue;

/** Who is in a dialogue, and the message it lives in (null until the person first taps in it). */
public record DialogueContext(long chatId, long userId, String languageCode, Long messageId) {
}
