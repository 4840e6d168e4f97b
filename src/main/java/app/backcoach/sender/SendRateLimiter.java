package app.backcoach.sender;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Telegram's limits on our side: a sustained rate per chat (with a small burst), an evenly spaced
 * global rate, and a full stop after a 429 until its {@code retry_after} has passed.
 */
final class SendRateLimiter {

    private final double perChatPerSecond;
    private final int perChatBurst;
    private final TokenBucket global;
    private final Map<Long, TokenBucket> chats = new HashMap<>();
    private Instant pausedUntil = Instant.MIN;

    SendRateLimiter(double globalPerSecond, double perChatPerSecond, int perChatBurst, Instant now) {
        this.perChatPerSecond = perChatPerSecond;
        this.perChatBurst = perChatBurst;
        this.global = new TokenBucket(globalPerSecond, 1, now);
    }

    /**
     * Takes a slot for one call to {@code chatId} if every limit allows it now.
     *
     * @return zero when the slot was taken, otherwise how long until it could be
     */
    synchronized Duration tryAcquire(long chatId, boolean countsAsChatMessage, Instant now) {
        if (now.isBefore(pausedUntil)) {
            return Duration.between(now, pausedUntil);
        }
        if (!countsAsChatMessage) {
            // A callback answer only stops the spinner on a tap; Telegram counts messages, not answers,
            // and making answers queue behind a broadcast would leave buttons spinning.
            return Duration.ZERO;
        }
        TokenBucket chat = chats.computeIfAbsent(chatId, id -> new TokenBucket(perChatPerSecond, perChatBurst, now));
        Duration wait = chat.waitTime(now);
        Duration globalWait = global.waitTime(now);
        if (globalWait.compareTo(wait) > 0) {
            wait = globalWait;
        }
        if (!wait.isZero()) {
            return wait;
        }
        global.take(now);
        chat.take(now);
        return Duration.ZERO;
    }

    /** Until when nothing is sent at all (zero wait otherwise). */
    synchronized Duration globalWait(Instant now) {
        if (now.isBefore(pausedUntil)) {
            return Duration.between(now, pausedUntil);
        }
        return global.waitTime(now);
    }

    synchronized void pauseUntil(Instant until) {
        if (until.isAfter(pausedUntil)) {
            pausedUntil = until;
        }
    }

    /** Chats whose bucket has refilled behave exactly like new ones, so they need no memory. */
    synchronized void forgetIdleChats(Instant now) {
        chats.values().removeIf(bucket -> bucket.isFull(now));
    }

    synchronized int trackedChats() {
        return chats.size();
    }
}
