package app.backcoach.sender;

import app.backcoach.ops.BotMetrics;
import app.backcoach.support.ConflictRetry;
import app.backcoach.support.DispatchLeader;
import app.backcoach.support.LaneLoop;
import app.backcoach.support.LaneLoop.Admission;
import app.backcoach.support.PartitionLeases;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.jboss.logging.Logger;

/**
 * Delivers the outbox: each chat's messages in order, chats in parallel, within Telegram's limits.
 * Logs name outbox ids and chat ids, never message text.
 */
@Singleton
public class OutboxDispatcher implements LaneLoop.Queue<OutboxHead, OutboxDispatcher.Due> {

    private static final Logger LOG = Logger.getLogger(OutboxDispatcher.class);
    /** Extra heads read per pass, so a few rate-limited chats cannot hide the ready ones behind them. */
    private static final int LOOKAHEAD_FACTOR = 4;
    /** Telegram takes an answer to a tap for 15 s; a margin for the way there. */
    static final Duration ANSWER_WINDOW = Duration.ofSeconds(14);
    private static final Duration TAP_RETRY = Duration.ofMillis(300);
    private static final Duration WATCHDOG_TICK = Duration.ofMillis(250);
    /** How long a resend's check waits for the person's latest messages to reach the inbox: 20 × 0.5 s. */
    private static final int CATCH_UP_LOOKS = 20;
    private static final Duration CATCH_UP_PAUSE = Duration.ofMillis(500);
    private static final Duration INTERRUPTED_RESEND_DELAY = Duration.ofSeconds(5);

    private final SenderConfig config;
    private final DispatchLeader leader;
    private final OutboxStore store;
    private final BotApi api;
    private final BotMetrics metrics;
    private final Clock clock;
    private final RetryPolicy retryPolicy;
    private final SendRateLimiter limiter;
    private final LaneLoop<OutboxHead, Due> dispatcher;
    private final PendingTaps taps;
    private ScheduledExecutorService watchdog;

    /** A lane head cleared to go, read once: the row and the message in it. */
    record Due(OutboxHead row, Outbound message) {
    }

    public OutboxDispatcher(SenderConfig config, OutboxStore store, BotApi api,
                            BotMetrics metrics, Clock clock, PendingTaps taps, DispatchLeader leader,
                            PartitionLeases partitions) {
        this.taps = taps;
        this.leader = leader;
        this.config = config;
        this.store = store;
        this.api = api;
        this.metrics = metrics;
        this.clock = clock;
        this.retryPolicy = new RetryPolicy(config.maxAttempts(), config.retryDelay());
        this.limiter = new SendRateLimiter(config.globalPerSecond(), config.perChatPerSecond(),
                config.perChatBurst(), clock.instant());
        // Replies written by other instances wake no one here: with peers about, look more often.
        this.dispatcher = new LaneLoop<>("outbox", this, config.workers(), LOOKAHEAD_FACTOR,
                () -> partitions.pollInterval(config.pollInterval()), clock);
    }

