package app.backcoach.sender;

import app.backcoach.ops.BotMetrics;
import app.backcoach.support.LaneDispatcher;
import app.backcoach.support.LaneDispatcher.Batch;
import app.backcoach.user.UserService;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Delivers the outbox: each chat's messages in order, chats in parallel, within Telegram's limits.
 * Logs name outbox ids and chat ids, never message text.
 */
@Singleton
public class OutboxDispatcher implements LaneDispatcher.Lanes<OutboxDispatcher.Due> {

    private static final Logger LOG = Logger.getLogger(OutboxDispatcher.class);
    /** Extra heads read per pass, so a few rate-limited chats cannot hide the ready ones behind them. */
    private static final int LOOKAHEAD_FACTOR = 4;

    private final SenderConfig config;
    private final OutboxStore store;
    private final BotApi api;
    private final UserService users;
    private final BotMetrics metrics;
    private final Clock clock;
    private final RetryPolicy retryPolicy;
    private final SendRateLimiter limiter;
    private final LaneDispatcher<Due> dispatcher;

    /** A lane head cleared to go, read once: the row and the message in it. */
    record Due(OutboxMessage row, Outbound message) {
    }

    public OutboxDispatcher(SenderConfig config, OutboxStore store, BotApi api, UserService users,
                            BotMetrics metrics, Clock clock) {
        this.config = config;
        this.store = store;
        this.api = api;
        this.users = users;
        this.metrics = metrics;
        this.clock = clock;
        this.retryPolicy = new RetryPolicy(config.maxAttempts(), config.retryDelay());
        this.limiter = new SendRateLimiter(config.globalPerSecond(), config.perChatPerSecond(),
                config.perChatBurst(), clock.instant());
        this.dispatcher = new LaneDispatcher<>("outbox", this, config.workers(), config.pollInterval());
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

    void onOutboxChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) MessageSender.OutboxChanged changed) {
        dispatcher.wake();
    }

    @Override
    public Batch<Due> nextBatch(Set<Long> busyLanes, int capacity) {
        Instant now = clock.instant();
        Duration globalWait = limiter.globalWait(now);
        if (!globalWait.isZero()) {
            return new Batch<>(List.of(), globalWait);
        }
        List<Due> ready = new ArrayList<>();
        Duration soonest = null;
        for (OutboxMessage head : store.dueLaneHeads(capacity * LOOKAHEAD_FACTOR + busyLanes.size())) {
            if (ready.size() == capacity) {
                break;
            }
            if (busyLanes.contains(head.chatId)) {
                continue;
            }
            Outbound message = store.read(head);
            Duration wait = limiter.tryAcquire(head.chatId, message.countsAsChatMessage(), now);
            if (wait.isZero()) {
                ready.add(new Due(head, message));
            } else if (soonest == null || wait.compareTo(soonest) < 0) {
                soonest = wait;
            }
        }
        return new Batch<>(ready, soonest);
    }

    @Override
    public long laneOf(Due item) {
        return item.row().chatId;
    }

    @Override
    public void process(Due due) {
        OutboxMessage row = due.row();
        Outbound message = due.message();
        if (message.countsAsChatMessage() && users.isBlocked(row.chatId)) {
            store.finish(row.id, OutboxStatus.DROPPED, false, "the user blocked the bot");
            return;
        }
        DeliveryOutcome outcome = api.deliver(message);
        RetryPolicy.Decision decision = retryPolicy.decide(outcome, message.idempotent(), row.attempts + 1);
        Instant now = clock.instant();
        switch (decision.action()) {
            case MARK_SENT -> {
                store.markSent(row.id, ((DeliveryOutcome.Delivered) outcome).messageId());
                metrics.messageSent();
            }
            case PAUSE_ALL_AND_RETRY -> {
                metrics.rateLimited();
                limiter.pauseUntil(now.plus(decision.delay()));
                store.retryAt(row.id, now.plus(decision.delay()), false, decision.reason());
                LOG.warnf("Telegram rate limit: all sends paused for %s (outbox %d)", decision.delay(), row.id);
            }
            case RETRY -> {
                store.retryAt(row.id, now.plus(decision.delay()), true, describe(outcome, decision));
                LOG.infof("Outbox %d to chat %d: %s in %s", row.id, row.chatId, describe(outcome, decision), decision.delay());
            }
            case MARK_BLOCKED -> {
                metrics.blocked();
                store.chatBlocked(row.id, row.chatId, decision.reason());
            }
            case FAIL, GIVE_UP_UNCERTAIN -> {
                metrics.sendFailed();
                OutboxStatus status = decision.action() == RetryPolicy.Action.FAIL ? OutboxStatus.FAILED : OutboxStatus.UNCERTAIN;
                store.finish(row.id, status, true, describe(outcome, decision));
                LOG.warnf("Outbox %d to chat %d not delivered: %s", row.id, row.chatId, describe(outcome, decision));
            }
        }
    }

    /** Keeps memory flat and erases sent texts once they are no longer useful. */
    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void housekeeping() {
        Instant now = clock.instant();
        limiter.forgetIdleChats(now);
        long erased = store.eraseFinishedBefore(now.minus(config.keepSent()));
        if (erased > 0) {
            LOG.debugf("Erased %d finished outbox rows", erased);
        }
    }

    /** The outcome's kind and code only: Telegram's descriptions can quote parts of the message. */
    private static String describe(DeliveryOutcome outcome, RetryPolicy.Decision decision) {
        String code = outcome instanceof DeliveryOutcome.Rejected rejected ? " " + rejected.errorCode() : "";
        return decision.reason() + " [" + outcome.getClass().getSimpleName() + code + "]";
    }
}
