package app.backcoach.intake;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How recorded updates are processed. */
@ConfigMapping(prefix = "intake")
public interface IntakeConfig {

    /** Chats handled in parallel; one chat's updates always run one after another. */
    @WithDefault("8")
    int workers();

    /** Attempts before a failing update is parked. */
    @WithDefault("5")
    int maxAttempts();

    /** Delay before the first retry; doubles with each further attempt. */
    @WithDefault("1s")
    Duration retryDelay();

    /** Safety net: how often the inbox is looked at when nothing signalled new work. */
    @WithDefault("1s")
    Duration pollInterval();

    /** How long handled update ids are kept to recognise redeliveries. */
    @WithDefault("7d")
    Duration keepHandled();
}
