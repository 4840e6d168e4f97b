package app.backcoach.sender;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * At most {@code limit} events in any window of {@code window} length, on caller-supplied time: Telegram's
 * "about 30 messages per second" as it is meant, so replies that fall due together go out together instead
 * of queueing at evenly spaced slots (which made the last of 25 simultaneous replies wait 0.8 s). Keeps the
 * times of the last {@code limit} events, in order. Not thread-safe.
 */
final class SlidingWindow {

    private final int limit;
    private final Duration window;
    private final List<Instant> times = new ArrayList<>();

    /** @param margin added to the window: events counted here at their start are counted elsewhere a little later */
    SlidingWindow(double perSecond, Duration margin) {
        if (perSecond <= 0) {
            throw new IllegalArgumentException("rate must be positive");
        }
        // Rates under 1/s: one event per 1/rate seconds.
        this.limit = Math.max(1, (int) Math.floor(perSecond));
        this.window = (perSecond >= 1 ? Duration.ofSeconds(1) : Duration.ofNanos((long) (1e9 / perSecond))).plus(margin);
    }

    /** Time until one more event fits; zero when it fits now. */
    Duration waitTime(Instant now) {
        forgetBefore(now);
        if (times.size() < limit) {
            return Duration.ZERO;
        }
        return Duration.between(now, times.get(0).plus(window));
    }

    /** Records an event; call only after {@link #waitTime} returned zero for the same instant. */
    void take(Instant now) {
        forgetBefore(now);
        insert(now);
    }

    /**
     * An event recorded at {@code taken} really happened at {@code now} (its call started later).
     *
     * @return false when {@code taken} has left the window already: then nothing was moved
     */
    boolean move(Instant taken, Instant now) {
        forgetBefore(now);
        if (times.remove(taken)) {
            insert(now);
            return true;
        }
        return false;
    }

    private void forgetBefore(Instant now) {
        Instant cutoff = now.minus(window);
        while (!times.isEmpty() && !times.get(0).isAfter(cutoff)) {
            times.remove(0);
        }
        // A wall clock can step back (NTP, a moved test clock): events "in the future" count as now, or
        // sending would stop until the clock caught up.
        for (int i = 0; i < times.size(); i++) {
            if (times.get(i).isAfter(now)) {
                times.set(i, now);
            }
        }
    }

    private void insert(Instant time) {
        int at = times.size();
        while (at > 0 && times.get(at - 1).isAfter(time)) {
            at--;
        }
        times.add(at, time);
    }
}
