package app.backcoach.telegram;

import static app.backcoach.testing.FakeBotApi.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import app.backcoach.sandbox.SandboxMode;
import app.backcoach.sender.DeliveryOutcome;
import app.backcoach.sender.Outbound;
import app.backcoach.testing.FakeBotApi;
import app.backcoach.testing.FakeBotApi.Failure;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link TelegramBotApi} over real HTTP against the fake Bot API: the call runs on the caller's thread, and
 * what comes back is classified as {@link TelegramBotApiClassifyTest}'s table says.
 */
class TelegramBotApiWireTest {

    private static final long CHAT = 7_001;
    /** Long enough that a call which only a timeout ends is told apart from one an interrupt ends. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private static final FakeBotApi fake = new FakeBotApi();
    private static TelegramBotApi api;

    @BeforeAll
    static void start() {
        fake.start();
        api = apiAt(URI.create(fake.baseUrl()), REQUEST_TIMEOUT);
    }

    @AfterAll
    static void stop() {
        fake.stop();
    }

    @BeforeEach
    void clean() {
        fake.reset();
    }

    @AfterEach
    void release() {
        fake.onCall(null);
        fake.releaseHungCalls();
    }

    @Test
    void theCallIsMadeOnTheCallersThreadNotOnOkHttpsDispatcher() {
        Thread caller = Thread.currentThread();
        AtomicReference<StackTraceElement[]> callerWhileTelegramHadIt = new AtomicReference<>();
        // Runs when the request has arrived and before it is answered: the caller is waiting for the answer.
        fake.onCall(call -> callerWhileTelegramHadIt.set(caller.getStackTrace()));

        DeliveryOutcome outcome = deliver(api, new Outbound.Text(CHAT, "<b>hello</b>", null));

        assertThat(outcome).isInstanceOf(DeliveryOutcome.Delivered.class);
        assertThat(((DeliveryOutcome.Delivered) outcome).messageId()).isNotNull();
        assertThat(fake.sentMessages(CHAT)).singleElement()
                .extracting(FakeBotApi.Call::text).isEqualTo("<b>hello</b>");
        assertThat(fake.violations()).isEmpty();
        // Waiting in OkHttp's synchronous call, not on a future that a dispatcher thread completes.
        assertThat(callerWhileTelegramHadIt.get())
                .anyMatch(frame -> frame.getClassName().equals("okhttp3.internal.connection.RealCall")
                        && frame.getMethodName().equals("execute"))
                .noneMatch(frame -> frame.getClassName().equals(CompletableFuture.class.getName()));
    }

    static Stream<Arguments> answers() {
        return Stream.of(
                Arguments.of(Failure.tooManyRequests(7), new DeliveryOutcome.RateLimited(Duration.ofSeconds(7))),
                Arguments.of(Failure.badGatewayHtml(),
                        new DeliveryOutcome.NotDelivered("a proxy's error page: Telegram was not reached")),
                Arguments.of(Failure.gatewayTimeoutHtml(),
                        new DeliveryOutcome.NotDelivered("a proxy's error page: Telegram was not reached")),
                Arguments.of(Failure.blocked(), new DeliveryOutcome.Blocked("forbidden")),
                Arguments.of(Failure.error(400, "Bad Request: message to edit not found"),
                        new DeliveryOutcome.Rejected(400, "bad request")),
                Arguments.of(Failure.serverError(),
                        new DeliveryOutcome.Uncertain("Telegram answered 500; it may have done it")),
                // The fake reads the request in full before it drops the connection.
                Arguments.of(Failure.dropConnection(), new DeliveryOutcome.Uncertain("connection broke: IOException")),
                // Answers that say nothing readable about a new message: it may or may not exist.
                Arguments.of(Failure.oddAnswer("{\"ok\": true, \"result\": true}"),
                        new DeliveryOutcome.Uncertain("unreadable answer")),
                Arguments.of(Failure.oddAnswer("not json"), new DeliveryOutcome.Uncertain("unreadable answer")),
                Arguments.of(Failure.oddAnswer("{\"ok\": false}"), new DeliveryOutcome.Uncertain("unreadable answer")),
                Arguments.of(Failure.oddAnswer("{\"ok\": \"true\", \"result\": {\"message_id\": 4242}}"),
                        new DeliveryOutcome.Uncertain("unreadable answer")),
                Arguments.of(Failure.oddAnswer("{\"ok\": true, \"result\": {\"message_id\": 4242"),
                        new DeliveryOutcome.Uncertain("unreadable answer")),
                Arguments.of(Failure.oddAnswer("{\"ok\":"), new DeliveryOutcome.Uncertain("unreadable answer")),
                Arguments.of(Failure.oddAnswer("{\"ok\": true, \"result\": {\"message_id\": \"4242\"}}"),
                        new DeliveryOutcome.Uncertain("unreadable answer")),
                Arguments.of(Failure.oddAnswer("[{\"ok\": true, \"result\": {\"message_id\": 4242}}]"),
                        new DeliveryOutcome.Uncertain("unreadable answer")),
                Arguments.of(Failure.oddAnswer("{\"ok\": false, \"error_code\": 429, \"parameters\": {\"retry_after\": 3}}"),
                        new DeliveryOutcome.RateLimited(Duration.ofSeconds(3))),
                Arguments.of(Failure.oddAnswer("{\"ok\": true, \"result\": {\"message_id\": 4242, \"date\": 1,"
                        + " \"chat\": {\"id\": 1, \"type\": \"private\"}, \"text\": \"Grüße 👋\","
                        + " \"entities\": [{\"type\": \"bold\", \"offset\": 0, \"length\": 5}], \"reply_markup\":"
                        + " {\"inline_keyboard\": [[{\"text\": \"ok\", \"callback_data\": \"x\"}]]}}}"),
                        new DeliveryOutcome.Delivered(4242L)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("answers")
    void whatTelegramOrAProxyAnswersIsClassifiedAsBefore(Failure failure, DeliveryOutcome expected) {
        fake.failNext("sendMessage", CHAT, failure);

        assertThat(deliver(api, new Outbound.Text(CHAT, "hi", null))).isEqualTo(expected);
    }

    /** An edit or a tap's answer may come back as a bare true: done, with no new message to know. */
    @Test
    void anEditAnsweredWithTrueIsDone() {
        fake.failNext("editMessageText", CHAT, Failure.oddAnswer("{\"ok\": true, \"result\": true}"));

        assertThat(deliver(api, new Outbound.EditText(CHAT, 7, "<i>edited</i>", null)))
                .isEqualTo(new DeliveryOutcome.Delivered(null));
    }

