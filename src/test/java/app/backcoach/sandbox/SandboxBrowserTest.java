package app.backcoach.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/** The sandbox as a person uses it: a real (headless) Chromium on the web chat, the real bot behind it. */
@QuarkusTest
@TestProfile(SandboxProfile.class)
class SandboxBrowserTest {

    static final Duration REPLY = Duration.ofSeconds(20);
    static final Path SCREENSHOT = Path.of("target", "sandbox-screenshot.png");
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

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
