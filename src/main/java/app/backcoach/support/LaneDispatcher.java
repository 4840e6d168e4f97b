package app.backcoach.support;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs stored work so that items of one lane (a chat) never overlap and stay in order, while
 * different lanes run in parallel up to a bound. The database holds the queue; this class only
 * decides what runs now, so a restart resumes exactly where the table says.
 *
 * @param <T> a work item
 */
public final class LaneDispatcher<T> {

    private static final Logger LOG = Logger.getLogger(LaneDispatcher.class);

    /**
     * Items to start now, and how long to wait before looking again if nothing else happens.
     *
     * @param watch   lanes whose next item may be due once their current one finishes (a lane skipped as
     *                busy, a lane started with more behind): when one of them finishes, the queue is read
     *                again at once
     * @param backlog more was due than could start: any finished item is a reason to read again
     */
    public record Batch<T>(List<T> items, Duration lookAgainIn, Set<Long> watch, boolean backlog) {
        /** Without knowing what lies behind: every finished item leads to another read. */
        public Batch(List<T> items, Duration lookAgainIn) {
            this(items, lookAgainIn, Set.of(), true);
        }
    }

    /** The queue a dispatcher serves. */
    public interface Lanes<T> {
        /** Up to {@code capacity} due lane heads (the oldest item of a lane), none from {@code busyLanes}. */
        Batch<T> nextBatch(Set<Long> busyLanes, int capacity);

        long laneOf(T item);

        /** Handles one item; failures must be recorded here (the lane is released either way). */
        void process(T item);
    }

    private final String name;
    private final Lanes<T> lanes;
    private final int workers;
    private final Supplier<Duration> pollInterval;
    private final Set<Long> busyLanes = ConcurrentHashMap.newKeySet();
    /**
     * Finishing an item of one of these lanes (or any item, while {@link #backlog}) makes the loop read the
     * queue again. Another finish asks for nothing: an idle loop read once per item instead of twice.
     */
    private final Set<Long> watched = ConcurrentHashMap.newKeySet();
    private volatile boolean backlog = true;
    private final Object signal = new Object();
    private boolean signalled;
    private volatile boolean running;
    /**
     * Bumped by every start and stop. A loop that outlived its stop (stuck on a database that does not
     * answer) sees it is stale and ends instead of running beside its successor: two loops would hand
     * the same lane head to two workers, which sent it twice and tripped over each other's rows.
     */
    private volatile long generation;
    private ExecutorService pool;
    private Thread loop;

    public LaneDispatcher(String name, Lanes<T> lanes, int workers, Duration pollInterval) {
        this(name, lanes, workers, () -> pollInterval);
    }

    /** With a poll interval that may change while running (shorter while other instances share the queue). */
    public LaneDispatcher(String name, Lanes<T> lanes, int workers, Supplier<Duration> pollInterval) {
        this.name = name;
        this.lanes = lanes;
        this.workers = workers;
        this.pollInterval = pollInterval;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        long current = ++generation;
        ExecutorService workersOfThisRun = Executors.newFixedThreadPool(workers, namedThreads(name + "-worker"));
        pool = workersOfThisRun;
        loop = namedThreads(name + "-dispatcher").newThread(() -> runLoop(current, workersOfThisRun));
        loop.start();
    }

    /** Stops taking work and lets running items finish within {@code grace}. */
    public synchronized void stop(Duration grace) {
        if (!running) {
            return;
        }
        running = false;
        generation++;
        wake();
        try {
            loop.join(grace.toMillis());
            pool.shutdown();
            if (!pool.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    public boolean isRunning() {
        return running && loop != null && loop.isAlive();
    }

    /** Lanes whose item is being worked on now. */
    public int busyLaneCount() {
        return busyLanes.size();
    }

    /** The lanes (chats) whose item is being worked on now. */
    public Set<Long> busyLanes() {
        return Set.copyOf(busyLanes);
    }

    /** Asks the dispatcher to look at the queue now (new work, or a lane became free). */
    public void wake() {
        synchronized (signal) {
            signalled = true;
            signal.notifyAll();
        }
    }

    private void runLoop(long current, ExecutorService workersOfThisRun) {
        while (running && generation == current) {
            Duration wait = pollInterval.get();
            try {
                int capacity = workers - busyLanes.size();
                if (capacity > 0) {
                    Batch<T> batch = lanes.nextBatch(Set.copyOf(busyLanes), capacity);
                    backlog = batch.backlog();
                    for (T item : batch.items()) {
                        if (generation != current || !submit(item, workersOfThisRun)) {
                            break;
                        }
                    }
                    if (batch.lookAgainIn() != null && batch.lookAgainIn().compareTo(wait) < 0) {
                        wait = batch.lookAgainIn();
                    }
                    if (watchAll(batch.watch())) {
                        wait = Duration.ZERO; // a watched lane finished before it was watched: nobody else looks
                    }
                } else {
                    backlog = true; // woken with every worker busy: unread work may wait, so the next finish reads
                }
            } catch (RuntimeException e) {
                // The database may be down: keep the loop alive and look again later.
                LOG.warnf("%s: could not read the queue (%s); trying again in %s", name, e.getClass().getSimpleName(), wait);
            }
            if (!awaitSignal(wait)) {
                return;
            }
        }
    }

    /**
     * Watches the lanes; true when one of them is free already. A worker frees its lane before it looks at
     * the watch list, and here the lane is watched before it is looked at, so one of the two always sees
     * the other and no lane waits for the poll interval.
     */
    private boolean watchAll(Set<Long> lanesToWatch) {
        boolean freeAlready = false;
        for (Long lane : lanesToWatch) {
            watched.add(lane);
            if (!busyLanes.contains(lane) && watched.remove(lane)) {
                freeAlready = true;
            }
        }
        return freeAlready;
    }

    /** Runs the item unless its lane is busy already (or the workers are gone); returns whether it went. */
    private boolean submit(T item, ExecutorService workersOfThisRun) {
        long lane = lanes.laneOf(item);
        if (!busyLanes.add(lane)) {
            return true; // taken meanwhile; it comes again as a head later
        }
        try {
            workersOfThisRun.execute(() -> run(item, lane));
            return true;
        } catch (java.util.concurrent.RejectedExecutionException stopped) {
            busyLanes.remove(lane);
            return false;
        }
    }

    private void run(T item, long lane) {
        try {
            lanes.process(item);
        } catch (RuntimeException e) {
            LOG.errorf("%s: unexpected %s in lane work", name, e.getClass().getName());
        } finally {
            busyLanes.remove(lane);
            if (watched.remove(lane) | backlog) {
                wake();
            }
        }
    }

    /** Returns false when the loop's thread was interrupted: it ends (stopping is {@link #stop}'s business). */
    private boolean awaitSignal(Duration wait) {
        synchronized (signal) {
            try {
                if (!signalled && running) {
                    signal.wait(Math.max(1, wait.toMillis()));
                }
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } finally {
                signalled = false;
            }
        }
    }

    private static ThreadFactory namedThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
