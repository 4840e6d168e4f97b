package app.backcoach.intake;

import app.backcoach.chat.Incoming;
import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Updates this instance received, already decoded, until their handling takes them: the adapter parsed
 * each one on arrival, and parsing its stored copy again cost about a tenth of its handling. Only a
 * shortcut: the stored payload stays the truth. An entry counts only for the content it was made from
 * (the payload's fingerprint), so an update id that the Bot API reuses can never be handled with the
 * earlier content. Entries no handling here takes (another instance handled the update, a /delete erased
 * it first, or it was a redelivery of one handled already) go within two minutes of arrival ({@link #forgetOld}, every minute) or when
 * {@link #LIMIT} newer ones came.
 */
@Singleton
public class DecodedUpdates {

    static final int LIMIT = 1000;
    static final Duration KEPT = Duration.ofMinutes(1);

    private record Entry(String fingerprint, Incoming incoming, Instant arrived) {
    }

    private final Clock clock;
    private final Map<Long, Entry> entries = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Entry> eldest) {
            return size() > LIMIT;
        }
    };

    public DecodedUpdates(Clock clock) {
        this.clock = clock;
    }

    synchronized void keep(long updateId, String fingerprint, Incoming incoming) {
        entries.put(updateId, new Entry(fingerprint, incoming, clock.instant()));
    }

    /** The decoded update if it was made from exactly this content; removed either way. */
    synchronized Incoming take(long updateId, String fingerprint) {
        Entry entry = entries.remove(updateId);
        return entry != null && entry.fingerprint().equals(fingerprint) ? entry.incoming() : null;
    }

    /** Drops entries older than {@link #KEPT}; they are in arrival order, so it stops at the first younger one. */
    @Scheduled(every = "1m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    synchronized void forgetOld() {
        Instant cutoff = clock.instant().minus(KEPT);
        for (Iterator<Entry> oldest = entries.values().iterator(); oldest.hasNext(); ) {
            if (!oldest.next().arrived().isBefore(cutoff)) {
                return;
            }
            oldest.remove();
        }
    }

    /** A person's updates not yet handled, when their data is erased. */
    synchronized void forgetChat(long chatId) {
        entries.values().removeIf(entry -> entry.incoming().chat().id() == chatId);
    }

    synchronized int size() {
        return entries.size();
    }
}
