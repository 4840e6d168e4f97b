package app.backcoach.sender;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * At most {@code limit} events in any window of {@code window} length, on caller-supplied time: Telegram's
 * "about 30 messages per second" as it is meant, so replies that fall due together go out together instead
 * of queueing at evenly spaced slots (which made the last of 25 simultaneous replies wait 0.8 s). Keeps the
 * places of the last {@code limit} events, in order of time. Not thread-safe.
 */
final class SlidingWindow {

    /**
     * One event's place. It is moved as itself, never looked up by its time: two events can share a time, and
     * callers on several threads read their clocks before they come in, so times arrive a little out of order.
     */
    static final class Slot {
        private Instant at;

        private Slot(Instant at) {
            this.at = at;
        }
    }

    private final int limit;
    private final Duration window;
    private final List<Slot> slots = new ArrayList<>();

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
        if (slots.size() < limit) {
            return Duration.ZERO;
        }
        return Duration.between(now, slots.get(0).at.plus(window));
    }

    /** Records an event; call only after {@link #waitTime} returned zero for the same instant. */
    Slot take(Instant now) {
        forgetBefore(now);
        Slot slot = new Slot(now);
        insert(slot);
        return slot;
    }

    /**
     * The event in {@code slot} really happened at {@code now} (its call started or ended later).
     *
     * @return false when the slot has left the window already: then nothing was moved
     */
    boolean move(Slot slot, Instant now) {
        forgetBefore(now);
        if (slots.remove(slot)) {
            slot.at = now;
            insert(slot);
            return true;
        }
        return false;
    }

    /** The event in {@code slot} did not happen after all: its place is free again. */
    void release(Slot slot) {
        slots.remove(slot);
    }

    private void forgetBefore(Instant now) {
        Instant cutoff = now.minus(window);
        while (!slots.isEmpty() && !slots.get(0).at.isAfter(cutoff)) {
            slots.remove(0);
        }
        // A wall clock can step back (NTP, a moved test clock): events further ahead than a window count as now,
        // or sending would stop until the clock caught up. Nearer ones are another thread's slightly later clock.
        Instant far = now.plus(window);
        boolean stepped = false;
        for (Slot slot : slots) {
            if (slot.at.isAfter(far)) {
                slot.at = now;
                stepped = true;
            }
        }
        if (stepped) {
            slots.sort((a, b) -> a.at.compareTo(b.at));
        }
    }

    private void insert(Slot slot) {
        int at = slots.size();
        while (at > 0 && slots.get(at - 1).at.isAfter(slot.at)) {
            at--;
        }
        slots.add(at, slot);
    }
}
