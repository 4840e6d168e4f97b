package app.backcoach.sandbox;

import app.backcoach.testing.MariaDbTestResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

/**
 * No BOT_TOKEN: the service runs as a sandbox and its bot talks to its own stand-in. The fake Bot
 * API (a global test resource elsewhere) is left out, so nothing sets a token; the port is fixed
 * up front because the sandbox points its client at its own address.
 */
public class SandboxProfile implements QuarkusTestProfile {

    public static final int PORT = freePort();

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.http.test-port", String.valueOf(PORT),
                // Debian's Chromium is newer than the DevTools versions Selenium ships; no test uses DevTools.
                "quarkus.log.category.\"org.openqa.selenium.devtools.CdpVersionFinder\".level", "ERROR");
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(MariaDbTestResource.class));
    }

    public static String baseUrl() {
        return "http://localhost:" + PORT + "/";
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
