package app.backcoach.sender;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.LongSupplier;

/**
 * Taps (callback queries) as they arrive, in memory, so each is answered once and in time even when
 * the database is down or the update's handling is retried. Telegram accepts one answer per tap and
 * only within about 15 seconds; whoever claims a tap first answers it (the handler's answer with its
 * toast, or the watchdog's plain one near the deadline), and the other stays silent. Ages are measured
 * on the monotonic clock: Telegram's window is real time, whatever the business clock says.
 */
@Singleton
public class PendingTaps {

    /** Forgotten after this; Telegram refuses answers long before. */
    static final Duration KEEP = Duration.ofMinutes(1);

    record Tap(String queryId, long chatId, long receivedNanos, boolean claimed) {
    }

    private final Map<String, Tap> taps = new ConcurrentHashMap<>();
    /**
     * Every tap kept, in the order it came, so the old ones go from the front. Looking through all of them on
     * every arrival was a seventh of the poller's samples in a profile at 25 taps a second, a minute's worth kept.
     */
    private final Queue<Tap> arrivals = new ConcurrentLinkedQueue<>();
    private final LongSupplier nanoTime;

    public PendingTaps() {
        this(System::nanoTime);
    }

    PendingTaps(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** Called by the adapter on arrival, before the update is stored. */
    public void received(String queryId, long chatId) {
        long now = nanoTime.getAsLong();
        Tap tap = new Tap(queryId, chatId, now, false);
        if (taps.putIfAbsent(queryId, tap) == null) {
            arrivals.add(tap);
        }
        forgetOld(now);
    }

    /** How long ago the tap arrived here; empty for a tap this process did not receive. */
    Optional<Duration> age(String queryId) {
        return Optional.ofNullable(taps.get(queryId)).map(tap -> Duration.ofNanos(nanoTime.getAsLong() - tap.receivedNanos()));
    }

    /** True for the one caller that may answer; a tap that arrived elsewhere is claimed here the first time. */
    boolean claim(String queryId, long chatId) {
        boolean[] won = {false};
        Tap[] created = {null};
        taps.compute(queryId, (id, tap) -> {
            if (tap == null) {
                won[0] = true;
                created[0] = new Tap(id, chatId, nanoTime.getAsLong(), true);
                return created[0];
            }
            if (tap.claimed()) {
                return tap;
            }
            won[0] = true;
            return new Tap(id, tap.chatId(), tap.receivedNanos(), true);
        });
        if (created[0] != null) {
            arrivals.add(created[0]);
        }
        return won[0];
    }

    /** The answer certainly did not reach Telegram: someone may try again. */
    void release(String queryId) {
        taps.computeIfPresent(queryId, (id, tap) -> new Tap(id, tap.chatId(), tap.receivedNanos(), false));
    }

    /** Unanswered taps that arrived between {@code youngest} and {@code oldest} ago. */
    List<Tap> unansweredAged(Duration youngest, Duration oldest) {
        long now = nanoTime.getAsLong();
        return taps.values().stream()
                .filter(tap -> !tap.claimed())
                .filter(tap -> now - tap.receivedNanos() >= youngest.toNanos()
                        && now - tap.receivedNanos() <= oldest.toNanos())
                .toList();
    }

    int size() {
        return taps.size();
    }

    private void forgetOld(long now) {
        synchronized (arrivals) {
            for (Tap oldest = arrivals.peek(); oldest != null && now - oldest.receivedNanos() > KEEP.toNanos();
                 oldest = arrivals.peek()) {
                arrivals.poll();
                Tap gone = oldest;
                // Claimed or released since, the entry is another record of the same arrival.
                taps.computeIfPresent(gone.queryId(), (id, tap) -> tap.receivedNanos() == gone.receivedNanos() ? null : tap);
            }
        }
    }
}
