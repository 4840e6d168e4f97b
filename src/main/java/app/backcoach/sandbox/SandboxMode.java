package app.backcoach.sandbox;

import io.quarkus.runtime.LaunchMode;
import jakarta.inject.Singleton;
import java.net.URI;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether the service runs as a sandbox: with no BOT_TOKEN, it serves its own stand-in for the Bot
 * API and points its Telegram client at it, so the bot's code path is the one used with Telegram.
 */
@Singleton
public class SandboxMode {

    private final boolean active;
    private final String token;
    private final int port;

    public SandboxMode(@ConfigProperty(name = "bot.token") Optional<String> botToken,
                       @ConfigProperty(name = "quarkus.http.port") int port,
                       @ConfigProperty(name = "quarkus.http.test-port", defaultValue = "8081") int testPort) {
        this.active = botToken.isEmpty();
        // A fresh secret per start: only this process can act as the bot on the stand-in.
        byte[] secret = new byte[18];
        new SecureRandom().nextBytes(secret);
        this.token = "1:sandbox-" + HexFormat.of().formatHex(secret);
        this.port = LaunchMode.current() == LaunchMode.TEST ? testPort : port;
    }

    public boolean active() {
        return active;
    }

    /** The token the bot uses against the stand-in; meaningless anywhere else. */
    public String token() {
        return token;
    }

    public URI botApiUrl() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public String pageUrl() {
        return "http://localhost:" + port + "/";
    }
}
