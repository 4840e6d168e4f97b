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

    public enum Action { MARK_SENT, RETRY, RESEND_AND_CHECK, PAUSE_ALL_AND_RETRY, MARK_BLOCKED, FAIL, GIVE_UP_UNCERTAIN }

    public record Decision(Action action, Duration delay, String reason) {
    }

    /**
     * @param checkable whether a resend can tell afterwards if this attempt arrived (a new message in a
     *                  private chat whose last message id is known); see {@link OutboxDispatcher}
     * @param attempts attempts made so far, including the one that produced {@code outcome}
     */
    public Decision decide(DeliveryOutcome outcome, boolean checkable, int attempts) {
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
        if (attempts >= maxAttempts) {
            return new Decision(Action.FAIL, Duration.ZERO, "gave up after " + attempts + " attempts");
        }
        if (outcome instanceof DeliveryOutcome.NotDelivered) {
            return new Decision(Action.RETRY, backoff(attempts), "not carried out; retrying");
        }
        if (checkable) {
            return new Decision(Action.RESEND_AND_CHECK, backoff(attempts),
                    "may have arrived; resending, and the new message id tells whether this one did");
        }
        return new Decision(Action.GIVE_UP_UNCERTAIN, Duration.ZERO,
                "may have arrived; not repeated, so Telegram never refuses a repeat and no one sees it twice");
    }

    /** 1×, 2×, 4× … the first delay, capped, so a Telegram outage is not hammered. */
    Duration backoff(int attempts) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 20);
        Duration delay = firstDelay.multipliedBy(1L << doublings);
        return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
    }
}
