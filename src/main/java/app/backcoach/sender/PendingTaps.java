package app.backcoach.sender;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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
    private static final Duration KEEP = Duration.ofMinutes(1);

    record Tap(String queryId, long chatId, long receivedNanos, boolean claimed) {
    }

    private final Map<String, Tap> taps = new ConcurrentHashMap<>();

    /** Called by the adapter on arrival, before the update is stored. */
    public void received(String queryId, long chatId) {
        long now = System.nanoTime();
        taps.putIfAbsent(queryId, new Tap(queryId, chatId, now, false));
        taps.values().removeIf(tap -> now - tap.receivedNanos() > KEEP.toNanos());
    }

    /** How long ago the tap arrived here; empty for a tap this process did not receive. */
    Optional<Duration> age(String queryId) {
        return Optional.ofNullable(taps.get(queryId)).map(tap -> Duration.ofNanos(System.nanoTime() - tap.receivedNanos()));
    }

    /** True for the one caller that may answer; a tap that arrived elsewhere is claimed here the first time. */
    boolean claim(String queryId, long chatId) {
        boolean[] won = {false};
        taps.compute(queryId, (id, tap) -> {
            if (tap == null) {
                won[0] = true;
                return new Tap(id, chatId, System.nanoTime(), true);
            }
            if (tap.claimed()) {
                return tap;
            }
            won[0] = true;
            return new Tap(id, tap.chatId(), tap.receivedNanos(), true);
        });
        return won[0];
    }

    /** The answer certainly did not reach Telegram: someone may try again. */
    void release(String queryId) {
        taps.computeIfPresent(queryId, (id, tap) -> new Tap(id, tap.chatId(), tap.receivedNanos(), false));
    }

    /** Unanswered taps that arrived between {@code youngest} and {@code oldest} ago. */
    List<Tap> unansweredAged(Duration youngest, Duration oldest) {
        long now = System.nanoTime();
        return taps.values().stream()
                .filter(tap -> !tap.claimed())
                .filter(tap -> now - tap.receivedNanos() >= youngest.toNanos()
                        && now - tap.receivedNanos() <= oldest.toNanos())
                .toList();
    }
}
