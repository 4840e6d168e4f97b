package app.backcoach.telegram;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** How the service reaches Telegram. Environment variables: BOT_TOKEN, BOT_API_URL, BOT_MODE, BOT_WEBHOOK_*. */
@ConfigMapping(prefix = "bot")
public interface TelegramConfig {

    /** Without a token the service runs without Telegram (sandbox mode). */
    Optional<String> token();

    @WithDefault("https://api.telegram.org")
    URI apiUrl();

    @WithDefault("polling")
    Mode mode();

    Webhook webhook();

    Polling polling();

    /** Time allowed for one Bot API call other than the long poll. */
    @WithDefault("15s")
    Duration requestTimeout();

    enum Mode { POLLING, WEBHOOK }

    interface Webhook {
        /** Public HTTPS address Telegram posts to; it must lead to this service's /telegram/webhook. */
        Optional<URI> url();

        /** Sent back by Telegram in X-Telegram-Bot-Api-Secret-Token: 1–256 of A-Z a-z 0-9 _ -. */
        Optional<String> secret();
    }

    interface Polling {
        /** Long-poll timeout Telegram holds an empty getUpdates for. */
        @WithDefault("50s")
        Duration timeout();

        /** Pause before retrying to record updates while the database is unavailable. */
        @WithDefault("2s")
        Duration recordRetryDelay();
    }
}
