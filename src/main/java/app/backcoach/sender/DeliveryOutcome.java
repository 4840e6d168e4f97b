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

    /** Certainly not delivered: the connection failed before the request went out, or Telegram answered 5xx. */
    record NotDelivered(String reason) implements DeliveryOutcome {
    }

    /** The request may have reached Telegram (timeout, connection cut, unreadable answer). */
    record Uncertain(String reason) implements DeliveryOutcome {
    }
}
