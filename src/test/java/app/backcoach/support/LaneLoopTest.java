package app.backcoach.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.backcoach.testing.ManualClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The loop reads its queue once per item when nothing lies behind, and at once when a lane it saw
 * busy, or started with more behind, is free again. The poll interval here is 30 s, so anything that
 * waited for it would fail the 5 s waits.
 */
class LaneLoopTest {

    record Item(long lane, int sequence) {
    }

    /** Each lane's items in order, as the inbox and outbox tables keep them. */
    static final class MemoryQueue implements LaneLoop.Queue<Item, Item> {
        final Map<Long, List<Item>> queued = new ConcurrentHashMap<>();
        final List<Item> handled = new CopyOnWriteArrayList<>();
        final AtomicInteger reads = new AtomicInteger();
        volatile CountDownLatch hold = new CountDownLatch(0);
        volatile int readAhead;
        /** Lanes whose head may not start yet (as the sender's rate limits say): admitted only once removed. */
        final Set<Long> waiting = ConcurrentHashMap.newKeySet();
        /** Lanes with an item under way now: two at once in one lane would break its order. */
        final Map<Long, Boolean> running = new ConcurrentHashMap<>();
        final AtomicInteger overlaps = new AtomicInteger();

        @Override
        public int readAhead() {
            return readAhead;
        }

        @Override
        public LaneLoop.Admission<Item> admit(Item head, Instant now) {
            return waiting.contains(head.lane()) ? LaneLoop.Admission.in(Duration.ofMillis(100)) : LaneLoop.Admission.now(head);
        }

        synchronized void add(Item item) {
            queued.computeIfAbsent(item.lane(), lane -> new ArrayList<>()).add(item);
        }

        @Override
        public synchronized List<Item> dueHeads(int limit) {
            reads.incrementAndGet();
            return queued.values().stream().filter(items -> !items.isEmpty()).map(items -> items.get(0))
                    .sorted(Comparator.comparingInt(Item::sequence)).limit(limit).toList();
        }

        @Override
        public long laneOf(Item head) {
            return head.lane();
        }

        @Override
        public synchronized boolean moreBehind(Item head) {
            return queued.get(head.lane()).size() > 1;
        }

        @Override
        public void process(Item item) {
            if (running.putIfAbsent(item.lane(), Boolean.TRUE) != null) {
                overlaps.incrementAndGet();
            }
            try {
                hold.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            handled.add(item);
            synchronized (this) {
                queued.get(item.lane()).remove(0);
            }
            running.remove(item.lane());
        }
    }

    private final MemoryQueue queue = new MemoryQueue();
    private LaneLoop<Item, Item> loop;

    private void start(int workers) {
        start(workers, 1);
    }

    private void start(int workers, int lookahead) {
        start(workers, lookahead, Clock.systemUTC());
    }

    private void start(int workers, int lookahead, Clock clock) {
        loop = new LaneLoop<>("test", queue, workers, lookahead, () -> Duration.ofSeconds(30), clock);
        loop.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> queue.reads.get() == 1);
    }

    @AfterEach
    void stop() {
        loop.stop(Duration.ofSeconds(5));
    }

    @Test
    void anItemWithNothingBehindCostsOneReadNotTwo() throws InterruptedException {
        start(2);

        queue.add(new Item(1, 1));
        loop.wake();
        await().atMost(Duration.ofSeconds(5)).until(() -> queue.handled.size() == 1);
        Thread.sleep(300);

        assertThat(queue.reads.get()).isEqualTo(2); // at start, and when woken for the item
    }

    @Test
    void aLaneStartedWithMoreBehindIsReadAgainWhenItsItemFinishes() {
        queue.add(new Item(1, 1));
        queue.add(new Item(1, 2));
        queue.add(new Item(1, 3));

        loop = new LaneLoop<>("test", queue, 2, 1, () -> Duration.ofSeconds(30), Clock.systemUTC());
        loop.start();

        await().atMost(Duration.ofSeconds(5)).until(() -> queue.handled.size() == 3);
        assertThat(queue.handled).extracting(Item::sequence).containsExactly(1, 2, 3);
    }

    @Test
    void aLaneSeenBusyIsReadAgainWhenItsItemFinishes() {
        start(2);
        queue.hold = new CountDownLatch(1);
        queue.add(new Item(1, 1));
        loop.wake();
        await().atMost(Duration.ofSeconds(5)).until(() -> loop.busyLaneCount() == 1);

        queue.add(new Item(1, 2)); // arrives while the lane is busy: the read sees only the running head
        loop.wake();
        await().atMost(Duration.ofSeconds(5)).until(() -> queue.reads.get() == 3);
        queue.hold.countDown();

        await().atMost(Duration.ofSeconds(5)).until(() -> queue.handled.size() == 2);
        assertThat(queue.handled).extracting(Item::sequence).containsExactly(1, 2);
    }

