package app.backcoach.intake;

import app.backcoach.support.ConflictRetry;
import app.backcoach.support.LaneDispatcher;
import app.backcoach.support.LaneDispatcher.Batch;
import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/** Works through the inbox: one chat's updates strictly in order, different chats in parallel. */
@Singleton
public class IntakeDispatcher implements LaneDispatcher.Lanes<InboxUpdate> {

    private static final Logger LOG = Logger.getLogger(IntakeDispatcher.class);

    private final InboxService inbox;
    private final UpdateProcessor processor;
    private final IntakeConfig config;
    private final Clock clock;
    private final LaneDispatcher<InboxUpdate> dispatcher;

    public IntakeDispatcher(InboxService inbox, UpdateProcessor processor, IntakeConfig config, Clock clock) {
        this.inbox = inbox;
        this.processor = processor;
        this.config = config;
        this.clock = clock;
        this.dispatcher = new LaneDispatcher<>("intake", this, config.workers(), config.pollInterval());
    }

    public void start() {
        dispatcher.start();
    }

    public void stop(Duration grace) {
        dispatcher.stop(grace);
    }

    public boolean isRunning() {
        return dispatcher.isRunning();
    }

    /** Called after updates were recorded. */
    public void wake() {
        dispatcher.wake();
    }

    @Override
    public Batch<InboxUpdate> nextBatch(Set<Long> busyLanes, int capacity) {
        List<InboxUpdate> heads = inbox.dueLaneHeads(capacity + busyLanes.size()).stream()
                .filter(head -> !busyLanes.contains(head.chatId))
                .limit(capacity)
                .toList();
        return new Batch<>(heads, null);
    }

    @Override
    public long laneOf(InboxUpdate item) {
        return item.chatId;
    }

    @Override
    public void process(InboxUpdate item) {
        try {
            // Retried on a conflict (Galera certification): the attempt that commits is the one handled.
            ConflictRetry.run("update " + item.updateId, () -> processor.handle(item.updateId));
        } catch (RuntimeException e) {
            try {
                ConflictRetry.run("update " + item.updateId + " failure", () -> inbox.recordFailure(item.updateId, e));
            } catch (RuntimeException unrecorded) {
                // The database is down: the update stays pending as it was and is tried again later.
                LOG.warnf("Update %d failed and the failure could not be recorded (%s)", item.updateId,
                        unrecorded.getClass().getSimpleName());
            }
        }
    }

    /** Ids of handled updates are only needed while Telegram might still redeliver them. */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void eraseOldIds() {
        long erased = inbox.eraseHandledBefore(clock.instant().minus(config.keepHandled()));
        if (erased > 0) {
            LOG.debugf("Erased %d handled inbox ids", erased);
        }
    }
}
