package app.backcoach.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What this instance still holds in memory of something it has also stored, until whoever needs it takes
 * it: a shortcut past parsing the stored copy again, never the truth. Nothing guarantees that every entry
 * is taken (another instance may take the stored copy, or an erasure delete it), so entries are bounded in
 * number (the oldest make room) and in age ({@link #forgetOlderThan}, called by the owner's schedule).
 */
public final class RecentCopies<K, V> {

    private record Entry<V>(V value, Instant kept) {
    }

    private final Clock clock;
    private final Map<K, Entry<V>> entries;

    public RecentCopies(int limit, Clock clock) {
        this.clock = clock;
        this.entries = new LinkedHashMap<>(64, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Entry<V>> eldest) {
                return size() > limit;
            }
        };
    }

    public synchronized void keep(K key, V value) {
        // Removed first, so a key kept again moves to the end: the entries stay in the order they were kept.
        entries.remove(key);
        entries.put(key, new Entry<>(value, clock.instant()));
    }

    /** The copy kept under this key, removed; null when there is none. */
    public synchronized V take(K key) {
        Entry<V> entry = entries.remove(key);
        return entry == null ? null : entry.value();
    }

    /** Entries are in the order they were kept, so the sweep stops at the first younger one. */
    public synchronized void forgetOlderThan(Duration age) {
        Instant cutoff = clock.instant().minus(age);
        for (Iterator<Entry<V>> oldest = entries.values().iterator(); oldest.hasNext(); ) {
            if (!oldest.next().kept().isBefore(cutoff)) {
                return;
            }
            oldest.remove();
        }
    }

    public synchronized void forgetIf(Predicate<V> which) {
        entries.values().removeIf(entry -> which.test(entry.value()));
    }

    public synchronized int size() {
        return entries.size();
    }
}