    public synchronized void start() {
        dispatcher.start();
        if (watchdog == null) {
            watchdog = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "outbox-tap-watchdog");
                thread.setDaemon(true);
                return thread;
            });
            watchdog.scheduleWithFixedDelay(() -> {
                try {
                    answerOverdueTaps();
                } catch (RuntimeException e) {
                    LOG.warnf("Tap watchdog: %s", e.getClass().getSimpleName());
                }
            }, WATCHDOG_TICK.toMillis(), WATCHDOG_TICK.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    public synchronized void stop(Duration grace) {
        if (watchdog != null) {
            watchdog.shutdownNow();
            watchdog = null;
        }
        dispatcher.stop(grace);
    }

    /** Calls being made (or whose outcome is being stored) now. */
    int callsUnderWay() {
        return dispatcher.busyLaneCount();
    }

    public boolean isRunning() {
        return dispatcher.isRunning();
    }

    void onOutboxChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) MessageSender.OutboxChanged changed) {
        dispatcher.wake();
    }

    @Override
    public Duration gate(Instant now) {
        return limiter.globalWait(now);
    }

    @Override
    public List<OutboxHead> dueHeads(int limit) {
        return store.dueLaneHeads(limit);
    }

    /**
     * Heads kept beyond the free workers. The outbox is the queue that backs up (Telegram's limits, its answer
     * times): in a flood of taps nearly every chat had a message waiting, and each finished send woke the loop for
     * another read grouping all of them. A kept head is still its lane's oldest (only this loop starts one), its
     * admission is decided when it starts, and {@link OutboxStore#prepare} refuses a row no longer pending.
     */
    @Override
    public int readAhead() {
        return LOOKAHEAD_FACTOR * config.workers();
    }

    /**
     * A chat's messages go out in order in its lane. A tap's answer goes in a lane of its own beside it: it only
     * stops the spinner on the button (a toast at most, outside the chat's messages), so it waits for none of them
     * and none waits for it, and one read of the heads finds the answer and the edit a tap made together.
     */
    @Override
    public long laneOf(OutboxHead head) {
        return OutboxStore.ANSWER_KIND.equals(head.kind()) ? answerLane(head.chatId()) : head.chatId();
    }

    /** Far from every chat id: positive ones map below -2^62, negative ones (groups) just under Long.MAX_VALUE. */
    static long answerLane(long chatId) {
        return Long.MIN_VALUE + chatId;
    }

    /**
     * Counted by the same read: a head with nothing behind it needs no read when it is done. Whatever is
     * queued for the chat meanwhile wakes the loop on its commit, and a row put back for a retry is due later
     * anyway (found by the next poll, as before).
     */
    @Override
    public boolean moreBehind(OutboxHead head) {
        return head.behind() > 0;
    }

    @Override
    public Admission<Due> admit(OutboxHead head, Instant now) {
        Outbound message = store.read(head);
        Duration wait = limiter.tryAcquire(head.chatId(), message.countsAsChatMessage(), now);
        return wait.isZero() ? Admission.now(new Due(head, message)) : Admission.in(wait);
    }

    @Override
    public void process(Due due) {
        try {
            deliver(due.row(), due.message());
        } catch (RuntimeException e) {
            // Before the call (the database is down, say): nothing went out; the row is looked at again later.
            LOG.warnf("Outbox %d: could not prepare the send (%s); trying again later", due.row().id(),
                    e.getClass().getSimpleName());
        } finally {
            // Gives back a slot whose call never started. Only for a counted send: a tap's answer takes no slot, and it
            // runs beside its chat's counted send, whose slot (kept by chat) this would give back.
            if (due.message().countsAsChatMessage()) {
                limiter.slotUnused(due.row().chatId());
            }
        }
    }

    private void deliver(OutboxHead row, Outbound message) {
        // A leader that could not renew its lease stops before its next call; the row waits for the next leader.
        long epoch = leader.epoch();
        if (!leader.mayCall()) {
            return;
        }
        if (row.status() == OutboxStatus.SENDING) {
            resumeInterrupted(row, message);
            return;
        }
        if (message instanceof Outbound.AnswerCallback answer && !claimTap(row, answer)) {
            return;
        }
        Long floor;
        try {
            // The checks before the call and the SENDING mark: one transaction, not one per step; retried on a
            // conflict (Galera certification), and only a row still pending is taken.
            OutboxStore.Prepared prepared = ConflictRetry.call("outbox " + row.id(), () -> store.prepare(row, message, epoch));
            if (!prepared.go()) {
                return; // the message already shows this, the user blocked the bot, or the row was erased
            }
            floor = prepared.floor();
        } catch (RuntimeException e) {
            if (message instanceof Outbound.AnswerCallback answer) {
                taps.release(answer.callbackQueryId()); // not sent: the next try (or the watchdog) may answer
            }
            throw e;
        }
        // A call that counts for no limit (a tap's answer) is not timed: it may run beside the chat's counted call,
        // whose start and end the limiter keeps by chat.
        boolean counted = message.countsAsChatMessage();
        for (Duration wait; counted && !(wait = limiter.callStarting(row.chatId(), clock.instant())).isZero(); ) {
            if (!pause(wait)) {
                return; // a hard stop: left SENDING without a call, resolved on the next start like a cut-off call
            }
        }
        DeliveryOutcome outcome = api.deliver(message);
        if (counted) {
            limiter.callEnded(row.chatId(), clock.instant());
        }
        if (Thread.currentThread().isInterrupted()) {
            // Cut off by a hard stop: left SENDING, exactly as a crash would leave it, and resolved the same way.
            LOG.infof("Outbox %d: stopped mid-call; resolved on the next start", row.id());
            return;
        }
        boolean checkable = message.createsMessage() && floor != null;
        RetryPolicy.Decision decision = retryPolicy.decide(outcome, checkable, row.attempts() + 1);
        if (message instanceof Outbound.AnswerCallback answer && (decision.action() == RetryPolicy.Action.RETRY
                || decision.action() == RetryPolicy.Action.PAUSE_ALL_AND_RETRY)) {
            taps.release(answer.callbackQueryId()); // certainly not answered: whoever comes first may try again
        }
        Long messageId = outcome instanceof DeliveryOutcome.Delivered delivered ? delivered.messageId() : null;
        if (row.checkDuplicate() && checkable && messageId != null) {
            long sent = messageId;
            messageId = untilStored(row, () -> keepOne(row, floor, sent));
        }
        Long recordedId = messageId;
        untilStored(row, () -> {
            record(row, message, outcome, decision, recordedId);
            return null;
        });
    }

    /**
     * A row still SENDING when its lane is free here was cut off mid-call (a crash, a kill -9, or a
     * dispatcher that was stopped): Telegram may or may not have carried it out. A new message in a
     * private chat with a known last message id is sent again and checked (see {@link #keepOne});
     * anything else is left, because repeating an edit or a callback answer that did happen is refused
     * by Telegram.
     */
    private void resumeInterrupted(OutboxHead row, Outbound message) {
        if (message.createsMessage() && row.floorMessageId() != null) {
            // Not at once: a new leader (or a restarted one) first takes in what the person wrote meanwhile, so
            // the check finds their messages in the inbox and does not mistake one for the first attempt.
            store.resendChecked(row.id(), clock.instant().plus(INTERRUPTED_RESEND_DELAY), true,
                    "interrupted during the call; resending with a check");
            LOG.infof("Outbox %d to chat %d was interrupted mid-call; resending with a duplicate check", row.id(), row.chatId());
        } else {
            store.finish(row, OutboxStatus.UNCERTAIN, true, "interrupted during the call; not repeated");
            LOG.infof("Outbox %d to chat %d was interrupted mid-call; not repeated", row.id(), row.chatId());
        }
    }

    /**
     * After a resend of a message whose first attempt may have arrived: message ids in a private chat rise
     * by one per message, the person's and ours. Every id between the floor (the chat's last known id when
     * the first attempt went out) and the resend's is either a message of the person's (the inbox knows
     * those) or the first attempt. Exactly one unexplained id means the first attempt arrived there: the
     * resend, certainly ours, is deleted at once, so the person never sees a message that is not theirs
     * removed. None means it never arrived. More than one cannot happen with an exact floor; then both
     * stay (logged).
     *
     * @return the id of the one copy that stays
     */
    private long keepOne(OutboxHead row, long floor, long resent) {
        List<Long> unexplained = unexplainedIds(row.chatId(), floor, resent);
        // More than one: the person wrote meanwhile and the inbox has not caught up yet (a new leader taking over
        // a backlog resumes interrupted sends at once). Look again while the poller stores what came.
        for (int look = 0; unexplained.size() > 1 && look < CATCH_UP_LOOKS && pause(CATCH_UP_PAUSE); look++) {
            unexplained = unexplainedIds(row.chatId(), floor, resent);
        }
        if (unexplained.isEmpty()) {
            return resent;
        }
        if (unexplained.size() > 1) {
            LOG.warnf("Outbox %d to chat %d: %d unexplained message ids before the resend; kept it", row.id(),
                    row.chatId(), unexplained.size());
            return resent;
        }
        long first = unexplained.get(0);
        for (int attempt = 1; attempt <= 3; attempt++) {
            DeliveryOutcome deleted = api.deliver(new Outbound.Delete(row.chatId(), resent));
            if (deleted instanceof DeliveryOutcome.Delivered) {
                metrics.duplicateRemoved();
                LOG.infof("Outbox %d to chat %d: the first attempt had arrived; the resend was deleted", row.id(), row.chatId());
                return first;
            }
            if (!(deleted instanceof DeliveryOutcome.NotDelivered || deleted instanceof DeliveryOutcome.RateLimited)) {
                break;
            }
            pause(Duration.ofMillis(200L * attempt));
        }
        LOG.warnf("Outbox %d to chat %d: a duplicate could not be deleted", row.id(), row.chatId());
        return first;
    }

    private List<Long> unexplainedIds(long chatId, long floor, long resent) {
        Set<Long> theirs = new HashSet<>(store.personMessageIdsBetween(chatId, floor, resent));
        return LongStream.range(floor + 1, resent).filter(id -> !theirs.contains(id)).boxed().toList();
    }

    private void record(OutboxHead row, Outbound message, DeliveryOutcome outcome, RetryPolicy.Decision decision,
                        Long messageId) {
        Instant now = clock.instant();
        // A tap's answer left the queue before its call: delivered or given up, nothing is left to write.
        boolean taken = OutboxStore.takenBeforeCall(message);
        switch (decision.action()) {
            case MARK_SENT -> {
                if (!taken) {
                    store.markSent(row.id(), row.ephemeral(), messageId);
                }
                metrics.messageSent();
            }
            case PAUSE_ALL_AND_RETRY -> {
                metrics.rateLimited();
                limiter.pauseUntil(now.plus(decision.delay()));
                retryAt(row, taken, now.plus(decision.delay()), false, decision.reason());
                LOG.warnf("Telegram rate limit: all sends paused for %s (outbox %d)", decision.delay(), row.id());
            }
            case RETRY -> {
                Duration delay = retryDelay(message, decision.delay());
                retryAt(row, taken, now.plus(delay), true, describe(outcome, decision));
                LOG.infof("Outbox %d to chat %d: %s in %s", row.id(), row.chatId(), describe(outcome, decision), delay);
            }
            case RESEND_AND_CHECK -> {
                store.resendChecked(row.id(), now.plus(decision.delay()), true, describe(outcome, decision));
                LOG.infof("Outbox %d to chat %d: %s in %s", row.id(), row.chatId(), describe(outcome, decision), decision.delay());
            }
            case MARK_BLOCKED -> {
                metrics.blocked();
                store.chatBlocked(row, decision.reason());
            }
            case FAIL, GIVE_UP_UNCERTAIN -> {
                metrics.sendFailed();
                OutboxStatus status = decision.action() == RetryPolicy.Action.FAIL ? OutboxStatus.FAILED : OutboxStatus.UNCERTAIN;
                if (!taken) {
                    store.finish(row, status, true, describe(outcome, decision));
                }
                LOG.warnf("Outbox %d to chat %d not delivered: %s", row.id(), row.chatId(), describe(outcome, decision));
            }
        }
    }

    private void retryAt(OutboxHead row, boolean taken, Instant notBefore, boolean countAttempt, String reason) {
        if (taken) {
            store.putBack(row, notBefore, countAttempt, reason);
        } else {
            store.retryAt(row.id(), notBefore, countAttempt, reason);
        }
    }

    /** A callback answer is worth something only within Telegram's window: it never waits long. */
    private static Duration retryDelay(Outbound message, Duration delay) {
        return message instanceof Outbound.AnswerCallback && delay.compareTo(TAP_RETRY) > 0 ? TAP_RETRY : delay;
    }

    /**
     * Each tap is answered once, in time: not after Telegram's window (it would refuse), and not when the
     * watchdog answered it already because this answer came too late.
     */
    private boolean claimTap(OutboxHead row, Outbound.AnswerCallback answer) {
        // A tap this process did not receive (before a restart, at another instance) is timed from its row.
        Duration age = taps.age(answer.callbackQueryId())
                .orElseGet(() -> Duration.between(row.createdAt(), clock.instant()));
        if (age.compareTo(ANSWER_WINDOW) > 0) {
            store.finish(row, OutboxStatus.DROPPED, false, "too late: Telegram takes an answer within 15 s");
            return false;
        }
        if (!taps.claim(answer.callbackQueryId(), row.chatId())) {
            store.finish(row, OutboxStatus.DROPPED, false, "answered already, when it was due");
            return false;
        }
        return true;
    }

    /**
     * Once Telegram has carried a call out, its outcome must be stored before the lane moves on; while the
     * database is away this waits (the lane stays busy, so nothing is sent twice). A process that dies
     * meanwhile leaves the row SENDING, and {@link #resumeInterrupted} takes it from there.
     */
    private <R> R untilStored(OutboxHead row, java.util.function.Supplier<R> step) {
        Duration wait = Duration.ofMillis(200);
        while (true) {
            try {
                return step.get();
            } catch (RuntimeException e) {
                LOG.warnf("Outbox %d: could not store the outcome (%s); trying again in %s", row.id(),
                        e.getClass().getSimpleName(), wait);
                if (!pause(wait)) {
                    throw e;
                }
                wait = wait.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5) : wait.multipliedBy(2);
            }
        }
    }

    private static boolean pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Taps whose handling is late (the database is down, the update is being retried) get a plain answer
     * from here when {@code sender.tap-deadline} has passed, so no spinner hangs and no answer comes after
     * Telegram's window. Runs apart from the database and the lanes.
     */
    void answerOverdueTaps() {
        if (!limiter.pausedFor(clock.instant()).isZero()) {
            return;
        }
        for (PendingTaps.Tap tap : taps.unansweredAged(config.tapDeadline(), ANSWER_WINDOW)) {
            if (!taps.claim(tap.queryId(), tap.chatId())) {
                continue;
            }
            DeliveryOutcome outcome = api.deliver(new Outbound.AnswerCallback(tap.chatId(), tap.queryId(), null));
            if (outcome instanceof DeliveryOutcome.NotDelivered || outcome instanceof DeliveryOutcome.RateLimited) {
                taps.release(tap.queryId());
            } else {
                metrics.tapAnsweredLate();
                LOG.infof("A tap in chat %d was answered by the watchdog (%s)", tap.chatId(),
                        outcome.getClass().getSimpleName());
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
