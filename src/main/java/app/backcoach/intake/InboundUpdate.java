package app.backcoach.intake;

/**
 * An update as it arrives, before anything is done with it.
 *
 * @param chatId the lane it is ordered in (the chat, or the user where there is no chat)
 * @param payload the update exactly as the platform sent it, for the decoder to read later
 * @param messageId the id of the person's message it carries, if any (the sender reads the chat's ids)
 */
public record InboundUpdate(long updateId, long chatId, String payload, Long messageId) {

    public InboundUpdate(long updateId, long chatId, String payload) {
        this(updateId, chatId, payload, null);
    }
}
