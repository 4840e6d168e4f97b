package app.backcoach.chat;


/** Who sent a command and what followed it. */
public record CommandContext(long chatId, long userId, String languageCode, String arguments) {

    /** The command's answer as a new message, for features that answer in a dialogue's message. */
    public DialogueContext newMessage() {
        return new DialogueContext(chatId, userId, languageCode, null);
    }
}
