package app.backcoach.sender;

public enum OutboxStatus {
    /** Waiting to be delivered (possibly after {@code not_before}). */
    PENDING,
    SENT,
    /** Telegram refused it for good (bad request), or retries ran out. */
    FAILED,
    /** The call broke after the request may have reached Telegram; not repeated, so never shown twice. */
    UNCERTAIN,
    /** Not sent because the user blocked the bot. */
    DROPPED
}
