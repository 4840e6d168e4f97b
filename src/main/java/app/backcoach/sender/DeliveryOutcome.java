package app.backcoach.sender;

import java.time.Duration;

/** What happened to one Bot API call, classified by what it means for retrying. */
public sealed interface DeliveryOutcome {

    record Delivered(Long messageId) implements DeliveryOutcome {
    }

    /** 429: nothing more may be sent until {@code retryAfter} has passed. */
    record RateLimited(Duration retryAfter) implements DeliveryOutcome {
    }

    /** 403: the user blocked the bot (or it was removed from the chat). */
    record Blocked(String description) implements DeliveryOutcome {
    }

    /** Telegram refused the request itself (4xx other than 403/429): repeating it cannot help. */
    record Rejected(int errorCode, String description) implements DeliveryOutcome {
    }

    /**
     * Certainly not carried out: no connection, the request was never fully written, or a proxy in front of
     * Telegram answered with its own error page (502/503/504 as HTML). Safe to repeat, whatever it was.
     */
    record NotDelivered(String reason) implements DeliveryOutcome {
    }

    /**
     * The request may have been carried out: a timeout or a cut after it was written, Telegram's own 5xx
     * answer, an unreadable answer, or a crash during the call.
     */
    record Uncertain(String reason) implements DeliveryOutcome {
    }
}