    /** Work that comes while every worker is busy is read when one frees, not a poll interval later. */
    @Test
    void workThatArrivesWhileEveryWorkerIsBusyIsTakenWhenOneFrees() {
        start(1, 4); // the outbox reads four heads per free worker: one head read is no sign of more

        queue.hold = new CountDownLatch(1);
        queue.add(new Item(1, 1));
        loop.wake();
        await().atMost(Duration.ofSeconds(5)).until(() -> loop.busyLaneCount() == 1);

        queue.add(new Item(2, 2)); // another chat, while the only worker is busy: nothing can start now
        loop.wake();
        queue.hold.countDown();

        await().atMost(Duration.ofSeconds(5)).until(() -> queue.handled.size() == 2);
    }

    /** Queues one item in each of lanes 1 to {@code items} and waits until every worker holds one. */
    private void holdWhileWorkersTake(int items, int workers) {
        queue.hold = new CountDownLatch(1);
        for (int i = 1; i <= items; i++) {
            queue.add(new Item(i, i));
        }
        loop.wake();
        await().atMost(Duration.ofSeconds(5)).until(() -> loop.busyLaneCount() == workers);
    }

    /** A backlogged read keeps what the workers could not take, and starts it as they free, without reading. */
    @Test
    void headsReadAheadStartAsWorkersFreeWithoutAnotherRead() {
        queue.readAhead = 8;
        start(2);
        holdWhileWorkersTake(9, 2);
        queue.hold.countDown();

        await().atMost(Duration.ofSeconds(5)).until(() -> queue.handled.size() == 9);
        assertThat(queue.handled).extracting(Item::sequence).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8, 9);
        // At start, for the nine, and at most twice more near the end (without keeping: about one per item).
        assertThat(queue.reads.get()).isLessThanOrEqualTo(4);
    }

    /** Kept heads leave each lane in order and one item at a time, with items arriving meanwhile. */
    @Test
    void headsReadAheadKeepEachLaneInOrder() {
        queue.readAhead = 4;
        start(2);
        int sequence = 0;
        for (int round = 0; round < 5; round++) {
            for (long lane = 1; lane <= 6; lane++) {
                queue.add(new Item(lane, ++sequence));
            }
            loop.wake();
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> queue.handled.size() == 30);
        for (long lane = 1; lane <= 6; lane++) {
            long of = lane;
            assertThat(queue.handled).filteredOn(item -> item.lane() == of).extracting(Item::sequence).isSorted();
        }
        assertThat(queue.overlaps.get()).isZero();
    }

    /**
     * Heads are kept for one poll interval at most: an older item that became due meanwhile (a retry, say) then goes
     * before the rest of them, as a fresh read orders it.
     */
    @Test
    void keptHeadsOlderThanAPollIntervalAreReadAgain() {
        ManualClock clock = new ManualClock(Instant.parse("2026-12-07T08:00:00Z"));
        queue.readAhead = 8;
        start(2, 1, clock);
        holdWhileWorkersTake(9, 2);
        queue.add(new Item(10, 0)); // older than every kept head, and not among them
        clock.advance(Duration.ofSeconds(31));
        queue.hold.countDown();

        await().atMost(Duration.ofSeconds(5)).until(() -> queue.handled.size() == 10);
        assertThat(queue.handled.stream().map(Item::sequence).toList().indexOf(0)).isLessThan(4);
    }

    /** A kept head that may not start yet is dropped, and read and started when it may, not a poll interval later. */
    @Test
    void aKeptHeadThatMustWaitStartsWhenItMay() throws InterruptedException {
        queue.readAhead = 4;
        start(1);
        queue.waiting.add(3L);
        holdWhileWorkersTake(4, 1);
        queue.hold.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> queue.handled.size() == 3);
        Thread.sleep(300);
        assertThat(queue.handled).extracting(Item::lane).containsExactly(1L, 2L, 4L);

        queue.waiting.clear();

        await().atMost(Duration.ofSeconds(5)).until(() -> queue.handled.size() == 4);
    }

    @Test
    void moreDueThanWorkersAreAllTakenAsWorkersFree() {
        for (int i = 1; i <= 9; i++) {
            queue.add(new Item(i, i));
        }
        loop = new LaneLoop<>("test", queue, 2, 1, () -> Duration.ofSeconds(30), Clock.systemUTC());
        loop.start();

        await().atMost(Duration.ofSeconds(5)).until(() -> queue.handled.size() == 9);
    }
}
