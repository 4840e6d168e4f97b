package app.backcoach.support;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Writes that callers on several threads need done before they go on, done together: the first caller writes
 * its own and whatever queued while a write was under way, and the others wait for the write that took
 * theirs (a group commit). Alone, a caller writes at once; under load one statement and one commit serve
 * several. Every caller returns only once its own item is written, or throws what that write threw.
 *
 * @param <T> one item to write
 */
public final class GroupedWrites<T> {

    private final Consumer<List<T>> writer;
    private final Object lock = new Object();
    private List<Waiting<T>> queued = new ArrayList<>();
    private boolean writing;

    private static final class Waiting<T> {
        final T item;
        boolean done;
        RuntimeException failure;

        Waiting(T item) {
            this.item = item;
        }
    }

    /** @param writer writes a batch of at least one item; whatever it throws reaches each caller of the batch */
    public GroupedWrites(Consumer<List<T>> writer) {
        this.writer = writer;
    }

    /**
     * Returns once the item is written. Waits for a write under way even when interrupted (its item may be in it,
     * and a caller must know whether it was written), then leaves the interrupt flag set.
     */
    public void write(T item) {
        Waiting<T> mine = new Waiting<>(item);
        List<Waiting<T>> batch;
        boolean interrupted = false;
        synchronized (lock) {
            queued.add(mine);
            while (writing && !mine.done) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (!mine.done) {
                writing = true;
                batch = queued;
                queued = new ArrayList<>();
            } else {
                batch = null;
            }
        }
        if (batch != null) {
            RuntimeException failure = null;
            try {
                writer.accept(batch.stream().map(waiting -> waiting.item).toList());
            } catch (RuntimeException e) {
                failure = e;
            }
            synchronized (lock) {
                for (Waiting<T> waiting : batch) {
                    waiting.done = true;
                    waiting.failure = failure;
                }
                writing = false;
                lock.notifyAll();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
    }
}
