package app.backcoach.intake;

import app.backcoach.database.Sql;
import app.backcoach.support.ConflictRetry;
import app.backcoach.support.LaneLoop;
import app.backcoach.support.PartitionLeases;
import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Works through the inbox: one chat's updates strictly in order, different chats in parallel. Every
 * instance runs one; each takes only the chats of the partitions it holds ({@link PartitionLeases}),
 * so handling spreads over the instances and a chat is handled on one of them at a time.
 */
@Singleton
public class IntakeDispatcher implements LaneLoop.Queue<InboxHead, InboxHead> {

    private static final Logger LOG = Logger.getLogger(IntakeDispatcher.class);

    private final InboxService inbox;
    private final UpdateProcessor processor;
    private final IntakeConfig config;
    private final Clock clock;
    private final PartitionLeases partitions;
    private final LaneLoop<InboxHead, InboxHead> dispatcher;
    private final Sql sql;

    public IntakeDispatcher(InboxService inbox, UpdateProcessor processor, IntakeConfig config, Clock clock,
                            PartitionLeases partitions, Sql sql) {
        this.sql = sql;
        this.inbox = inbox;
        this.processor = processor;
        this.config = config;
        this.clock = clock;
        this.partitions = partitions;
        // Updates another instance received wake no one here: with peers about, look more often.
        this.dispatcher = new LaneLoop<>("intake", this, config.workers(), 1,
                () -> partitions.pollInterval(config.pollInterval()), clock);
    }

    /** Takes this instance's share of the chats and handles them until {@link #stop}. */
    public synchronized void start() {
        dispatcher.start();
        partitions.start(dispatcher::wake, dispatcher::busyLanes);
    }

    /** Lets the updates under way finish, then gives the partitions back so others take over at once. */
    public synchronized void stop(Duration grace) {
        dispatcher.stop(grace);
        partitions.stop();
    }

    public boolean isRunning() {
        return dispatcher.isRunning();
    }

    /** Called after updates were recorded. */
    public void wake() {
        dispatcher.wake();
    }

    @Override
    public List<InboxHead> dueHeads(int limit) {
        if (partitions.handlesAll()) {
            return inbox.dueLaneHeads(limit);
        }
        Set<Integer> mine = partitions.handling();
        return mine.isEmpty() ? List.of() : inbox.dueLaneHeads(limit, partitions.count(), mine);
    }

    @Override
    public long laneOf(InboxHead head) {
        return head.chatId();
    }

    @Override
    public boolean moreBehind(InboxHead head) {
        return head.behind() > 0;
    }

    @Override
    public void process(InboxHead item) {
        if (!partitions.mayHandle(item.chatId())) {
            return; // the chat's partition is being given back, or its lease is in doubt: its holder handles it
        }
        try {
            // Retried on a conflict (Galera certification): the attempt that commits is the one handled.
            ConflictRetry.run("update " + item.updateId(), () -> processor.handle(item.updateId(), partitions.holder()));
        } catch (RuntimeException e) {
            sql.connectionLost(e);
            try {
                ConflictRetry.run("update " + item.updateId() + " failure", () -> inbox.recordFailure(item.updateId(), e));
            } catch (RuntimeException unrecorded) {
                // The database is down: the update stays pending as it was and is tried again later.
                LOG.warnf("Update %d failed and the failure could not be recorded (%s)", item.updateId(),
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
