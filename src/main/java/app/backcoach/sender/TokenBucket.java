package app.backcoach.sender;

import java.time.Duration;
import java.time.Instant;

/** A token bucket on caller-supplied time, so its behaviour is exact in tests. Not thread-safe. */
final class TokenBucket {

    private final double tokensPerNano;
    private final double capacity;
    private double tokens;
    private Instant updatedAt;

    TokenBucket(double perSecond, int capacity, Instant now) {
        if (perSecond <= 0 || capacity < 1) {
            throw new IllegalArgumentException("rate and capacity must be positive");
        }
        this.tokensPerNano = perSecond / 1_000_000_000d;
        this.capacity = capacity;
        this.tokens = capacity;
        this.updatedAt = now;
    }

    /** Time until a token is available; zero when one is available now. */
    Duration waitTime(Instant now) {
        refill(now);
        if (tokens >= 1) {
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) Math.ceil((1 - tokens) / tokensPerNano));
    }

    /** Takes a token; call only after {@link #waitTime} returned zero for the same instant. */
    void take(Instant now) {
        refill(now);
        tokens -= 1;
    }

    /** Returns a token taken for something that did not happen. */
    void giveBack() {
        tokens = Math.min(capacity, tokens + 1);
    }

    /** Takes back what accrued over {@code elapsed}: as if the last token had been taken that much later. */
    void postpone(Duration elapsed, Instant now) {
        refill(now);
        tokens -= elapsed.toNanos() * tokensPerNano;
    }

    boolean isFull(Instant now) {
        refill(now);
        return tokens >= capacity;
    }

    private void refill(Instant now) {
        if (now.isAfter(updatedAt)) {
            long nanos = Duration.between(updatedAt, now).toNanos();
            tokens = Math.min(capacity, tokens + nanos * tokensPerNano);
        }
        // A wall clock can also step back (NTP, a moved test clock): count from the new time, or
        // the bucket would stay empty until the clock caught up.
        updatedAt = now;
    }
}
