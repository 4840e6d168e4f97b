package app.backcoach.sender;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Telegram's limits on our side: a sustained rate per chat (with a small burst), at most the global rate's
 * worth of messages in any second across chats, and a full stop after a 429 until its {@code retry_after} has passed.
 */
final class SendRateLimiter {

    private static final Duration MAX_POSTPONE = Duration.ofSeconds(2);
    /**
     * Telegram counts calls where they arrive, the window here where they start: on a busy machine calls that
     * start at a second's edge arrive a few tens of ms apart, and the Galera check counted 33 arrivals in one
     * second at a limit of 30. The global window is this much longer than a second.
     */
    static final Duration ARRIVAL_MARGIN = Duration.ofMillis(50);

    private final double perChatPerSecond;
    private final int perChatBurst;
    private final SlidingWindow global;
    private final Map<Long, TokenBucket> chats = new HashMap<>();
    /** Each chat's last slot and when it was taken, until its call starts. */
    private final Map<Long, Place> takenAt = new HashMap<>();
    /** Each chat's counted call's slot and when it started, until it ends (one call per chat at a time: its lane). */
    private final Map<Long, Place> startedAt = new HashMap<>();
    private Instant pausedUntil = Instant.MIN;

    /** A call's place in the global window, and the time it was given for (the place itself may move). */
    private record Place(SlidingWindow.Slot slot, Instant since) {
    }

    SendRateLimiter(double globalPerSecond, double perChatPerSecond, int perChatBurst, Instant now) {
        this.perChatPerSecond = perChatPerSecond;
        this.perChatBurst = perChatBurst;
        this.global = new SlidingWindow(globalPerSecond, ARRIVAL_MARGIN);
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
        takenAt.put(chatId, new Place(global.take(now), now));
        chat.take(now);
        return Duration.ZERO;
    }

    /**
     * The call for a slot taken earlier starts now: the chat's spacing and the global window count from here.
     * Between taking a slot and the call there is database work of varying length; counted from the slot,
     * two calls could reach Telegram closer together than the rate allows.
     *
     * @return zero when the call may start now; otherwise how long to wait before asking again. That happens
     *         only when the work took longer than the window (a database failing over, say): the slot had left
     *         the window, and without a new place in it the call went uncounted, so a burst after an outage
     *         exceeded the limit. Only for a call that took a counted slot: the times are kept by chat, and a tap's
     *         answer, which takes none, may run beside its chat's counted call (its own lane), so it is not
     *         reported here or to {@link #callEnded}
     */
    synchronized Duration callStarting(long chatId, Instant now) {
        Place taken = takenAt.get(chatId);
        if (taken == null || !now.isAfter(taken.since())) {
            takenAt.remove(chatId);
            if (taken != null) {
                startedAt.put(chatId, taken); // the call starts at its slot: the slot's place is its start
            }
            return Duration.ZERO;
        }
        SlidingWindow.Slot slot = taken.slot();
        if (!global.move(slot, now)) {
            Duration wait = global.waitTime(now);
            if (!wait.isZero()) {
                return wait;
            }
            slot = global.take(now);
        }
        takenAt.remove(chatId);
        startedAt.put(chatId, new Place(slot, now));
        TokenBucket chat = chats.get(chatId);
        Duration elapsed = Duration.between(taken.since(), now);
        if (chat != null) {
            // Never more than that work can take: a longer gap is the clock moving (NTP, a test clock).
            chat.postpone(elapsed.compareTo(MAX_POSTPONE) > 0 ? MAX_POSTPONE : elapsed, now);
        }
        return Duration.ZERO;
    }

    /**
     * The call that started for {@code chatId} has ended. Telegram counted it where it arrived, somewhere
     * between its start and now: its place in the global window moves to now, the latest it can have
     * arrived. Counted from its start, a call slow to arrive (a starved machine, a new connection) and a
     * later one quick to arrive reached Telegram less than a second apart although they started more than
     * one apart: the Galera check counted 31 arrivals in one second at a limit of 30. A call that outlasted
     * the window takes a new place. Only for a counted call, as {@link #callStarting} says.
     */
    synchronized void callEnded(long chatId, Instant now) {
        Place started = startedAt.remove(chatId);
        if (started != null && now.isAfter(started.since()) && !global.move(started.slot(), now)) {
            global.take(now);
        }
    }

    /**
     * The slot taken for {@code chatId} goes unused: the send stopped before its call (an edit that would change
     * nothing, someone who blocked the bot, a row erased meanwhile, the database away). Telegram never saw it, so
     * neither limit counts it; kept, it held a place in the window for a second. Nothing when the call started.
     */
    synchronized void slotUnused(long chatId) {
        Place taken = takenAt.remove(chatId);
        if (taken != null) {
            global.release(taken.slot());
            TokenBucket chat = chats.get(chatId);
            if (chat != null) {
                chat.giveBack();
            }
        }
    }

    /** Whether a 429 has stopped all sending, and for how long. */
    synchronized Duration pausedFor(Instant now) {
        return now.isBefore(pausedUntil) ? Duration.between(now, pausedUntil) : Duration.ZERO;
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
        takenAt.keySet().retainAll(chats.keySet());
        startedAt.keySet().retainAll(chats.keySet());
    }

    synchronized int trackedChats() {
        return chats.size();
    }
}
