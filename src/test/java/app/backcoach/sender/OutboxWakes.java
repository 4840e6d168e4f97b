package app.backcoach.sender;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the outbox's wake-ups as its dispatcher gets them, after each commit that queued something, by the thread
 * that committed: a test counts its own transactions' wakes, whatever else runs meanwhile.
 */
@Singleton
public class OutboxWakes {

    private final Map<Thread, AtomicInteger> counts = new ConcurrentHashMap<>();

    void onOutboxChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) MessageSender.OutboxChanged changed) {
        counts.computeIfAbsent(Thread.currentThread(), thread -> new AtomicInteger()).incrementAndGet();
    }

    /** Wakes after commits made on the calling thread so far. */
    public int onThisThread() {
        AtomicInteger count = counts.get(Thread.currentThread());
        return count == null ? 0 : count.get();
    }
}
