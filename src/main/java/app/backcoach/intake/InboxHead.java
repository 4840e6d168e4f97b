package app.backcoach.intake;

/**
 * A chat's oldest pending update as the lane loop sees it: ids only. The payload is read where it is
 * handled, under the row's lock, so a head that waits (a busy chat) costs no transfer and no entity.
 *
 * @param behind how many more pending updates the chat has after this one
 */
public record InboxHead(long updateId, long chatId, long behind) {
}
