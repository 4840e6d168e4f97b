package app.backcoach.support;

import app.backcoach.support.LaneDispatcher.Batch;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The loop the inbox and the outbox share: read the due lane heads (each chat's oldest item),
 * skip the chats under way, admit up to the free workers' worth, hand them to the lanes (a queue that backs
 * up keeps what the read saw beyond them, {@link Queue#readAhead}), then wait until woken or the soonest
 * admission is due. What a queue adds is only its own part: which heads are due, when a head may start
 * (the sender's rate limits), and what handling one means.
 *
 * @param <H> a lane head as read from the table
 * @param <T> the item a worker runs (the head, or what admitting it produced)
 */
public final class LaneLoop<H, T> {

    /** A head may start now with {@code item}, or not before {@code delay} has passed. */
    public record Admission<T>(T item, Duration delay) {
        public static <T> Admission<T> now(T item) {
            return new Admission<>(item, Duration.ZERO);
        }

        public static <T> Admission<T> in(Duration wait) {
            return new Admission<>(null, wait);
        }
    }

    /** One stored queue of per-chat work. */
    public interface Queue<H, T> {
        /** How long until anything may start at all (a global pause); zero when it may now. */
        default Duration gate(Instant now) {
            return Duration.ZERO;
        }

        /** Up to {@code limit} due lane heads, oldest first. */
        List<H> dueHeads(int limit);

        long laneOf(H head);

        /**
         * Whether the head's lane has more items behind it, as the same read saw. False lets the loop skip
         * a read when this head is done; true (the safe answer) reads again.
         */
        default boolean moreBehind(H head) {
            return true;
        }

        /**
         * How many due heads beyond the free workers a read may keep, to start them as workers free without reading
         * again. Only for a queue that backs up (while backlogged, every finished item wakes the loop, and each
         * wake was a read of every pending row), whose head, once read, stays its lane's next item until this loop
         * starts it, and whose {@link #process} refuses a row that is no longer pending.
         */
        default int readAhead() {
            return 0;
        }

        /** Whether the head may start now (and with what), or how long until it may. */
        default Admission<T> admit(H head, Instant now) {
            @SuppressWarnings("unchecked")
            T item = (T) head;
            return Admission.now(item);
        }

        /** Runs one item; failures are recorded here (the lane is released either way). */
        void process(T item);
    }

    /** An admitted item with its lane. */
    private record Started<T>(long lane, T item) {
    }

    private final Queue<H, T> queue;
    private final int lookahead;
    private final Clock clock;
    private final LaneDispatcher<Started<T>> dispatcher;
    private final Supplier<Duration> pollInterval;
    /**
     * Due heads the last read saw beyond the free workers ({@link Queue#readAhead}). A new one for every start: a
     * loop that outlived its stop (stuck on a database that does not answer) keeps its own and never hands its
     * successor heads read before the start, nor shares an unsynchronised queue with it.
     */
    private volatile Kept<H> kept = new Kept<>();

    /** Kept heads, oldest first, and when the read that found them was. Only one loop's thread touches them. */
    private static final class Kept<H> {
        final ArrayDeque<H> heads = new ArrayDeque<>();
        Instant readAt = Instant.MIN;
    }

    /**
     * @param lookahead heads read per free worker, so a few chats that must wait cannot hide the ready
     *                  ones behind them
     */
    public LaneLoop(String name, Queue<H, T> queue, int workers, int lookahead, Supplier<Duration> pollInterval,
                    Clock clock) {
        this.queue = queue;
        this.lookahead = lookahead;
        this.clock = clock;
        this.pollInterval = pollInterval;
        this.dispatcher = new LaneDispatcher<>(name, new LaneDispatcher.Lanes<>() {
            @Override
            public Batch<Started<T>> nextBatch(Set<Long> busyLanes, int capacity) {
                return next(busyLanes, capacity);
            }

            @Override
            public long laneOf(Started<T> item) {
                return item.lane();
            }

            @Override
            public void process(Started<T> item) {
                queue.process(item.item());
            }
        }, workers, pollInterval);
    }

    public void start() {
        kept = new Kept<>(); // before the loop's thread starts, which then sees it
        dispatcher.start();
    }

    public void stop(Duration grace) {
        dispatcher.stop(grace);
    }

    public boolean isRunning() {
        return dispatcher.isRunning();
    }

    /** Look at the queue now: new work was committed, or a limit lifted. */
    public void wake() {
        dispatcher.wake();
    }

    public int busyLaneCount() {
        return dispatcher.busyLaneCount();
    }

    public Set<Long> busyLanes() {
        return dispatcher.busyLanes();
    }

    private Batch<Started<T>> next(Set<Long> busyLanes, int capacity) {
        Kept<H> kept = this.kept;
        Instant now = clock.instant();
        Duration gate = queue.gate(now);
        if (!gate.isZero()) {
            kept.heads.clear();
            return new Batch<>(List.of(), gate);
        }
        List<Started<T>> ready = new ArrayList<>();
        Set<Long> watch = new HashSet<>();
        Duration soonest = fromKept(kept, busyLanes, capacity, now, ready, watch);
        if (ready.size() == capacity) {
            return new Batch<>(ready, soonest, watch, true); // what is still kept starts as the next workers free
        }
        // Lanes just started from the kept heads are busy for this read.
        Set<Long> busy = new HashSet<>(busyLanes);
        ready.forEach(started -> busy.add(started.lane()));
        int free = capacity - ready.size();
        int limit = free * lookahead + busy.size() + queue.readAhead();
        List<H> heads = queue.dueHeads(limit);
        kept.readAt = now;
        // Read as many as asked: there may be more due than this read saw.
        boolean backlog = heads.size() >= limit;
        for (H head : heads) {
            long lane = queue.laneOf(head);
            if (busy.contains(lane)) {
                watch.add(lane); // its next item is due when the current one is done
                continue;
            }
            if (ready.size() == capacity) {
                backlog = true;
                if (kept.heads.size() < queue.readAhead()) {
                    kept.heads.add(head);
                    continue;
                }
                break;
            }
            soonest = tryStart(head, lane, now, ready, watch, soonest);
        }
        return new Batch<>(ready, soonest, watch, backlog || !kept.heads.isEmpty());
    }

    /**
     * Starts kept heads instead of reading: each is still its lane's oldest due item, since nothing but this loop
     * starts one and a lane's later items have higher ids. Kept no longer than a poll interval, so an older item
     * that became due meanwhile (a retry) waits no longer behind them than it would for the poll. One that may not
     * start now is dropped and read again with the rest.
     *
     * @return the soonest a dropped one may start, or null
     */
    private Duration fromKept(Kept<H> kept, Set<Long> busyLanes, int capacity, Instant now, List<Started<T>> ready,
                              Set<Long> watch) {
        if (kept.heads.isEmpty() || !now.isBefore(kept.readAt.plus(pollInterval.get()))) {
            kept.heads.clear();
            return null;
        }
        Duration soonest = null;
        while (ready.size() < capacity && !kept.heads.isEmpty()) {
            H head = kept.heads.poll();
            long lane = queue.laneOf(head);
            if (busyLanes.contains(lane)) {
                watch.add(lane); // not expected; the read after it finishes finds the lane's head again
                continue;
            }
            soonest = tryStart(head, lane, now, ready, watch, soonest);
        }
        return soonest;
    }

    /**
     * Starts the head if it may start now (watching its lane when more waits behind it).
     *
     * @return the sooner of {@code soonest} and when the head may start, if not now
     */
    private Duration tryStart(H head, long lane, Instant now, List<Started<T>> ready, Set<Long> watch, Duration soonest) {
        Admission<T> admission = queue.admit(head, now);
        if (admission.delay().isZero()) {
            ready.add(new Started<>(lane, admission.item()));
            if (queue.moreBehind(head)) {
                watch.add(lane);
            }
            return soonest;
        }
        return soonest == null || admission.delay().compareTo(soonest) < 0 ? admission.delay() : soonest;
    }
}
