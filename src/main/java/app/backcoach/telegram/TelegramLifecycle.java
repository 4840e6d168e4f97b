package app.backcoach.telegram;

import app.backcoach.chat.CommandName;
import app.backcoach.intake.IntakeDispatcher;
import app.backcoach.sandbox.SandboxMode;
import app.backcoach.sender.OutboxDispatcher;
import app.backcoach.support.DispatchLeader;
import app.backcoach.text.Texts;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.vertx.http.HttpServerStart;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeDefault;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/** Starts and stops everything that talks to Telegram, in an order that loses nothing. */
@Singleton
public class TelegramLifecycle {

    private static final Logger LOG = Logger.getLogger(TelegramLifecycle.class);
    private static final Pattern WEBHOOK_SECRET = Pattern.compile("[A-Za-z0-9_-]{1,256}");
    private static final Duration SETUP_RETRY = Duration.ofSeconds(10);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

    private final TelegramConnection connection;
    private final PollingIntake polling;
    private final IntakeDispatcher intake;
    private final OutboxDispatcher outbox;
    private final Texts texts;
    private final SandboxMode sandbox;
    private final DispatchLeader leader;
    private ScheduledExecutorService setup;

    public TelegramLifecycle(TelegramConnection connection, PollingIntake polling, IntakeDispatcher intake,
                             OutboxDispatcher outbox, Texts texts, SandboxMode sandbox, DispatchLeader leader) {
        this.connection = connection;
        this.leader = leader;
        this.sandbox = sandbox;
        this.polling = polling;
        this.intake = intake;
        this.outbox = outbox;
        this.texts = texts;
    }

    /** After the HTTP server listens: the webhook and the sandbox's stand-in must be reachable first. */
    void onStart(@ObservesAsync HttpServerStart event) {
        TelegramConfig config = connection.config();
        if (connection.isSandbox()) {
            LOG.warnf("No BOT_TOKEN set: running WITHOUT Telegram, in sandbox mode. Chat with the bot at %s",
                    sandbox.pageUrl());
        } else if (config.mode() == TelegramConfig.Mode.WEBHOOK) {
            checkWebhookSettings(config.webhook());
        }
        // Every instance handles its share of the chats; only the leading one polls and sends (the
        // others take webhook updates into the inbox, and their replies wait in the outbox for it).
        intake.start();
        leader.start(this::startDelivery, this::stopDelivery);
    }

    /** Sending, then (setup and) intake: so whatever comes in can be answered. */
    private synchronized void startDelivery() {
        TelegramConfig config = connection.config();
        outbox.start();
        setup = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "telegram-setup");
            thread.setDaemon(true);
            return thread;
        });
        setup.execute(() -> untilDone("setMyCommands", this::publishCommandMenu));
        if (config.mode() == TelegramConfig.Mode.WEBHOOK && !connection.isSandbox()) {
            setup.execute(() -> untilDone("setWebhook", this::registerWebhook));
        } else {
            polling.start();
        }
        if (!connection.isSandbox()) {
            LOG.infof("Telegram connected (%s mode, Bot API at %s)", config.mode().name().toLowerCase(),
                    connection.url().getHost());
        }
    }

    /** Leadership lost: polling first, so nothing new arrives; then the last replies go out. Handling goes on. */
    private synchronized void stopDelivery() {
        stopPolling();
        outbox.stop(SHUTDOWN_GRACE);
    }

    private void stopPolling() {
        if (setup != null) {
            setup.shutdownNow();
        }
        polling.stop();
    }

    /**
     * Quarkus' pre-shutdown step, while the HTTP server still answers: the sandbox's stand-in lives
     * there, so polling and the last replies must finish before it closes (else the poller logs an
     * ERROR and the shutdown waits for its long poll).
     */
    void onShutdownStarting(@Observes ShutdownDelayInitiatedEvent event) {
        stopAll();
    }

    void onStop(@Observes ShutdownEvent event) {
        stopAll();
    }

    /**
     * Intake first, so nothing new arrives; then the handlers finish; then the last replies go out.
     * Not synchronized as a whole: the leader's thread calls {@link #stopDelivery} while holding its own
     * lock, so holding this one into {@code leader.stop()} could deadlock.
     */
    private void stopAll() {
        synchronized (this) {
            stopPolling();
        }
        intake.stop(SHUTDOWN_GRACE);
        stopDelivery();
        leader.stop();
    }

    /** The menu in English for everyone, and in each other language for those whose Telegram uses it. */
    void publishCommandMenu() throws TelegramApiException {
        for (String language : Texts.LANGUAGES) {
            List<BotCommand> menu = Arrays.stream(CommandName.values())
                    .filter(CommandName::inMenu)
                    .map(name -> new BotCommand(name.command(), texts.get(language, name.descriptionKey())))
                    .toList();
            connection.client().execute(SetMyCommands.builder().commands(menu).scope(new BotCommandScopeDefault())
                    .languageCode(language.equals("en") ? null : language).build());
        }
    }

    void registerWebhook() throws TelegramApiException {
        TelegramConfig.Webhook webhook = connection.config().webhook();
        connection.client().execute(SetWebhook.builder()
                .url(webhook.url().orElseThrow().toString())
                .secretToken(webhook.secret().orElseThrow())
                .allowedUpdates(TelegramConnection.ALLOWED_UPDATES)
                .build());
        LOG.infof("Webhook registered at %s", webhook.url().orElseThrow().getHost());
    }

    private void untilDone(String what, TelegramCall call) {
        try {
            call.run();
        } catch (Exception e) {
            LOG.warnf("%s failed (%s); retrying in %s", what, e.getClass().getSimpleName(), SETUP_RETRY);
            if (!setup.isShutdown()) {
                setup.schedule(() -> untilDone(what, call), SETUP_RETRY.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    private static void checkWebhookSettings(TelegramConfig.Webhook webhook) {
        if (webhook.url().isEmpty()) {
            throw new IllegalStateException("BOT_MODE=webhook needs BOT_WEBHOOK_URL (the public HTTPS address of "
                    + "this service's /telegram/webhook)");
        }
        if (webhook.secret().isEmpty() || !WEBHOOK_SECRET.matcher(webhook.secret().get()).matches()) {
            throw new IllegalStateException("BOT_MODE=webhook needs BOT_WEBHOOK_SECRET: 1-256 characters of A-Z a-z 0-9 _ -");
        }
    }

    @FunctionalInterface
    private interface TelegramCall {
        void run() throws Exception;
    }
}
