package app.backcoach.sender;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Taps (callback queries) as they arrive, in memory, so each is answered once and in time even when
 * the database is down or the update's handling is retried. Telegram accepts one answer per tap and
 * only within about 15 seconds; whoever claims a tap first answers it (the handler's answer with its
 * toast, or the watchdog's plain one near the deadline), and the other stays silent.
 */
@Singleton
public class PendingTaps {

    /** Forgotten after this; Telegram refuses answers long before. */
    private static final Duration KEEP = Duration.ofMinutes(1);

    record Tap(String queryId, long chatId, Instant receivedAt, boolean claimed) {
    }

    private final Clock clock;
    private final Map<String, Tap> taps = new ConcurrentHashMap<>();

    public PendingTaps(Clock clock) {
        this.clock = clock;
    }

    /** Called by the adapter on arrival, before the update is stored. */
    public void received(String queryId, long chatId) {
        Instant now = clock.instant();
        taps.putIfAbsent(queryId, new Tap(queryId, chatId, now, false));
        taps.values().removeIf(tap -> tap.receivedAt().isBefore(now.minus(KEEP)));
    }

    Optional<Instant> receivedAt(String queryId) {
        return Optional.ofNullable(taps.get(queryId)).map(Tap::receivedAt);
    }

    /** True for the one caller that may answer; taps that arrived elsewhere are claimed here the first time. */
    boolean claim(String queryId, long chatId, Instant receivedAt) {
        boolean[] won = {false};
        taps.compute(queryId, (id, tap) -> {
            if (tap == null) {
                won[0] = true;
                return new Tap(id, chatId, receivedAt, true);
            }
            if (tap.claimed()) {
                return tap;
            }
            won[0] = true;
            return new Tap(id, tap.chatId(), tap.receivedAt(), true);
        });
        return won[0];
    }

    /** The answer certainly did not reach Telegram: someone may try again. */
    void release(String queryId) {
        taps.computeIfPresent(queryId, (id, tap) -> new Tap(id, tap.chatId(), tap.receivedAt(), false));
    }

    /** Unanswered taps that arrived at or before {@code cutoff}. */
    List<Tap> unansweredSince(Instant cutoff) {
        return taps.values().stream()
                .filter(tap -> !tap.claimed() && !tap.receivedAt().isAfter(cutoff))
                .toList();
    }
}
