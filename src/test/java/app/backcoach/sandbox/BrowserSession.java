package app.backcoach.sandbox;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driving the sandbox page, for end-to-end tests.
 *
 * <p>Uses Debian's {@code chromium} and {@code chromium-driver} at fixed paths, so Selenium Manager is never asked
 * to find or download a browser or driver (the build machines have no internet). Each session has its own
 * temporary profile, deleted on {@link #close()}. Every wait is an explicit {@link WebDriverWait}.
 *
 * <p>{@link #awaitBotMessageContaining} looks only at bot messages that appeared or changed since this session's
 * last action ({@link #open}, {@link #sendMessage}, {@link #tapButton}, {@link #chooseCommand}), so a chat history
 * left by an earlier test cannot satisfy it.
 */
public final class BrowserSession implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

    private static final Duration POLL = Duration.ofMillis(100);

    /** One row per chat bubble, read in a single round trip. */
    private static final String READ_MESSAGES = """
            return Array.from(document.querySelectorAll('#messages .message')).map(function (m, i) {
              var body = m.querySelector('.message-body');
              return {
                element: m,
                id: m.getAttribute('data-id') || ('#' + i),
                bot: m.classList.contains('from-bot'),
                user: m.classList.contains('from-user'),
                text: ((body || m).innerText || '').trim()
              };
            });""";

    private static final String READ_WARNINGS = """
            return Array.from(document.querySelectorAll('#warnings .warning')).map(function (w) {
              var text = w.querySelector('.warning-text');
              return ((text || w).innerText || '').trim();
            });""";

    /** The page is loaded and, if it shows a connection state, its event stream is up. */
    private static final String PAGE_READY = """
            if (document.readyState !== 'complete') return false;
            if (!document.getElementById('messages') || !document.getElementById('input')) return false;
            var c = document.getElementById('connection');
            return !c || !c.dataset.state || c.dataset.state === 'connected';""";

    private final Path profile;
    private final ChromeDriver driver;
    private Map<String, String> seenAtLastAction = Map.of();
    private boolean closed;

    /** Starts a headless Chromium; fails (rather than skips) when Debian's browser packages are missing. */
    public BrowserSession() {
        requireExecutable(CHROMIUM, "chromium");
        requireExecutable(CHROMEDRIVER, "chromium-driver");
        try {
            profile = Files.createTempDirectory("backcoach-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
                "--lang=en-US",
                "--user-data-dir=" + profile,
                "--window-size=480,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            service.stop();
            deleteProfile();
            throw e;
        }
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    /** The underlying driver, for checks this helper does not offer. */
    public WebDriver driver() {
        return driver;
    }

    /** Loads the page and waits until it is ready: composer shown and event stream connected. */
    public void open(String url) {
        driver.get(url);
        waitUntil(DEFAULT_TIMEOUT, "the page at " + url + " to be ready (#messages, #input, connected)",
                d -> Boolean.TRUE.equals(js().executeScript(PAGE_READY)) ? Boolean.TRUE : null);
        markSeen();
    }

    /** Types the text into {@code #input} and presses Enter, as a person would. */
    public void sendMessage(String text) {
        WebElement input = wait(DEFAULT_TIMEOUT, "#input to accept typing")
                .until(ExpectedConditions.elementToBeClickable(By.id("input")));
        markSeen();
        input.clear();
        input.sendKeys(text);
        input.sendKeys(Keys.ENTER);
    }

    /**
     * Waits for a bot message, new or changed since the last action, whose {@code .message-body} contains the
     * text, and returns its {@code .message} element (the newest such, if several).
     */
    public WebElement awaitBotMessageContaining(String text, Duration timeout) {
        Map<String, String> before = seenAtLastAction;
        return waitUntil(timeout, "a new bot message containing \"" + text + "\"", d -> {
            WebElement found = null;
            for (Bubble bubble : bubbles()) {
                boolean fresh = !Objects.equals(before.get(bubble.id()), bubble.text());
                if (bubble.bot() && fresh && bubble.text().contains(text)) {
                    found = bubble.element();
                }
            }
            return found;
        });
    }

    /** Waits for a bubble of the user's own ({@code .message.from-user}) whose text is exactly this one. */
    public WebElement awaitUserMessage(String text, Duration timeout) {
        return waitUntil(timeout, "a user message \"" + text + "\"", d -> bubbles().stream()
                .filter(bubble -> bubble.user() && bubble.text().equals(text))
                .reduce((first, second) -> second)
                .map(Bubble::element)
                .orElse(null));
    }

    /**
     * Taps the inline button with this callback data under that message. The page re-renders a message when it
     * changes, so the message is found again by its {@code data-id}; a toast covering the button is waited out.
     */
    public void tapButton(WebElement message, String callbackData) {
        String id = message.getAttribute("data-id");
        if (id == null) {
            throw new IllegalArgumentException("Not a chat message (no data-id): " + message);
        }
        markSeen();
        WebDriverWait wait = wait(DEFAULT_TIMEOUT,
                "an enabled button with callback \"" + callbackData + "\" in message " + id);
        wait.ignoring(ElementClickInterceptedException.class).ignoring(ElementNotInteractableException.class);
        wait.until(d -> {
            for (WebElement current : d.findElements(By.cssSelector("#messages .message"))) {
                if (!id.equals(current.getAttribute("data-id"))) {
                    continue;
                }
                for (WebElement button : current.findElements(By.cssSelector(".keyboard button.inline-button"))) {
                    if (callbackData.equals(button.getAttribute("data-callback"))
                            && button.isDisplayed() && button.isEnabled()) {
                        button.click();
                        return true;
                    }
                }
            }
            return null;
        });
    }

    /**
     * Opens the command menu ({@code #menu-button}) and picks the command, with or without its slash; the page
     * sends it. Waits for the menu entry, since the bot may register its commands after the page loaded.
     */
    public void chooseCommand(String command) {
        String name = command.startsWith("/") ? command.substring(1) : command;
        markSeen();
        WebDriverWait wait = wait(DEFAULT_TIMEOUT, "the command menu to offer /" + name);
        wait.ignoring(ElementClickInterceptedException.class).ignoring(ElementNotInteractableException.class);
        wait.until(d -> {
            WebElement menu = d.findElement(By.id("command-menu"));
            if (!menu.isDisplayed()) {
                d.findElement(By.id("menu-button")).click();
                return null;
            }
            for (WebElement item : menu.findElements(By.cssSelector(".command-item"))) {
                if (isCommand(item, name) && item.isDisplayed()) {
                    item.click();
                    return true;
                }
            }
            return null;
        });
    }

    /** The text of every bot message on the page, oldest first. */
    public List<String> botMessages() {
        return bubbles().stream().filter(Bubble::bot).map(Bubble::text).toList();
    }

    /** The text of every message the user sent, oldest first. */
    public List<String> userMessages() {
        return bubbles().stream().filter(Bubble::user).map(Bubble::text).toList();
    }

    /** The warnings the page shows (what Telegram would have rejected), newest first as on the page. */
    public List<String> warnings() {
        List<?> rows = (List<?>) js().executeScript(READ_WARNINGS);
        List<String> texts = new ArrayList<>();
        for (Object row : rows) {
            texts.add(String.valueOf(row));
        }
        return texts;
    }

    /** Saves a PNG of the window, creating the parent folders; returns the file. */
    public Path screenshot(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Quits the browser and its driver and deletes the temporary profile. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            driver.quit();
        } finally {
            deleteProfile();
        }
    }

    private record Bubble(WebElement element, String id, boolean bot, boolean user, String text) {
    }

    private List<Bubble> bubbles() {
        List<?> rows = (List<?>) js().executeScript(READ_MESSAGES);
        List<Bubble> bubbles = new ArrayList<>(rows.size());
        for (Object row : rows) {
            Map<?, ?> m = (Map<?, ?>) row;
            bubbles.add(new Bubble((WebElement) m.get("element"), String.valueOf(m.get("id")),
                    Boolean.TRUE.equals(m.get("bot")), Boolean.TRUE.equals(m.get("user")),
                    String.valueOf(m.get("text"))));
        }
        return bubbles;
    }

    /** Remembers what every message said, so that awaits after an action only see what changed. */
    private void markSeen() {
        Map<String, String> seen = new HashMap<>();
        for (Bubble bubble : bubbles()) {
            seen.put(bubble.id(), bubble.text());
        }
        seenAtLastAction = seen;
    }

    private static boolean isCommand(WebElement item, String name) {
        String data = item.getAttribute("data-command");
        if (data != null && !data.isBlank()) {
            return stripSlash(data.strip()).equalsIgnoreCase(name);
        }
        String[] words = item.getText().strip().split("\\s+", 2);
        return words.length > 0 && stripSlash(words[0]).equalsIgnoreCase(name);
    }

    private static String stripSlash(String command) {
        return command.startsWith("/") ? command.substring(1) : command;
    }

    private JavascriptExecutor js() {
        return driver;
    }

    private WebDriverWait wait(Duration timeout, String what) {
        WebDriverWait wait = new WebDriverWait(driver, timeout, POLL);
        wait.ignoring(StaleElementReferenceException.class);
        wait.withMessage(() -> "waiting for " + what + "; " + describePage());
        return wait;
    }

    private <T> T waitUntil(Duration timeout, String what, Function<WebDriver, T> condition) {
        return wait(timeout, what).until(condition::apply);
    }

    /** What a failing wait reports: the messages and warnings on the page at that moment. */
    private String describePage() {
        try {
            return "page " + driver.getCurrentUrl() + " shows bot messages " + botMessages()
                    + ", user messages " + userMessages() + ", warnings " + warnings();
        } catch (RuntimeException e) {
            return "the page could not be read: " + e;
        }
    }

    private void deleteProfile() {
        // Chromium may still be flushing its profile for a moment after quitting: a second pass catches that.
        for (int attempt = 0; attempt < 2 && Files.exists(profile); attempt++) {
            try (Stream<Path> paths = Files.walk(profile)) {
                paths.sorted(Comparator.reverseOrder()).forEach(BrowserSession::deleteQuietly);
            } catch (IOException | UncheckedIOException e) {
                // tried again below, or left for the OS's temp cleaning
            }
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // a file still being written; the next pass takes it
        }
    }

    private static void requireExecutable(Path path, String debianPackage) {
        if (!Files.isExecutable(path)) {
            throw new IllegalStateException("Browser tests need " + path + " (Debian package " + debianPackage
                    + "), which is missing. Install both with: "
                    + "apt-get install -y chromium chromium-driver (.ci/run does this).");
        }
    }
}
