package app.backcoach.sender;

public enum OutboxStatus {
    /** Waiting to be delivered (possibly after {@code not_before}). */
    PENDING,
    /** The call is under way; found like this after a crash, it is resolved by the rules in OutboxDispatcher. */
    SENDING,
    SENT,
    /** Telegram refused it for good (bad request), or retries ran out. */
    FAILED,
    /** It may or may not have reached Telegram and could not be checked; not repeated, so never shown twice. */
    UNCERTAIN,
    /** Not sent because the user blocked the bot. */
    DROPPED
}
