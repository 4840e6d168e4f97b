package app.backcoach.support;

import app.backcoach.support.LaneDispatcher.Batch;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The loop the inbox and the outbox share: read the due lane heads (each chat's oldest item),
 * skip the chats under way, admit up to the free workers' worth, hand them to the lanes, then wait
 * until woken or the soonest admission is due. What a queue adds is only its own part: which heads
 * are due, when a head may start (the sender's rate limits), and what handling one means.
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

    /**
     * @param lookahead heads read per free worker, so a few chats that must wait cannot hide the ready
     *                  ones behind them
     */
    public LaneLoop(String name, Queue<H, T> queue, int workers, int lookahead, Supplier<Duration> pollInterval,
                    Clock clock) {
        this.queue = queue;
        this.lookahead = lookahead;
        this.clock = clock;
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
        Instant now = clock.instant();
        Duration gate = queue.gate(now);
        if (!gate.isZero()) {
            return new Batch<>(List.of(), gate);
        }
        List<Started<T>> ready = new ArrayList<>();
        Set<Long> watch = new HashSet<>();
        Duration soonest = null;
        int limit = capacity * lookahead + busyLanes.size();
        List<H> heads = queue.dueHeads(limit);
        // Read as many as asked: there may be more due than this read saw.
        boolean backlog = heads.size() >= limit;
        for (H head : heads) {
            long lane = queue.laneOf(head);
            if (busyLanes.contains(lane)) {
                watch.add(lane); // its next item is due when the current one is done
                continue;
            }
            if (ready.size() == capacity) {
                backlog = true;
                break;
            }
            Admission<T> admission = queue.admit(head, now);
            if (admission.delay().isZero()) {
                ready.add(new Started<>(lane, admission.item()));
                if (queue.moreBehind(head)) {
                    watch.add(lane);
                }
            } else if (soonest == null || admission.delay().compareTo(soonest) < 0) {
                soonest = admission.delay();
            }
        }
        return new Batch<>(ready, soonest, watch, backlog);
    }
}
