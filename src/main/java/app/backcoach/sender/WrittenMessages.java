package app.backcoach.sender;

import app.backcoach.support.RecentCopies;
import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/**
 * Messages as this instance wrote them to the outbox, until its sender takes them: parsing the stored
 * payload again was an eighth of sending one. Keyed by the payload itself, so a copy only ever stands for
 * exactly the content it was written as, whichever row holds it; the row stays the truth. Copies nobody
 * takes (a rolled-back transaction, a row another instance sent, one erased first) go within two minutes
 * ({@link #forgetOld}, every minute) or when {@link #LIMIT} newer ones came. Files are not kept: they are
 * rare and large.
 */
@Singleton
public class WrittenMessages {

    static final int LIMIT = 1000;
    static final Duration KEPT = Duration.ofMinutes(1);

    private final RecentCopies<String, Outbound> copies;

    public WrittenMessages(Clock clock) {
        this.copies = new RecentCopies<>(LIMIT, clock);
    }

    void keep(String payload, Outbound message) {
        if (!message.carriesFile()) {
            copies.keep(payload, message);
        }
    }

    /** The message this payload was written from, if this instance wrote it lately; removed. */
    Outbound take(String payload) {
        return payload == null ? null : copies.take(payload);
    }

    @Scheduled(every = "1m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetOld() {
        copies.forgetOlderThan(KEPT);
    }

    /** A person's messages not yet sent, when their data is erased. */
    void forgetChat(long chatId) {
        copies.forgetIf(message -> message.chatId() == chatId);
    }

    int size() {
        return copies.size();
    }
}
