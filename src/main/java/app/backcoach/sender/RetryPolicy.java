package app.backcoach.sender;

import java.time.Duration;

/**
 * What to do after a delivery attempt. Pure: the same outcome and attempt count always give the
 * same decision, with the reason spelled out for the log and the outbox row.
 */
public final class RetryPolicy {

    static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    private final int maxAttempts;
    private final Duration firstDelay;

    public RetryPolicy(int maxAttempts, Duration firstDelay) {
        this.maxAttempts = maxAttempts;
        this.firstDelay = firstDelay;
    }

    public enum Action { MARK_SENT, RETRY, PAUSE_ALL_AND_RETRY, MARK_BLOCKED, FAIL, GIVE_UP_UNCERTAIN }

    public record Decision(Action action, Duration delay, String reason) {
    }

    /**
     * @param attempts attempts made so far, including the one that produced {@code outcome}
     */
    public Decision decide(DeliveryOutcome outcome, boolean idempotent, int attempts) {
        if (outcome instanceof DeliveryOutcome.Delivered) {
            return new Decision(Action.MARK_SENT, Duration.ZERO, "delivered");
        }
        if (outcome instanceof DeliveryOutcome.RateLimited limited) {
            return new Decision(Action.PAUSE_ALL_AND_RETRY, limited.retryAfter(),
                    "Telegram asked to wait " + limited.retryAfter().toSeconds() + " s before sending anything");
        }
        if (outcome instanceof DeliveryOutcome.Blocked) {
            return new Decision(Action.MARK_BLOCKED, Duration.ZERO, "the user blocked the bot");
        }
        if (outcome instanceof DeliveryOutcome.Rejected rejected) {
            return new Decision(Action.FAIL, Duration.ZERO,
                    "Telegram refused the request (" + rejected.errorCode() + ")");
        }
        boolean certainlyNotDelivered = outcome instanceof DeliveryOutcome.NotDelivered;
        if (!certainlyNotDelivered && !idempotent) {
            return new Decision(Action.GIVE_UP_UNCERTAIN, Duration.ZERO,
                    "may have reached Telegram; not repeated so the user never sees it twice");
        }
        if (attempts >= maxAttempts) {
            return new Decision(Action.FAIL, Duration.ZERO, "gave up after " + attempts + " attempts");
        }
        return new Decision(Action.RETRY, backoff(attempts),
                certainlyNotDelivered ? "not delivered; retrying" : "safe to repeat; retrying");
    }

    /** 1×, 2×, 4× … the first delay, capped, so a Telegram outage is not hammered. */
    Duration backoff(int attempts) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 20);
        Duration delay = firstDelay.multipliedBy(1L << doublings);
        return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
    }
}
