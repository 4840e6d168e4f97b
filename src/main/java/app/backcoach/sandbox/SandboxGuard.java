package app.backcoach.sandbox;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.inject.Singleton;
import jakarta.ws.rs.NotFoundException;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** The sandbox exists only without a real token, and by default only for this machine. */
@Singleton
public class SandboxGuard {

    private final SandboxMode mode;
    private final SandboxConfig config;

    public SandboxGuard(SandboxMode mode, SandboxConfig config) {
        this.mode = mode;
        this.config = config;
    }

    /** Answers 404 (as if nothing were there) unless the sandbox is on and the caller may use it. */
    public void check(HttpServerRequest request) {
        if (!mode.active() || !(config.allowRemote() || isLoopback(request.remoteAddress()))) {
            throw new NotFoundException();
        }
    }

    private static boolean isLoopback(SocketAddress address) {
        if (address == null || address.hostAddress() == null) {
            return false;
        }
        try {
            return InetAddress.getByName(address.hostAddress()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
