package app.backcoach.sandbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The local web chat used when no BOT_TOKEN is set. */
@ConfigMapping(prefix = "sandbox")
public interface SandboxConfig {

    /** Serve the sandbox to other machines too; it has no login and lets anyone act as any test user. */
    @WithDefault("false")
    boolean allowRemote();
}
