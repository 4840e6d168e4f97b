package app.backcoach.intake;

import app.backcoach.chat.Incoming;

/**
 * An update as it arrives, before anything is done with it.
 *
 * @param chatId the lane it is ordered in (the chat, or the user where there is no chat)
 * @param payload the update exactly as the platform sent it, for the decoder to read later
 * @param messageId the id of the person's message it carries, if any (the sender reads the chat's ids)
 * @param decoded what {@code payload} decodes to, when the adapter already knows (see {@link DecodedUpdates})
 */
public record InboundUpdate(long updateId, long chatId, String payload, Long messageId, Incoming decoded) {

    public InboundUpdate(long updateId, long chatId, String payload) {
        this(updateId, chatId, payload, null, null);
    }
}
