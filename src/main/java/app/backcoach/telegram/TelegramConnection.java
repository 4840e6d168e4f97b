package app.backcoach.telegram;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import app.backcoach.sandbox.SandboxMode;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/** The configured Bot API endpoint and the TelegramBots client pointed at it. */
@Singleton
public class TelegramConnection {

    /** Update types the bot uses; Telegram sends nothing else. */
    static final java.util.List<String> ALLOWED_UPDATES =
            java.util.List.of("message", "edited_message", "callback_query", "my_chat_member");

    private static final int MAX_CALLS_AT_ONCE = 64;

    private final TelegramConfig config;
    private final boolean sandbox;
    private final String token;
    private final TelegramUrl url;
    private final ObjectMapper json;
    private final TelegramClient client;
    private final OkHttpClient sendingHttp;

    public TelegramConnection(TelegramConfig config, SandboxMode sandboxMode) {
        this.config = config;
        this.sandbox = sandboxMode.active();
        // Without a token the same client talks to the sandbox's stand-in instead of Telegram.
        this.token = config.token().orElse(sandboxMode.token());
        this.url = toTelegramUrl(sandbox ? sandboxMode.botApiUrl() : config.apiUrl());
        // Future Telegram fields must not make an update unreadable.
        this.json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        this.sendingHttp = sendingHttpClient(config.requestTimeout());
        this.client = new OkHttpTelegramClient(json, sendingHttp, token, url);
    }

    /** True when there is no BOT_TOKEN and the bot talks to the local sandbox. */
    public boolean isSandbox() {
        return sandbox;
    }

    public TelegramClient client() {
        return client;
    }

    /**
     * A client for one outbound call that reports what happened on the wire into {@code trace}. It shares
     * the connection pool and threads of the one sending client; only the listener is its own.
     */
    TelegramClient tracedClient(CallTrace trace) {
        OkHttpClient traced = sendingHttp.newBuilder().eventListener(trace).addNetworkInterceptor(trace).build();
        return new OkHttpTelegramClient(json, traced, token, url);
    }

    public String token() {
        return token;
    }

    public TelegramUrl url() {
        return url;
    }

    public ObjectMapper json() {
        return json;
    }

    public TelegramConfig config() {
        return config;
    }

    /** A client for long polling: its read timeout must outlast the poll Telegram holds open. */
    OkHttpClient pollingHttpClient() {
        Duration pollTimeout = config.polling().timeout();
        return new OkHttpClient.Builder()
                .connectTimeout(10, TimeUnit.SECONDS)
                .readTimeout(pollTimeout.plusSeconds(15))
                .build();
    }

    static TelegramUrl toTelegramUrl(URI apiUrl) {
        String scheme = apiUrl.getScheme() == null ? "https" : apiUrl.getScheme();
        int port = apiUrl.getPort() != -1 ? apiUrl.getPort() : "http".equals(scheme) ? 80 : 443;
        if (apiUrl.getHost() == null) {
            throw new IllegalArgumentException("BOT_API_URL needs a host, e.g. https://api.telegram.org");
        }
        return new TelegramUrl(scheme, apiUrl.getHost(), port, false);
    }

    /**
     * OkHttp would silently repeat a POST whose connection broke, possibly after Telegram got it;
     * retries are the sender's decision, made knowing whether repeating is safe.
     */
    private static OkHttpClient sendingHttpClient(Duration timeout) {
        // OkHttp runs at most 5 calls to one host at once by default; the sender's workers (sender.workers)
        // must not queue behind a slow call there, where no timeout of ours sees them.
        Dispatcher calls = new Dispatcher();
        calls.setMaxRequests(MAX_CALLS_AT_ONCE);
        calls.setMaxRequestsPerHost(MAX_CALLS_AT_ONCE);
        return new OkHttpClient.Builder()
                .dispatcher(calls)
                .retryOnConnectionFailure(false)
                .connectionPool(new ConnectionPool(8, 30, TimeUnit.SECONDS))
                .connectTimeout(Duration.ofSeconds(10))
                .callTimeout(timeout)
                .build();
    }
}
