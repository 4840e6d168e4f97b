package app.backcoach.intake;

import app.backcoach.chat.Incoming;
import app.backcoach.support.RecentCopies;
import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Updates this instance received, already decoded, until their handling takes them: the adapter parsed
 * each one on arrival, and parsing its stored copy again cost about a tenth of its handling. Only a
 * shortcut: the stored payload stays the truth. An entry counts only for the content it was made from
 * (the payload's fingerprint, which {@link UpdateProcessor} matches against the row as it locks it), so an
 * update id that the Bot API reuses can never be handled with the earlier content. Entries no handling here
 * takes (another instance handled the update, a /delete erased it first, or it was a redelivery of one
 * handled already) go within two minutes of arrival ({@link #forgetOld}, every minute) or when
 * {@link #LIMIT} newer ones came.
 */
@Singleton
public class DecodedUpdates {

    static final int LIMIT = 1000;
    static final Duration KEPT = Duration.ofMinutes(1);

    /** A decoded update, with the fingerprint of the content it was made from and when it was stored. */
    record Copy(String fingerprint, Incoming incoming, Instant receivedAt) {
    }

    private final RecentCopies<Long, Copy> entries;

    public DecodedUpdates(Clock clock) {
        this.entries = new RecentCopies<>(LIMIT, clock);
    }

    void keep(long updateId, String fingerprint, Incoming incoming, Instant receivedAt) {
        entries.keep(updateId, new Copy(fingerprint, incoming, receivedAt));
    }

    /**
     * The copy kept for this id, removed; null when there is none. It stands only for the content whose
     * fingerprint it carries: its user must check that the stored row has that one.
     */
    Copy take(long updateId) {
        return entries.take(updateId);
    }

    @Scheduled(every = "1m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetOld() {
        entries.forgetOlderThan(KEPT);
    }

    /** A person's updates not yet handled, when their data is erased. */
    void forgetChat(long chatId) {
        entries.forgetIf(entry -> entry.incoming().chat().id() == chatId);
    }

    int size() {
        return entries.size();
    }
}
