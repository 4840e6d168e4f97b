package app.backcoach.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import app.backcoach.sandbox.SandboxMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.jboss.logging.Logger;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/** The configured Bot API endpoint, the one HTTP client that sends to it, and a TelegramBots client over that. */
@Singleton
public class TelegramConnection {

    private static final Logger LOG = Logger.getLogger(TelegramConnection.class);

    /** Update types the bot uses; Telegram sends nothing else. */
    static final java.util.List<String> ALLOWED_UPDATES =
            java.util.List.of("message", "edited_message", "callback_query", "my_chat_member");

    private static final int MAX_CALLS_AT_ONCE = 64;
    /** The content type TelegramBots' JSON calls go out with (OkHttp adds the charset to its "application/json"). */
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final TelegramConfig config;
    private final boolean sandbox;
    private final String token;
    private final TelegramUrl url;
    private final ObjectMapper json;
    private final TelegramClient client;
    private final OkHttpClient sendingHttp;
    private final HttpUrl botUrl;
    /** One URL per Bot API method, built once: the few methods the bot uses. */
    private final Map<String, HttpUrl> methodUrls = new ConcurrentHashMap<>();

    /**
     * Built on a thread of its own while the rest of the service starts: its HTTPS clients load the JDK's trusted
     * certificates (tens of milliseconds), which otherwise happened after the start, before the first poll.
     * Only configuration goes into it, so building it early changes nothing but when.
     */
    static void buildEarly(@Observes StartupEvent event, Instance<TelegramConnection> connection) {
        Thread builder = new Thread(() -> {
            try {
                connection.get();
            } catch (RuntimeException e) {
                // Its first real use builds it again and reports what is wrong there.
                LOG.debugf("Building the Telegram connection early failed (%s)", e.getClass().getSimpleName());
            }
        }, "telegram-connection");
        builder.setDaemon(true);
        builder.start();
    }

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
        this.botUrl = botUrl(url, token);
    }

    /** True when there is no BOT_TOKEN and the bot talks to the local sandbox. */
    public boolean isSandbox() {
        return sandbox;
    }

    public TelegramClient client() {
        return client;
    }

    /**
     * A Bot API call with a JSON body, built as TelegramBots builds it (POST to {@code /bot<token>/<method>}),
     * on the one sending client; {@code trace} rides along as the request's tag. Run it with
     * {@link Call#execute()} on the caller's own thread: TelegramBots' client would hand it to OkHttp's
     * dispatcher thread and block on a future.
     */
    Call jsonCall(BotApiMethod<?> method, CallTrace trace) throws JsonProcessingException {
        Request request = new Request.Builder()
                .url(methodUrls.computeIfAbsent(method.getMethod(),
                        name -> botUrl.newBuilder().addPathSegment(name).build()))
                .post(RequestBody.create(json.writeValueAsBytes(method), JSON))
                .tag(CallTrace.class, trace)
                .build();
        return sendingHttp.newCall(request);
    }

    /**
     * A TelegramBots client for one upload (multipart; rare) that reports what happened on the wire into
     * {@code trace}. It shares the connection pool and threads of the one sending client; only the listener
     * is its own.
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

    /** {@code <scheme>://<host>:<port>/bot<token>}, as TelegramBots builds it. Never logged: it holds the token. */
    private static HttpUrl botUrl(TelegramUrl url, String token) {
        HttpUrl.Builder builder = new HttpUrl.Builder()
                .scheme(url.getSchema())
                .host(url.getHost())
                .port(url.getPort())
                .addPathSegment("bot" + token);
        if (url.isTestServer()) {
            builder.addPathSegment("test");
        }
        return builder.build();
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
                .socketFactory(new InterruptibleSockets())
                .eventListenerFactory(CallTrace.LISTENERS)
                .addNetworkInterceptor(CallTrace.ON_THE_WIRE)
                .build();
    }

    /**
     * Sockets opened through a {@link SocketChannel}, whose blocking reads and writes end when their thread is
     * interrupted (the channel is closed; the interrupt flag stays set). A sender worker now waits on the socket
     * itself, not on a future: a plain socket would keep it, on a hard stop, until a timeout.
     */
    static final class InterruptibleSockets extends SocketFactory {

        /** The one OkHttp uses: it connects the socket itself, with its connect timeout. */
        @Override
        public Socket createSocket() throws IOException {
            return SocketChannel.open().socket();
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return connected(new InetSocketAddress(host, port), null);
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return connected(new InetSocketAddress(host, port), null);
        }

        @Override
        public Socket createSocket(InetAddress host, int port, InetAddress localHost, int localPort)
                throws IOException {
            return connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
        }

        private Socket connected(InetSocketAddress remote, InetSocketAddress local) throws IOException {
            Socket socket = createSocket();
            try {
                if (local != null) {
                    socket.bind(local);
                }
                socket.connect(remote);
                return socket;
            } catch (IOException e) {
                socket.close();
                throw e;
            }
        }
    }
}
