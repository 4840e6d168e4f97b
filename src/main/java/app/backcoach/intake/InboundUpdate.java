package app.backcoach.intake;

/**
 * An update as it arrives, before anything is done with it.
 *
 * @param chatId the lane it is ordered in (the chat, or the user where there is no chat)
 * @param payload the update exactly as the platform sent it, for the decoder to read later
 */
public record InboundUpdate(long updateId, long chatId, String payload) {
}
