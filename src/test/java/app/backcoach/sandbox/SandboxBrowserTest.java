package app.backcoach.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/** The sandbox as a person uses it: a real (headless) Chromium on the web chat, the real bot behind it. */
@QuarkusTest
@TestProfile(SandboxBrowserTest.SandboxMode.class)
class SandboxBrowserTest {

    static final Duration REPLY = Duration.ofSeconds(20);
    static final Path SCREENSHOT = Path.of("target", "sandbox-screenshot.png");
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    /**
     * No token, so the service runs as a sandbox (the empty value outranks the token the global fake Bot API
     * resource sets). The HTTP port is fixed up front: the sandbox points its own Telegram client at it.
     */
    public static class SandboxMode implements QuarkusTestProfile {

        static final int PORT = freePort();

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "bot.token", "",
                    "quarkus.http.test-port", String.valueOf(PORT),
                    // Debian's Chromium is newer than the DevTools versions Selenium ships; no test uses DevTools.
                    "quarkus.log.category.\"org.openqa.selenium.devtools.CdpVersionFinder\".level", "ERROR");
        }

        private static int freePort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Test
    void startThenTapForHelpShowsTheHelpWithoutWarnings() throws IOException {
        try (BrowserSession browser = new BrowserSession()) {
            browser.open(pageUrl());

            browser.sendMessage("/start");
            WebElement welcome = browser.awaitBotMessageContaining("Back Coach", REPLY);
            assertThat(browser.awaitUserMessage("/start", REPLY).getAttribute("class"))
                    .contains("message").contains("from-user");

            browser.tapButton(welcome, "help:show");
            browser.awaitBotMessageContaining("What I can do", REPLY);

            assertThat(browser.warnings()).isEmpty();
            assertThat(browser.userMessages()).contains("/start");

            browser.screenshot(SCREENSHOT);
        }
        assertThat(SCREENSHOT).exists();
        assertThat(Files.size(SCREENSHOT)).isGreaterThan(10 * 1024);
        try (InputStream in = Files.newInputStream(SCREENSHOT)) {
            assertThat(in.readNBytes(PNG_SIGNATURE.length)).isEqualTo(PNG_SIGNATURE);
        }
    }

    @Test
    void theCommandMenuSendsHelp() {
        try (BrowserSession browser = new BrowserSession()) {
            browser.open(pageUrl());

            browser.chooseCommand("/help");

            browser.awaitUserMessage("/help", REPLY);
            browser.awaitBotMessageContaining("What I can do", REPLY);
            assertThat(browser.warnings()).isEmpty();
        }
    }

    private String pageUrl() {
        return "http://localhost:" + port + "/";
    }
}
