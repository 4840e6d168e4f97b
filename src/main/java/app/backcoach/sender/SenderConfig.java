package app.backcoach.sender;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Outbound limits. Defaults follow Telegram's published limits. */
@ConfigMapping(prefix = "sender")
public interface SenderConfig {

    /** Sustained messages per second to one chat. */
    @WithDefault("1")
    double perChatPerSecond();

    /** Messages one chat may get at once before the per-chat rate applies (a reply split in two, say). */
    @WithDefault("3")
    int perChatBurst();

    /** Messages across all chats in any one second (replies due together go together, up to this many). */
    @WithDefault("30")
    double globalPerSecond();

    /** Bot API calls in flight at once. */
    @WithDefault("8")
    int workers();

    /** Attempts for a message that could not have been delivered (connection refused, Telegram 5xx). */
    @WithDefault("6")
    int maxAttempts();

    /** First retry delay; doubles with each attempt. */
    @WithDefault("1s")
    Duration retryDelay();

    /** Safety net: how often the outbox is looked at when nothing signalled new work. */
    @WithDefault("1s")
    Duration pollInterval();

    /**
     * A tap whose handling has not answered it this long after it arrived (the database is down, the
     * update is retried) gets a plain answer, so its spinner stops within Telegram's 15 s.
     */
    @WithDefault("8s")
    Duration tapDeadline();

    /** How long sent messages are kept (for edits and troubleshooting) before they are erased. */
    @WithDefault("7d")
    Duration keepSent();
}
