package app.backcoach.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupedWritesTest {

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void aCallerAloneWritesAtOnce() {
        GroupedWrites<Integer> writes = new GroupedWrites<>(batches::add);

        writes.write(1);
        writes.write(2);

        assertThat(batches).containsExactly(List.of(1), List.of(2));
    }

    /** What queues while a write is under way goes in the next one, and no caller returns before its own. */
    @Test
    void callersThatComeDuringAWriteShareTheNextAndWaitForIt() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        GroupedWrites<Integer> writes = new GroupedWrites<>(batch -> {
            batches.add(batch);
            if (batch.contains(0)) {
                firstStarted.countDown();
                await(releaseFirst);
            }
        });
        Future<?> first = threads.submit(() -> writes.write(0));
        assertThat(firstStarted.await(5, TimeUnit.SECONDS)).isTrue();
        List<Future<?>> others = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            int item = i;
            others.add(threads.submit(() -> writes.write(item)));
        }
        Thread.sleep(200); // all five are queued behind the write under way

        assertThat(others).noneMatch(Future::isDone);
        releaseFirst.countDown();
        first.get(5, TimeUnit.SECONDS);
        for (Future<?> other : others) {
            other.get(5, TimeUnit.SECONDS);
        }
        assertThat(batches).hasSize(2);
        assertThat(batches.get(1)).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
    }

    @Test
    void aFailedWriteReachesEveryCallerInItAndTheNextWriteGoesOn() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        AtomicBoolean fail = new AtomicBoolean(true);
        GroupedWrites<Integer> writes = new GroupedWrites<>(batch -> {
            if (batch.contains(0)) {
                firstStarted.countDown();
                await(releaseFirst);
                return;
            }
            if (fail.getAndSet(false)) {
                throw new IllegalStateException("the database is away");
            }
            batches.add(batch);
        });
        Future<?> first = threads.submit(() -> writes.write(0));
        assertThat(firstStarted.await(5, TimeUnit.SECONDS)).isTrue();
        Future<?> second = threads.submit(() -> writes.write(1));
        Future<?> third = threads.submit(() -> writes.write(2));
        Thread.sleep(200);
        releaseFirst.countDown();

        first.get(5, TimeUnit.SECONDS);
        for (Future<?> failed : List.of(second, third)) {
            assertThatThrownBy(() -> failed.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class);
        }
        writes.write(3);
        assertThat(batches).containsExactly(List.of(3));
    }

    /** An interrupted caller still learns whether its item was written: it waits for that write, flag kept. */
    @Test
    void anInterruptedCallerWaitsForItsWriteAndKeepsTheFlag() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        GroupedWrites<Integer> writes = new GroupedWrites<>(batch -> {
            batches.add(batch);
            if (batch.contains(0)) {
                firstStarted.countDown();
                await(releaseFirst);
            }
        });
        threads.submit(() -> writes.write(0));
        assertThat(firstStarted.await(5, TimeUnit.SECONDS)).isTrue();
        AtomicBoolean flagAfter = new AtomicBoolean();
        Thread caller = new Thread(() -> {
            writes.write(1);
            flagAfter.set(Thread.currentThread().isInterrupted());
        });
        caller.start();
        Thread.sleep(200);
        caller.interrupt();
        Thread.sleep(200);

        assertThat(caller.isAlive()).isTrue();
        releaseFirst.countDown();
        caller.join(5_000);
        assertThat(batches).containsExactly(List.of(0), List.of(1));
        assertThat(flagAfter).isTrue();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
