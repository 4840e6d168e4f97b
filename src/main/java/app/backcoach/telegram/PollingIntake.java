package app.backcoach.telegram;

import app.backcoach.intake.InboundUpdate;
import app.backcoach.intake.InboxService;
import app.backcoach.intake.IntakeDispatcher;
import app.backcoach.sender.PendingTaps;
import app.backcoach.support.ConflictRetry;
import app.backcoach.support.DispatchLeader;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Long polling that confirms an update to Telegram only after it is stored.
 *
 * <p>Telegram confirms updates by the offset of the next getUpdates. The library computes that
 * offset from what it received, not from what was stored (TelegramBots issue #1386), so we supply
 * the request ourselves with the offset after the last <em>recorded</em> update; {@link #consume} runs on
 * the polling thread before the next poll is built. While the database is down nothing is confirmed and
 * nothing is lost: the same updates come again until they are stored.
 */
@Singleton
public class PollingIntake implements LongPollingUpdateConsumer {

    private static final Duration LEASE_WAIT = Duration.ofMillis(100);
    private final DispatchLeader leader;

    private static final Logger LOG = Logger.getLogger(PollingIntake.class);
    private static final Duration REGISTRATION_RETRY = Duration.ofSeconds(5);

    private final TelegramConnection connection;
    private final TelegramUpdates updates;
    private final InboxService inbox;
    private final IntakeDispatcher dispatcher;
    private final PendingTaps taps;

    private volatile boolean running;
    /** Highest update id stored in this session; what getUpdates may confirm. */
    private volatile long recordedUpTo = -1;
    /**
     * Updates received but not stored yet (the database was away), kept for the next try. The library drops
     * every update at or below the highest id it has received, so when the same batch comes again it never
     * reaches {@link #consume} a second time: without this they were confirmed by the next stored batch
     * unseen, and with 100 or more waiting the poll came back with nothing new, over and over. Only the
     * polling thread touches it.
     */
    private List<InboundUpdate> unstored = List.of();
    private TelegramBotsLongPollingApplication application;
    private ScheduledExecutorService executor;

    public PollingIntake(TelegramConnection connection, TelegramUpdates updates, InboxService inbox,
                         IntakeDispatcher dispatcher, PendingTaps taps, DispatchLeader leader) {
        this.taps = taps;
        this.leader = leader;
        this.connection = connection;
        this.updates = updates;
        this.inbox = inbox;
        this.dispatcher = dispatcher;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        // Like a fresh process: Telegram resends whatever is unconfirmed, the inbox recognises repeats.
        recordedUpTo = -1;
        unstored = List.of();
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "telegram-polling");
            thread.setDaemon(true);
            return thread;
        });
        executor.execute(this::register);
    }

    /** Stops polling; an unstored batch stays unconfirmed and comes again on the next start. */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        try {
            if (application != null) {
                application.close();
            }
        } catch (Exception e) {
            LOG.warnf("Closing the polling session failed: %s", e.getClass().getSimpleName());
        }
        application = null;
        // The library's own executor is never shut down by close(); ours is.
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isRunning() {
        return running;
    }

    private void register() {
        try {
            TelegramBotsLongPollingApplication app = new TelegramBotsLongPollingApplication(
                    connection::json, connection::pollingHttpClient, () -> executor);
            app.registerBot(connection.token(), connection::url, this::nextRequest, this);
            synchronized (this) {
                application = app;
            }
            LOG.infof("Long polling started against %s", connection.isSandbox() ? "the sandbox" : connection.url().getHost());
        } catch (Exception e) {
            // deleteWebhook failed: Telegram unreachable at start. Keep trying rather than die.
            LOG.warnf("Could not start long polling (%s); retrying in %s", e.getClass().getSimpleName(), REGISTRATION_RETRY);
            if (running) {
                executor.schedule(this::register, REGISTRATION_RETRY.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    /**
     * Ignores the library's "last received" on purpose: only stored updates may be confirmed. Waits
     * while this instance may not call Telegram (a lease it could not renew), so a deposed leader does
     * not poll beside its successor; losing the lease then stops polling altogether.
     */
    GetUpdates nextRequest(Integer lastReceivedByLibrary) {
        while (running && !leader.mayCall()) {
            try {
                Thread.sleep(LEASE_WAIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return GetUpdates.builder()
                .offset(recordedUpTo < 0 ? 0 : Math.toIntExact(recordedUpTo + 1))
                .limit(100)
                .timeout(Math.toIntExact(connection.config().polling().timeout().toSeconds()))
                .allowedUpdates(TelegramConnection.ALLOWED_UPDATES)
                .build();
    }

    /**
     * Must never throw: an exception here would silently end the library's polling task. When the batch
     * cannot be stored it returns without confirming anything: the next poll asks from the same offset and
     * gets the batch again, with whatever came meanwhile, so taps made during a database outage are still
     * seen (and answered in time, see {@link PendingTaps}).
     */
    @Override
    public void consume(List<Update> batch) {
        try {
            List<InboundUpdate> inbound = new ArrayList<>(unstored);
            long highest = recordedUpTo;
            for (InboundUpdate kept : unstored) {
                highest = Math.max(highest, kept.updateId());
            }
            for (Update update : batch) {
                TelegramUpdates.noteTap(update, taps);
                inbound.add(updates.toInbound(update));
                highest = Math.max(highest, update.getUpdateId());
            }
            if (inbound.isEmpty()) {
                return;
            }
            if (!recordDurably(inbound)) {
                unstored = inbound;
                Thread.sleep(connection.config().polling().recordRetryDelay().toMillis());
                return;
            }
            unstored = List.of();
            if (running) {
                recordedUpTo = highest;
                dispatcher.wake();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.errorf("Updates could not be taken in (%s); they stay unconfirmed", e.getClass().getName());
        }
    }

    private boolean recordDurably(List<InboundUpdate> inbound) {
        try {
            ConflictRetry.run("recording updates", () -> inbox.record(inbound));
            return true;
        } catch (RuntimeException e) {
            LOG.warnf("Could not store %d update(s) (%s); not confirming them, retrying",
                    inbound.size(), e.getClass().getSimpleName());
            return false;
        }
    }
}
