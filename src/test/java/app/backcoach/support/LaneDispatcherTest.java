package app.backcoach.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LaneDispatcherTest {

    record Item(long lane, int sequence) {
    }

    /** An in-memory queue with the same contract as the inbox and outbox tables. */
    static class MemoryLanes implements LaneDispatcher.Lanes<Item> {
        final Map<Long, List<Item>> queued = new ConcurrentHashMap<>();
        final Map<Long, List<Integer>> handled = new ConcurrentHashMap<>();
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger maxRunning = new AtomicInteger();
        final Set<Long> lanesRunning = ConcurrentHashMap.newKeySet();
        final List<String> overlaps = new CopyOnWriteArrayList<>();

        synchronized void add(Item item) {
            queued.computeIfAbsent(item.lane(), lane -> new ArrayList<>()).add(item);
        }

        @Override
        public synchronized LaneDispatcher.Batch<Item> nextBatch(Set<Long> busyLanes, int capacity) {
            List<Item> heads = queued.values().stream()
                    .filter(items -> !items.isEmpty())
                    .map(items -> items.get(0))
                    .filter(head -> !busyLanes.contains(head.lane()))
                    .sorted(Comparator.comparingInt(Item::sequence))
                    .limit(capacity)
                    .toList();
            return new LaneDispatcher.Batch<>(heads, null);
        }

        @Override
        public long laneOf(Item item) {
            return item.lane();
        }

        @Override
        public void process(Item item) {
            if (!lanesRunning.add(item.lane())) {
                overlaps.add("lane " + item.lane());
            }
            maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            handled.computeIfAbsent(item.lane(), lane -> new CopyOnWriteArrayList<>()).add(item.sequence());
            synchronized (this) {
                queued.get(item.lane()).remove(0);
            }
            running.decrementAndGet();
            lanesRunning.remove(item.lane());
        }
    }

    private LaneDispatcher<Item> dispatcher;

    @AfterEach
    void stop() {
        if (dispatcher != null) {
            dispatcher.stop(Duration.ofSeconds(5));
        }
    }

    @Test
    void eachLaneRunsInOrderWithoutOverlapAndLanesRunInParallelUpToTheBound() {
        MemoryLanes lanes = new MemoryLanes();
        Map<Long, List<Integer>> expected = new LinkedHashMap<>();
        int sequence = 0;
        for (int round = 0; round < 20; round++) {
            for (long lane = 1; lane <= 12; lane++) {
                lanes.add(new Item(lane, sequence));
                expected.computeIfAbsent(lane, l -> new ArrayList<>()).add(sequence);
                sequence++;
            }
        }
        dispatcher = new LaneDispatcher<>("test", lanes, 4, Duration.ofMillis(50));
        dispatcher.start();

        await().atMost(Duration.ofSeconds(20)).until(() -> lanes.handled.values().stream().mapToInt(List::size).sum() == 240);

        assertThat(lanes.handled).isEqualTo(expected);
        assertThat(lanes.overlaps).isEmpty();
        assertThat(lanes.maxRunning.get()).isBetween(2, 4);
    }

    @Test
    void workAddedLaterIsPickedUpAfterAWake() {
        MemoryLanes lanes = new MemoryLanes();
        dispatcher = new LaneDispatcher<>("test", lanes, 2, Duration.ofSeconds(30));
        dispatcher.start();

        lanes.add(new Item(7, 1));
        dispatcher.wake();

        await().atMost(Duration.ofSeconds(5)).until(() -> lanes.handled.containsKey(7L));
    }

    @Test
    void aFailingItemDoesNotStopTheDispatcher() {
        AtomicInteger calls = new AtomicInteger();
        MemoryLanes lanes = new MemoryLanes() {
            @Override
            public void process(Item item) {
                if (calls.incrementAndGet() == 1) {
                    synchronized (this) {
                        queued.get(item.lane()).remove(0);
                    }
                    throw new IllegalStateException("boom");
                }
                super.process(item);
            }
        };
        lanes.add(new Item(1, 1));
        lanes.add(new Item(1, 2));
        dispatcher = new LaneDispatcher<>("test", lanes, 2, Duration.ofMillis(50));
        dispatcher.start();

        await().atMost(Duration.ofSeconds(5)).until(() -> lanes.handled.getOrDefault(1L, List.of()).contains(2));
        assertThat(dispatcher.isRunning()).isTrue();
    }

    /**
     * A loop stuck reading the queue (a database that does not answer) outlives a stop; when it wakes after
     * the next start it must not run beside its successor: both handed the same item to a worker.
     */
    @Test
    void aLoopThatOutlivedItsStopDoesNotRunBesideTheNextOne() throws Exception {
        java.util.concurrent.CountDownLatch stuck = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        AtomicInteger reads = new AtomicInteger();
        AtomicInteger processed = new AtomicInteger();
        MemoryLanes lanes = new MemoryLanes() {
            @Override
            public LaneDispatcher.Batch<Item> nextBatch(Set<Long> busyLanes, int capacity) {
                LaneDispatcher.Batch<Item> batch = super.nextBatch(busyLanes, capacity);
                if (reads.incrementAndGet() == 1) {
                    stuck.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return batch;
            }

            @Override
            public void process(Item item) {
                processed.incrementAndGet();
                super.process(item);
            }
        };
        lanes.add(new Item(1, 1));
        dispatcher = new LaneDispatcher<>("test", lanes, 2, Duration.ofMillis(20));
        dispatcher.start();
        stuck.await();

        dispatcher.stop(Duration.ofMillis(50));
        dispatcher.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> lanes.handled.containsKey(1L));
        release.countDown(); // the old loop comes back with the same item
        Thread.sleep(300);

        assertThat(processed.get()).isEqualTo(1);
        assertThat(lanes.overlaps).isEmpty();
    }
}