    @Test
    void anUploadStillGoesOutAndAProxysPageOnItIsNotDelivered() {
        byte[] content = "{}".getBytes(StandardCharsets.UTF_8);
        Outbound.Document export = new Outbound.Document(CHAT, "export.json", content, null);

        assertThat(deliver(api, export)).isInstanceOf(DeliveryOutcome.Delivered.class);
        fake.failNext("sendDocument", CHAT, Failure.badGatewayHtml());
        assertThat(deliver(api, export)).isInstanceOf(DeliveryOutcome.NotDelivered.class);
    }

    @Test
    void aRefusedConnectionIsNotDelivered() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        TelegramBotApi nowhere = apiAt(URI.create("http://127.0.0.1:" + closedPort), REQUEST_TIMEOUT);

        assertThat(deliver(nowhere, new Outbound.Text(CHAT, "hi", null)))
                .isEqualTo(new DeliveryOutcome.NotDelivered("could not connect: ConnectException"));
    }

    @Test
    void aCallThatOutlivesItsTimeoutIsUncertain() {
        TelegramBotApi impatient = apiAt(URI.create(fake.baseUrl()), Duration.ofMillis(500));
        fake.failNext("sendMessage", CHAT, Failure.hang(true));

        // OkHttp's callTimeout ends it, after the request was written out: Telegram may have done it.
        assertThat(deliver(impatient, new Outbound.Text(CHAT, "hi", null)))
                .isEqualTo(new DeliveryOutcome.Uncertain("connection broke: InterruptedIOException"));
    }

    @Test
    void anInterruptEndsTheCallAtOnceAsUncertainAndTheFlagStaysSet() throws Exception {
        fake.failNext("sendMessage", CHAT, Failure.hang(false));
        CompletableFuture<DeliveryOutcome> outcome = new CompletableFuture<>();
        CompletableFuture<Boolean> stillInterrupted = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            outcome.complete(api.deliver(new Outbound.Text(CHAT, "hi", null)));
            stillInterrupted.complete(Thread.currentThread().isInterrupted());
        }, "test-sender-worker");
        fake.onCall(call -> worker.interrupt()); // a hard stop while the call waits for its answer

        worker.start();

        // Well before any timeout (REQUEST_TIMEOUT, OkHttp's 10 s read timeout) could end it.
        assertThat(outcome.get(3, TimeUnit.SECONDS))
                .isEqualTo(new DeliveryOutcome.Uncertain("interrupted while waiting for Telegram"));
        assertThat(stillInterrupted.get(1, TimeUnit.SECONDS)).isTrue();
    }

    /** Delivers, and checks that the outcome's text cannot carry the token (callers log it). */
    private static DeliveryOutcome deliver(TelegramBotApi botApi, Outbound message) {
        DeliveryOutcome outcome = botApi.deliver(message);
        assertThat(outcome.toString()).doesNotContain(TOKEN.substring(TOKEN.indexOf(':') + 1));
        return outcome;
    }

    private static TelegramBotApi apiAt(URI apiUrl, Duration requestTimeout) {
        SandboxMode notSandbox = new SandboxMode(Optional.of(TOKEN), 0, 0);
        return new TelegramBotApi(new TelegramConnection(new Config(apiUrl, requestTimeout), notSandbox));
    }

    /** The settings {@link TelegramConnection} reads; the rest belong to intake. */
    private record Config(URI apiUrl, Duration requestTimeout) implements TelegramConfig {

        @Override
        public Optional<String> token() {
            return Optional.of(TOKEN);
        }

        @Override
        public Mode mode() {
            return Mode.POLLING;
        }

        @Override
        public Webhook webhook() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Polling polling() {
            throw new UnsupportedOperationException();
        }
    }
}
