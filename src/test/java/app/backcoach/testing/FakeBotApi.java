package app.backcoach.testing;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A fake Telegram Bot API for tests: a plain HTTP server on 127.0.0.1 that the real TelegramBots client talks to.
 *
 * <p>It long-polls {@code getUpdates} like Telegram (offsets confirm, empty polls are held), answers the methods the
 * bot uses, refuses what Telegram would refuse (bad HTML, over-long text, over-long button data), records every call,
 * and plays scripted failures (429, 403, 5xx, HTML error pages, dropped connections).
 *
 * <p>A Quarkus test run shares one instance ({@link #instance()}, started by {@link FakeBotApiResource}); call
 * {@link #reset()} between tests. Update ids and message ids are never reset, because the bot deduplicates on them.
 * All methods are thread-safe.
 */
public final class FakeBotApi {

    public static final String TOKEN = "123456:TEST-token-ABCdef_0123456789-never-log-me";

    static final int MAX_TEXT_LENGTH = 4096;
    static final int MAX_CALLBACK_DATA_BYTES = 64;
    private static final int MAX_UPDATES_PER_POLL = 100; // also the default limit
    private static final int SERVER_THREADS = 16;
    private static final String SEND_MESSAGE = "sendMessage";
    private static final String GET_UPDATES = "getUpdates";
    static final String NOT_MODIFIED = "message is not modified: specified new message content and reply markup are "
            + "exactly the same as a current content and reply markup of the message";
    static final String QUERY_TOO_OLD = "query is too old and response timeout expired or query ID is invalid";
    private static final Duration CALLBACK_WINDOW = Duration.ofSeconds(15);
    private static final Pattern PATH = Pattern.compile("/bot([^/]*)/(?:test/)?([^/]+)/?");
    private static final Pattern BOUNDARY = Pattern.compile("boundary=(\"?)([^\";]+)\\1");
    private static final Pattern FIELD_NAME = Pattern.compile("\\bname=\"([^\"]*)\"");

    // The JDK server logs request lines, which carry the token, at DEBUG. Held here so the level we set sticks
    // (JUL only keeps weak references to loggers).
    private static final java.util.logging.Logger JDK_SERVER_LOG =
            java.util.logging.Logger.getLogger("com.sun.net.httpserver");
    private static final System.Logger LOG = System.getLogger(FakeBotApi.class.getName());
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static FakeBotApi shared;

    static {
        // The JDK server writes an answer's headers and body apart; on a kept connection Nagle's algorithm then
        // holds the body until the client's delayed ACK, about 40 ms a call. Read once, when the server's config
        // class loads, so set before any server starts. (A closed connection flushed the body at once.)
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Endpoint> endpoints = endpoints();
    private final AtomicInteger nextUpdateId = new AtomicInteger(firstUpdateId());
    // Message ids count per chat, shared by the person's and the bot's messages, as in a private chat on Telegram.
    private final Map<Long, AtomicInteger> nextMessageIds = new HashMap<>();
    // Like update ids, from a wall-clock value: a database kept from an earlier run knows smaller ids only.
    private final int firstMessageId = firstUpdateId();

    // Guarded by "this": the server's lifecycle.
    private HttpServer server;
    private ExecutorService serverThreads;

    // Guarded by "lock", which is also what held polls and awaitCalls wait on: every change notifies it.
    private final Object lock = new Object();
    private final List<ObjectNode> pendingUpdates = new ArrayList<>();
    private final Map<Integer, ObjectNode> pushedUpdates = new HashMap<>();
    private final Map<MessageKey, ObjectNode> sentMessagesById = new HashMap<>();
    private final Map<String, Instant> callbackQueries = new HashMap<>(); // id -> when the tap was pushed
    private final Set<String> answeredQueries = new java.util.HashSet<>();
    private final List<MessageKey> deletedMessages = new ArrayList<>();
    private final List<Call> calls = new ArrayList<>();
    private final List<GetUpdatesCall> getUpdatesCalls = new ArrayList<>();
    private final List<Integer> deliveredUpdateIds = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();
    private final List<ScriptedFailure> scriptedFailures = new ArrayList<>();
    private boolean confirmationsFrozen;
    private volatile boolean keepAlive;
    private volatile java.util.function.Consumer<Call> callListener;
    private int confirmedUpToExclusive;
    private int pollGeneration; // bumped to send every held poll home with []
    private int hungGeneration; // bumped to end every call held by Failure.hang
    private int hung;

    /** The instance shared by a test run (what {@link FakeBotApiResource} starts). */
    public static synchronized FakeBotApi instance() {
        if (shared == null) {
            shared = new FakeBotApi();
        }
        return shared;
    }

    /** A private instance, for tests that must not share state with a running Quarkus app (like the self-test). */
    public FakeBotApi() {
    }

    /**
     * Keeps connections open between calls, as the real Bot API does (HTTP/1.1 keep-alive): for benchmarks,
     * where a connection opened and closed per call would be measured as the bot's cost. Not for scripted
     * dropped connections, which a kept connection would hide (see {@link #send}).
     */
    public FakeBotApi keepingConnections() {
        this.keepAlive = true;
        return this;
    }

    // ---------------------------------------------------------------- lifecycle

    /** Starts listening on a free port of 127.0.0.1; does nothing if already started. */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        JDK_SERVER_LOG.setLevel(java.util.logging.Level.INFO);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("fake Bot API could not bind a port", e);
        }
        serverThreads = Executors.newFixedThreadPool(SERVER_THREADS, daemonThreads());
        server.setExecutor(serverThreads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Stops the server; held polls are answered first. Recorded state stays until {@link #reset()}. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        releaseHeldPolls();
        releaseHungCalls();
        server.stop(0);
        serverThreads.shutdownNow();
        server = null;
        serverThreads = null;
    }

    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("fake Bot API is not started");
        }
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<port>}: what the bot's API URL should be. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /**
     * Forgets pending updates, recorded calls, violations, scripted failures and the frozen flag. Update and message
     * ids keep counting, and every update id handed out so far counts as confirmed.
     */
    public void reset() {
        synchronized (lock) {
            pendingUpdates.clear();
            calls.clear();
            getUpdatesCalls.clear();
            deliveredUpdateIds.clear();
            violations.clear();
            scriptedFailures.clear();
            hungGeneration++;
            confirmationsFrozen = false;
            confirmedUpToExclusive = Math.max(confirmedUpToExclusive, nextUpdateId.get());
            lock.notifyAll();
        }
    }

    // ---------------------------------------------------------------- updates the bot will receive

    /** A private-chat text message from user {@code chatId}; returns its update id. */
    public int pushText(long chatId, String text) {
        synchronized (lock) { // ids are handed out and queued in one step, as Telegram's come in order
            return push(newUpdate("message", userMessage(privateChat(chatId), user(chatId), text)));
        }
    }

    /** A text message from user {@code fromUserId} in the group {@code groupChatId}; returns its update id. */
    public int pushGroupText(long groupChatId, long fromUserId, String text) {
        synchronized (lock) {
            return push(newUpdate("message", userMessage(groupChat(groupChatId), user(fromUserId), text)));
        }
    }

    /** A press on an inline button of message {@code messageId} in the private chat {@code chatId}. */
    public int pushCallback(long chatId, long messageId, String data) {
        synchronized (lock) {
            return pushCallbackInOrder(chatId, messageId, data);
        }
    }

    private int pushCallbackInOrder(long chatId, long messageId, String data) {
        ObjectNode update = newUpdate("callback_query", NODES.objectNode());
        ObjectNode query = (ObjectNode) update.get("callback_query");
        query.put("id", "cq" + update.get("update_id").asInt());
        callbackQueries.put(query.get("id").asText(), Instant.now());
        query.set("from", user(chatId));
        query.set("message", messageForCallback(chatId, messageId));
        query.put("chat_instance", "ci" + chatId);
        query.put("data", data);
        return push(update);
    }

    /** The user {@code chatId} blocked ("kicked") or unblocked ("member") the bot. */
    public int pushMyChatMember(long chatId, String newStatus) {
        if (!Set.of("kicked", "member").contains(newStatus)) {
            throw new IllegalArgumentException("newStatus must be \"kicked\" or \"member\", not " + newStatus);
        }
        ObjectNode change = NODES.objectNode();
        change.set("chat", privateChat(chatId));
        change.set("from", user(chatId));
        change.put("date", nowSeconds());
        change.set("old_chat_member", botMembership(newStatus.equals("kicked") ? "member" : "kicked"));
        change.set("new_chat_member", botMembership(newStatus));
        return push(newUpdate("my_chat_member", change));
    }

    /** Pushes a hand-made update (a copy of it), giving it the next update id unless it has one. */
    public int pushRaw(ObjectNode update) {
        synchronized (lock) {
            return pushRawInOrder(update);
        }
    }

    private int pushRawInOrder(ObjectNode update) {
        ObjectNode copy = update.deepCopy();
        if (copy.hasNonNull("update_id")) {
            int id = copy.get("update_id").asInt();
            nextUpdateId.accumulateAndGet(id + 1, Math::max); // keep later ids unique
        } else {
            copy.put("update_id", nextUpdateId.getAndIncrement());
        }
        return push(copy);
    }

    /**
     * Delivers an already pushed update again, same id and content, as Telegram does when the poll that confirmed
     * it never arrived. It is pending again even if it was confirmed (and twice over if it still was pending): only a
     * poll whose offset is at most its id gets it, such as a new session's first, and a higher offset forgets it.
     */
    public int pushDuplicate(int updateId) {
        synchronized (lock) {
            ObjectNode original = pushedUpdates.get(updateId);
            if (original == null) {
                throw new IllegalArgumentException("no update with id " + updateId + " was pushed");
            }
            pendingUpdates.add(original);
            lock.notifyAll();
            return updateId;
        }
    }

    // ---------------------------------------------------------------- getUpdates bookkeeping and controls

    /** The highest offset any getUpdates applied: every update id below it is confirmed and forgotten. */
    public int confirmedUpToExclusive() {
        synchronized (lock) {
            return confirmedUpToExclusive;
        }
    }

    /** Every getUpdates request received, oldest first (also those refused by a scripted failure or frozen). */
    public List<GetUpdatesCall> getUpdatesCalls() {
        synchronized (lock) {
            return List.copyOf(getUpdatesCalls);
        }
    }

    /** The ids of every update getUpdates handed out, in order; a redelivered update appears again. */
    public List<Integer> deliveredUpdateIds() {
        synchronized (lock) {
            return List.copyOf(deliveredUpdateIds);
        }
    }

    /**
     * While frozen, getUpdates applies no offset and returns nothing: it is held for its timeout and answers [], as
     * if it never reached Telegram (a process that died before confirming, or a network cut). Unfreezing answers the
     * polls that arrived frozen at once, so the client polls again promptly.
     */
    public void freezeConfirmations(boolean frozen) {
        synchronized (lock) {
            confirmationsFrozen = frozen;
            lock.notifyAll();
        }
    }

    /** Lets every call held by {@link Failure#hang} end (with a dropped connection). */
    public void releaseHungCalls() {
        synchronized (lock) {
            hungGeneration++;
            lock.notifyAll();
        }
    }

    /** How many calls are being held by {@link Failure#hang} now. */
    public int hungCalls() {
        synchronized (lock) {
            return hung;
        }
    }

    private void awaitHungRelease() {
        synchronized (lock) {
            int generation = hungGeneration;
            hung++;
            lock.notifyAll();
            try {
                while (generation == hungGeneration) {
                    lock.wait(1000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                hung--;
            }
        }
    }

    /** Answers every held getUpdates with [] now: lets a closed client's polling thread finish without waiting. */
    public void releaseHeldPolls() {
        synchronized (lock) {
            pollGeneration++;
            lock.notifyAll();
        }
    }

    // ---------------------------------------------------------------- scripted failures

    /**
     * The next call of {@code method} (any letter case) to {@code chatIdOrNull} (null: to any chat, or none) fails
     * this way instead of being answered. Failures queue up: each matching call takes the oldest that matches it.
     */
    public void failNext(String method, Long chatIdOrNull, Failure failure) {
        synchronized (lock) {
            scriptedFailures.add(new ScriptedFailure(method, chatIdOrNull, failure));
        }
    }

    // ---------------------------------------------------------------- what the bot did

    /** Every request received (getUpdates included), in the order they were answered. */
    public List<Call> calls() {
        synchronized (lock) {
            return List.copyOf(calls);
        }
    }

    /** The calls of one method, any letter case ("sendMessage" matches the client's "sendmessage"). */
    public List<Call> calls(String method) {
        return callsWhere(call -> call.method().equalsIgnoreCase(method));
    }

    /** The messages Telegram accepted for this chat, in order. */
    public List<Call> sentMessages(long chatId) {
        return callsWhere(call -> call.isSuccessfulSend() && Long.valueOf(chatId).equals(call.chatId()));
    }

    /** What Telegram would have refused (bad HTML, too long, bad button data, wrong token, unknown method...). */
    public List<String> violations() {
        synchronized (lock) {
            return List.copyOf(violations);
        }
    }

    /**
     * Waits (without polling) for the first successful call of one of {@code methods} to {@code chatId} made at or
     * after {@code since}; empty when {@code timeout} passes first. For measuring reply latency.
     */
    public Optional<Call> awaitCallTo(long chatId, Instant since, Set<String> methods, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            int from = 0;
            while (true) {
                for (int i = from; i < calls.size(); i++) {
                    Call call = calls.get(i);
                    if (call.chatId() != null && call.chatId() == chatId && call.succeeded()
                            && methods.contains(call.method()) && !call.at().isBefore(since)) {
                        return Optional.of(call);
                    }
                }
                from = calls.size();
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return Optional.empty();
                }
                lock.wait(Math.max(1, remaining / 1_000_000));
            }
        }
    }

    /** The most messages accepted for this chat within any {@code window}-long stretch of time. */
    public int maxSendsInWindow(long chatId, Duration window) {
        return maxInWindow(sentMessages(chatId), window);
    }

    /** The most messages accepted for all chats together within any {@code window}-long stretch of time. */
    public int maxSendsInWindowAllChats(Duration window) {
        return maxInWindow(callsWhere(Call::isSuccessfulSend), window);
    }

    /**
     * Waits until at least {@code count} calls of {@code method} (whatever their outcome) were answered and returns
     * them all; fails with the calls received so far when {@code timeout} passes first.
     */
    public List<Call> awaitCalls(String method, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (true) {
                List<Call> matching = calls(method);
                long remaining = deadline - System.nanoTime();
                if (matching.size() >= count) {
                    return matching;
                }
                if (remaining <= 0) {
                    throw new AssertionError(describeShortfall(method, count, timeout, matching.size()));
                }
                try {
                    waitOnLock(remaining);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted while waiting for " + method + " calls", e);
                }
            }
        }
    }

    // ---------------------------------------------------------------- HTTP

    private void handle(HttpExchange exchange) {
        try {
            Instant receivedAt = Instant.now();
            byte[] body = exchange.getRequestBody().readAllBytes(); // read fully, also before dropping
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            Reply reply = answer(exchange.getRequestURI().getPath(), parseParams(contentType, body), receivedAt);
            if (reply == Reply.HUNG) {
                awaitHungRelease();
            } else if (reply != Reply.DROPPED_CONNECTION) {
                send(exchange, reply);
            }
        } catch (IOException clientWentAway) {
            // Nothing to answer to.
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "fake Bot API failed to answer: " + redact(String.valueOf(e)));
            trySend(exchange, Reply.error(500, "Internal Server Error"));
        } finally {
            exchange.close(); // without a response sent, this closes the connection: the client sees a drop
        }
    }

    private Reply answer(String path, JsonNode params, Instant receivedAt) {
        Matcher matcher = PATH.matcher(path);
        if (!matcher.matches()) {
            return refuse(redact(path), null, receivedAt, params, Reply.error(404, "Not Found"));
        }
        String requested = matcher.group(2);
        Endpoint endpoint = endpoints.get(requested.toLowerCase(Locale.ROOT));
        String method = endpoint == null ? requested : endpoint.name();
        Long chatId = chatIdOf(params);
        if (!TOKEN.equals(matcher.group(1))) {
            return refuse(method, chatId, receivedAt, params, Reply.error(401, "Unauthorized"));
        }
        if (endpoint == null) {
            return refuse(method, chatId, receivedAt, params, Reply.error(404, "Not Found: method not found"));
        }
        if (method.equals(GET_UPDATES)) {
            recordPoll(params, receivedAt);
        }
        Failure failure = takeScriptedFailure(method, chatId);
        Reply reply;
        if (failure != null && failure.carriedOut) {
            invoke(endpoint, chatId, params); // Telegram did it; only the answer is lost or wrong
            reply = failure.reply();
        } else {
            reply = failure != null ? failure.reply() : invoke(endpoint, chatId, params);
        }
        record(new Call(method, chatId, params, receivedAt, reply.status()));
        return reply;
    }

    private Reply invoke(Endpoint endpoint, Long chatId, JsonNode params) {
        try {
            return Reply.ok(endpoint.handler().answer(params));
        } catch (ApiError e) {
            addViolation(endpoint.name() + (chatId == null ? "" : " to chat " + chatId) + ": " + e.description
                    + (e.detail.isEmpty() ? "" : " (" + e.detail + ")"));
            return Reply.error(e.code, e.description);
        }
    }

    private Reply refuse(String method, Long chatId, Instant receivedAt, JsonNode params, Reply reply) {
        addViolation(method + ": answered " + reply.status() + " " + new String(reply.body(), UTF_8));
        record(new Call(method, chatId, params, receivedAt, reply.status()));
        return reply;
    }

    /** Parameters as Telegram reads them. TelegramBots sends JSON, but multipart for uploads and setWebhook. */
    private JsonNode parseParams(String contentType, byte[] body) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("application/json")) {
            return parseJson(body);
        }
        if (type.startsWith("multipart/form-data")) {
            return formParams(multipartFields(contentType, body));
        }
        if (type.startsWith("application/x-www-form-urlencoded")) {
            return formParams(urlEncodedFields(body));
        }
        return NODES.objectNode();
    }

    private JsonNode parseJson(byte[] body) {
        try {
            JsonNode params = body.length == 0 ? null : json.readTree(body);
            return params != null && params.isObject() ? params : NODES.objectNode();
        } catch (IOException e) {
            addViolation("request body is not valid JSON: " + e.getMessage());
            return NODES.objectNode();
        }
    }

    /** Form values hold JSON-serialized fields (reply_markup, allowed_updates) as text; Telegram parses them. */
    private ObjectNode formParams(Map<String, String> fields) {
        ObjectNode params = NODES.objectNode();
        fields.forEach((name, value) -> {
            JsonNode parsed = null;
            if (value.startsWith("[") || value.startsWith("{")) {
                try {
                    parsed = json.readTree(value);
                } catch (JsonProcessingException notJson) {
                    // keep the text
                }
            }
            params.set(name, parsed != null ? parsed : NODES.textNode(value));
        });
        return params;
    }

    static final String FILE_PREFIX = "file:";
    static final String FILE_NAME_PREFIX = "filename:";
    static final String BYTES_PREFIX = "bytes:";
    private static final Pattern FILE_NAME = Pattern.compile("filename=\"([^\"]*)\"");

    /** The fields of a multipart body; file parts under {@link #FILE_PREFIX} and {@link #FILE_NAME_PREFIX}. */
    private static Map<String, String> multipartFields(String contentType, byte[] body) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher boundary = BOUNDARY.matcher(contentType);
        if (!boundary.find()) {
            return fields;
        }
        String bytesAsText = new String(body, ISO_8859_1); // one char per byte, so parts split at byte boundaries
        for (String part : bytesAsText.split(Pattern.quote("--" + boundary.group(2)))) {
            int headersEnd = part.indexOf("\r\n\r\n");
            if (headersEnd < 0) {
                continue; // the preamble or the closing "--"
            }
            String headers = part.substring(0, headersEnd);
            Matcher name = FIELD_NAME.matcher(headers);
            if (name.find()) {
                String value = part.substring(headersEnd + 4);
                value = value.endsWith("\r\n") ? value.substring(0, value.length() - 2) : value;
                Matcher fileName = FILE_NAME.matcher(headers);
                if (fileName.find()) {
                    // File parts are kept under a prefix, so tests can read what was uploaded.
                    fields.put(FILE_PREFIX + name.group(1), new String(value.getBytes(ISO_8859_1), UTF_8));
                    fields.put(FILE_NAME_PREFIX + name.group(1), fileName.group(1));
                    // ... and as sent, for binary files such as pictures.
                    fields.put(BYTES_PREFIX + name.group(1),
                            java.util.Base64.getEncoder().encodeToString(value.getBytes(ISO_8859_1)));
                } else {
                    fields.put(name.group(1), new String(value.getBytes(ISO_8859_1), UTF_8));
                }
            }
        }
        return fields;
    }

    private static Map<String, String> urlEncodedFields(byte[] body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : new String(body, UTF_8).split("&")) {
            String[] nameAndValue = pair.split("=", 2);
            if (!nameAndValue[0].isEmpty()) {
                fields.put(URLDecoder.decode(nameAndValue[0], UTF_8),
                        URLDecoder.decode(nameAndValue.length > 1 ? nameAndValue[1] : "", UTF_8));
            }
        }
        return fields;
    }

    private void send(HttpExchange exchange, Reply reply) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        // No keep-alive in tests: OkHttp silently retries a request once when a *reused* connection dies, which
        // would hide a scripted dropConnection(). On a fresh connection it reports the IOException instead.
        if (!keepAlive) {
            exchange.getResponseHeaders().set("Connection", "close");
        }
        exchange.sendResponseHeaders(reply.status(), reply.body().length);
        exchange.getResponseBody().write(reply.body());
    }

    private void trySend(HttpExchange exchange, Reply reply) {
        try {
            send(exchange, reply);
        } catch (IOException | RuntimeException ignored) {
            // Headers may already be out; closing is all that is left.
        }
    }

    // ---------------------------------------------------------------- Bot API methods

    private Map<String, Endpoint> endpoints() {
        JsonNode ok = BooleanNode.TRUE;
        return Stream.of(
                        new Endpoint(GET_UPDATES, this::getUpdates),
                        new Endpoint(SEND_MESSAGE, this::sendMessage),
                        new Endpoint("editMessageText", this::editMessageText),
                        new Endpoint("editMessageReplyMarkup", this::editMessageReplyMarkup),
                        new Endpoint("sendDocument", this::sendDocument),
                        new Endpoint("sendPhoto", this::sendPhoto),
                        new Endpoint("deleteMessage", this::deleteMessage),
                        new Endpoint("answerCallbackQuery", this::answerCallbackQuery),
                        new Endpoint("sendChatAction", params -> ok),
                        new Endpoint("setMyCommands", params -> ok),
                        new Endpoint("deleteWebhook", params -> ok),
                        new Endpoint("setWebhook", params -> ok),
                        new Endpoint("getMe", params -> botUser()),
                        new Endpoint("getWebhookInfo", params -> webhookInfo()))
                .collect(Collectors.toUnmodifiableMap(e -> e.name().toLowerCase(Locale.ROOT), e -> e));
    }

    /** Telegram's long poll: confirm below the offset, answer what is pending, else hold until a push or timeout. */
    private JsonNode getUpdates(JsonNode params) {
        Integer offset = intParam(params, "offset");
        int requestedLimit = orElse(intParam(params, "limit"), MAX_UPDATES_PER_POLL);
        int limit = Math.min(MAX_UPDATES_PER_POLL, Math.max(1, requestedLimit));
        long timeoutNanos = TimeUnit.SECONDS.toNanos(Math.max(0, orElse(intParam(params, "timeout"), 0)));
        long deadline = System.nanoTime() + timeoutNanos;
        synchronized (lock) {
            boolean lost = confirmationsFrozen; // a poll that arrives frozen never "reaches Telegram"
            int generation = pollGeneration;
            if (!lost) {
                confirmBelow(offset);
            }
            while (true) {
                if (!lost && !confirmationsFrozen) {
                    List<ObjectNode> batch = deliverable(offset, limit);
                    if (!batch.isEmpty()) {
                        batch.forEach(update -> deliveredUpdateIds.add(updateId(update)));
                        return NODES.arrayNode().addAll(batch);
                    }
                }
                long remaining = deadline - System.nanoTime();
                boolean unfrozenSinceArrival = lost && !confirmationsFrozen;
                if (remaining <= 0 || unfrozenSinceArrival || generation != pollGeneration) {
                    return NODES.arrayNode();
                }
                try {
                    waitOnLock(remaining);
                } catch (InterruptedException e) { // the server is stopping
                    Thread.currentThread().interrupt();
                    return NODES.arrayNode();
                }
            }
        }
    }

    private JsonNode sendMessage(JsonNode params) throws ApiError {
        long chatId = requireChatId(params);
        String visibleText = checkedText(params, "message is too long");
        checkButtons(params);
        ObjectNode message = botMessage(nextMessageId(chatId), chatId, visibleText, params);
        remember(message);
        return message;
    }

    /** Uploads arrive as multipart: {@code document=attach://name} and a file part of that name. */
    private JsonNode sendDocument(JsonNode params) throws ApiError {
        long chatId = requireChatId(params);
        String part = documentPart(params);
        if (!params.has(FILE_PREFIX + part)) {
            throw new ApiError(400, "Bad Request: there is no document in the request", "");
        }
        ObjectNode message = botMessage(nextMessageId(chatId), chatId, null, params);
        message.putObject("document").put("file_id", "doc" + message.path("message_id").asInt())
                .put("file_unique_id", "u" + message.path("message_id").asInt())
                .put("file_name", params.path(FILE_NAME_PREFIX + part).asText());
        remember(message);
        return message;
    }

    /** Photos arrive as multipart like documents: {@code photo=attach://name} and a file part of that name. */
    private JsonNode sendPhoto(JsonNode params) throws ApiError {
        long chatId = requireChatId(params);
        String part = filePart(params, "photo");
        if (!params.has(FILE_PREFIX + part)) {
            throw new ApiError(400, "Bad Request: there is no photo in the request", "");
        }
        if (params.path("caption").asText("").length() > 1024) {
            throw new ApiError(400, "Bad Request: message caption is too long", "");
        }
        ObjectNode message = botMessage(nextMessageId(chatId), chatId, null, params);
        message.putArray("photo").addObject().put("file_id", "photo" + message.path("message_id").asInt())
                .put("file_unique_id", "p" + message.path("message_id").asInt()).put("width", 1080)
                .put("height", 720);
        if (params.hasNonNull("caption")) {
            message.put("caption", params.get("caption").asText());
        }
        remember(message);
        return message;
    }

    /** The bytes a sendPhoto call uploaded. */
    public static byte[] photoBytes(Call call) {
        return java.util.Base64.getDecoder().decode(
                call.params().path(BYTES_PREFIX + filePart(call.params(), "photo")).asText());
    }

    /** The bytes a sendDocument call uploaded, as sent (a PDF, say). */
    public static byte[] documentBytes(Call call) {
        return java.util.Base64.getDecoder().decode(call.params().path(BYTES_PREFIX + documentPart(call.params())).asText());
    }

    /** The content of the file a sendDocument call uploaded (decoded as UTF-8). */
    public static String documentContent(Call call) {
        JsonNode content = call.params().path(FILE_PREFIX + documentPart(call.params()));
        // Form values that look like JSON are kept parsed; a file's text is wanted as it was sent.
        return content.isMissingNode() ? null : content.isContainerNode() ? content.toString() : content.asText();
    }

    public static String documentName(Call call) {
        return call.params().path(FILE_NAME_PREFIX + documentPart(call.params())).asText(null);
    }

    /** The multipart part holding the document: named by {@code attach://name}, or "document" itself. */
    private static String documentPart(JsonNode params) {
        return filePart(params, "document");
    }

    private static String filePart(JsonNode params, String field) {
        String reference = params.path(field).asText("");
        return reference.startsWith("attach://") ? reference.substring("attach://".length()) : field;
    }

    private JsonNode editMessageText(JsonNode params) throws ApiError {
        String visibleText = checkedText(params, "MESSAGE_TOO_LONG"); // sic: edits word it differently
        checkButtons(params);
        if (params.hasNonNull("inline_message_id")) {
            return BooleanNode.TRUE;
        }
        int messageId = requireMessageId(params);
        long chatId = requireChatId(params);
        ObjectNode message = botMessage(messageId, chatId, visibleText, params);
        synchronized (lock) {
            ObjectNode known = sentMessagesById.get(new MessageKey(chatId, messageId));
            if (known != null && visibleText.equals(known.path("text").asText(null))
                    && known.path("reply_markup").equals(message.path("reply_markup"))) {
                throw ApiError.badRequest(NOT_MODIFIED, "message " + messageId + " in chat " + chatId);
            }
        }
        message.put("edit_date", nowSeconds());
        remember(message);
        return message;
    }

    private JsonNode editMessageReplyMarkup(JsonNode params) throws ApiError {
        checkButtons(params);
        if (params.hasNonNull("inline_message_id")) {
            return BooleanNode.TRUE;
        }
        int messageId = requireMessageId(params);
        long chatId = requireChatId(params);
        ObjectNode message;
        synchronized (lock) {
            ObjectNode known = sentMessagesById.get(new MessageKey(chatId, messageId));
            message = known != null ? known.deepCopy() : botMessage(messageId, chatId, null, params);
        }
        if (known(chatId, messageId) && message.path("reply_markup").equals(replyMarkupOrMissing(params))) {
            throw ApiError.badRequest(NOT_MODIFIED, "keyboard of message " + messageId + " in chat " + chatId);
        }
        replaceMarkup(message, params);
        message.put("edit_date", nowSeconds());
        remember(message);
        return message;
    }

    private boolean known(long chatId, int messageId) {
        synchronized (lock) {
            return sentMessagesById.containsKey(new MessageKey(chatId, messageId));
        }
    }

    private JsonNode replyMarkupOrMissing(JsonNode params) {
        JsonNode markup = replyMarkup(params);
        return markup.has("inline_keyboard") ? markup : NODES.missingNode();
    }

    /** Removes a message of the bot's from the chat (a person's own messages are not tracked). */
    private JsonNode deleteMessage(JsonNode params) throws ApiError {
        long chatId = requireChatId(params);
        int messageId = requireMessageId(params);
        synchronized (lock) {
            if (sentMessagesById.remove(new MessageKey(chatId, messageId)) == null) {
                throw ApiError.badRequest("message to delete not found", "message " + messageId + " in chat " + chatId);
            }
            deletedMessages.add(new MessageKey(chatId, messageId));
        }
        return BooleanNode.TRUE;
    }

    /** Like Telegram: each tap is answered at most once, and within 15 seconds of the tap. */
    private JsonNode answerCallbackQuery(JsonNode params) throws ApiError {
        String id = params.path("callback_query_id").asText("");
        synchronized (lock) {
            Instant tappedAt = callbackQueries.get(id);
            if (!answeredQueries.add(id)) {
                throw ApiError.badRequest(QUERY_TOO_OLD, "answered twice: " + id);
            }
            if (tappedAt != null && Duration.between(tappedAt, Instant.now()).compareTo(CALLBACK_WINDOW) > 0) {
                throw ApiError.badRequest(QUERY_TOO_OLD, "answered " + Duration.between(tappedAt, Instant.now())
                        + " after the tap: " + id);
            }
        }
        return BooleanNode.TRUE;
    }

    /** The taps answered so far (each id once: a second answer is refused). */
    public Set<String> answeredCallbackQueries() {
        synchronized (lock) {
            return Set.copyOf(answeredQueries);
        }
    }

    /** Messages the bot deleted again (a duplicate, say), by chat. */
    public List<Integer> deletedMessages(long chatId) {
        synchronized (lock) {
            return deletedMessages.stream().filter(key -> key.chatId() == chatId).map(MessageKey::messageId).toList();
        }
    }

    private ObjectNode webhookInfo() {
        ObjectNode info = NODES.objectNode();
        info.put("url", "");
        info.put("has_custom_certificate", false);
        synchronized (lock) {
            info.put("pending_update_count", pendingUpdates.size());
        }
        return info;
    }

    // ---------------------------------------------------------------- validation Telegram does

    /** Returns the text as the user will see it, or refuses it the way Telegram does. */
    private static String checkedText(JsonNode params, String tooLong) throws ApiError {
        String text = params.path("text").asText("");
        if (text.isEmpty()) {
            throw ApiError.badRequest("message text is empty", "");
        }
        String visible = text;
        if ("HTML".equalsIgnoreCase(params.path("parse_mode").asText())) {
            try {
                visible = TelegramHtml.visibleText(text);
            } catch (TelegramHtml.InvalidHtml e) {
                throw ApiError.badRequest("can't parse entities: " + e.getMessage(), "text: " + abbreviate(text));
            }
        }
        if (visible.isBlank()) {
            throw ApiError.badRequest("message text is empty", "only markup or blanks: " + abbreviate(text));
        }
        if (visible.length() > MAX_TEXT_LENGTH) {
            throw ApiError.badRequest(tooLong,
                    visible.length() + " visible characters, at most " + MAX_TEXT_LENGTH);
        }
        return visible;
    }

    /** Telegram wants 1 to 64 bytes of callback_data on every inline button that has some. */
    private void checkButtons(JsonNode params) throws ApiError {
        for (JsonNode row : replyMarkup(params).path("inline_keyboard")) {
            for (JsonNode button : row) {
                JsonNode data = button.get("callback_data");
                if (data == null) {
                    continue;
                }
                int bytes = data.asText().getBytes(UTF_8).length;
                if (bytes < 1 || bytes > MAX_CALLBACK_DATA_BYTES) {
                    throw ApiError.badRequest("BUTTON_DATA_INVALID",
                            "callback_data of " + bytes + " bytes (1 to " + MAX_CALLBACK_DATA_BYTES + "): "
                                    + abbreviate(data.asText()));
                }
            }
        }
    }

    private static long requireChatId(JsonNode params) throws ApiError {
        if (!params.hasNonNull("chat_id")) {
            throw ApiError.badRequest("chat_id is empty", "");
        }
        Long chatId = chatIdOf(params);
        if (chatId == null) {
            throw ApiError.badRequest("chat not found", "chat_id " + params.get("chat_id"));
        }
        return chatId;
    }

    private static int requireMessageId(JsonNode params) throws ApiError {
        Integer messageId = intParam(params, "message_id");
        if (messageId == null) {
            throw ApiError.badRequest("message identifier is not specified", "");
        }
        return messageId;
    }

    // ---------------------------------------------------------------- state changes

    private int push(ObjectNode update) {
        int id = update.get("update_id").asInt();
        synchronized (lock) {
            pendingUpdates.add(update);
            pushedUpdates.put(id, update);
            lock.notifyAll();
        }
        return id;
    }

    private void confirmBelow(Integer offset) {
        if (offset == null) {
            return;
        }
        pendingUpdates.removeIf(update -> updateId(update) < offset);
        confirmedUpToExclusive = Math.max(confirmedUpToExclusive, offset);
    }

    private List<ObjectNode> deliverable(Integer offset, int limit) {
        return pendingUpdates.stream()
                .filter(update -> offset == null || updateId(update) >= offset)
                .sorted(Comparator.comparingInt(FakeBotApi::updateId))
                .limit(limit)
                .collect(Collectors.toList());
    }

    private void recordPoll(JsonNode params, Instant at) {
        GetUpdatesCall poll = new GetUpdatesCall(
                intParam(params, "offset"), intParam(params, "limit"), intParam(params, "timeout"), at);
        synchronized (lock) {
            getUpdatesCalls.add(poll);
            lock.notifyAll();
        }
    }

    private void record(Call call) {
        synchronized (lock) {
            calls.add(call);
            lock.notifyAll();
        }
        java.util.function.Consumer<Call> listener = callListener;
        if (listener != null) {
            listener.accept(call);
        }
    }

    /**
     * Hands every answered call to {@code listener} as well (null: none). For load drivers with many waiting
     * threads, which {@link #awaitCallTo} would all wake on every call.
     */
    public void onCall(java.util.function.Consumer<Call> listener) {
        callListener = listener;
    }

    private void addViolation(String violation) {
        synchronized (lock) {
            violations.add(redact(violation));
        }
    }

    /**
     * The chat's messages as the user sees them now (sent, then edited in place), oldest first:
     * each a Bot API Message with message_id, text and reply_markup.
     */
    public List<JsonNode> currentMessages(long chatId) {
        synchronized (lock) {
            return sentMessagesById.entrySet().stream()
                    .filter(entry -> entry.getKey().chatId() == chatId)
                    .sorted(Comparator.comparingInt(entry -> entry.getKey().messageId()))
                    .map(entry -> (JsonNode) entry.getValue().deepCopy())
                    .toList();
        }
    }

    private void remember(ObjectNode message) {
        synchronized (lock) {
            sentMessagesById.put(new MessageKey(message.path("chat").path("id").asLong(),
                    message.get("message_id").asInt()), message);
        }
    }

    private Failure takeScriptedFailure(String method, Long chatId) {
        synchronized (lock) {
            for (Iterator<ScriptedFailure> it = scriptedFailures.iterator(); it.hasNext(); ) {
                ScriptedFailure scripted = it.next();
                if (scripted.matches(method, chatId)) {
                    it.remove();
                    return scripted.failure();
                }
            }
            return null;
        }
    }

    private List<Call> callsWhere(Predicate<Call> filter) {
        synchronized (lock) {
            return calls.stream().filter(filter).collect(Collectors.toUnmodifiableList());
        }
    }

    /** Waits until something changes (every change notifies the lock) or the time is up. Hold the lock. */
    private void waitOnLock(long remainingNanos) throws InterruptedException {
        lock.wait(TimeUnit.NANOSECONDS.toMillis(remainingNanos) + 1);
    }

    private String describeShortfall(String method, int count, Duration timeout, int got) {
        StringBuilder text = new StringBuilder()
                .append("expected at least ").append(count).append(' ').append(method)
                .append(" call(s) within ").append(timeout).append(", got ").append(got).append(". Received:");
        List<Call> received = calls.stream().filter(call -> !call.method().equals(GET_UPDATES)).toList();
        received.forEach(call -> text.append("\n  ").append(call));
        if (received.isEmpty()) {
            text.append(" nothing");
        }
        text.append("\n  (and ").append(calls.size() - received.size()).append(" getUpdates polls)");
        violations.forEach(violation -> text.append("\n  violation: ").append(violation));
        return redact(text.toString());
    }

    private static int maxInWindow(List<Call> sends, Duration window) {
        List<Instant> times = sends.stream().map(Call::at).sorted().toList();
        int best = 0;
        int first = 0;
        for (int last = 0; last < times.size(); last++) {
            while (first <= last && !times.get(last).isBefore(times.get(first).plus(window))) {
                first++;
            }
            best = Math.max(best, last - first + 1);
        }
        return best;
    }

    // ---------------------------------------------------------------- JSON shapes

    private ObjectNode newUpdate(String kind, ObjectNode payload) {
        ObjectNode update = NODES.objectNode();
        update.put("update_id", nextUpdateId.getAndIncrement());
        update.set(kind, payload);
        return update;
    }

    private ObjectNode userMessage(ObjectNode chat, ObjectNode from, String text) {
        ObjectNode message = NODES.objectNode();
        message.put("message_id", nextMessageId(chat.path("id").asLong()));
        message.put("date", nowSeconds());
        message.set("chat", chat);
        message.set("from", from);
        message.put("text", text);
        if (text.startsWith("/")) {
            ObjectNode command = NODES.objectNode();
            command.put("type", "bot_command");
            command.put("offset", 0);
            command.put("length", text.split("\\s", 2)[0].length());
            message.set("entities", NODES.arrayNode().add(command));
        }
        return message;
    }

    /** What the bot sent as message {@code messageId}, if known; else a minimal message from the bot. */
    private ObjectNode messageForCallback(long chatId, long messageId) {
        synchronized (lock) {
            ObjectNode known = sentMessagesById.get(new MessageKey(chatId, (int) messageId));
            if (known != null) {
                return known.deepCopy();
            }
        }
        ObjectNode message = NODES.objectNode();
        message.put("message_id", messageId);
        message.put("date", nowSeconds());
        message.set("chat", chat(chatId));
        message.set("from", botUser());
        return message;
    }

    private ObjectNode botMessage(int messageId, long chatId, String text, JsonNode params) {
        ObjectNode message = NODES.objectNode();
        message.put("message_id", messageId);
        message.put("date", nowSeconds());
        message.set("chat", chat(chatId));
        message.set("from", botUser());
        if (text != null) {
            message.put("text", text);
        }
        replaceMarkup(message, params);
        return message;
    }

    private void replaceMarkup(ObjectNode message, JsonNode params) {
        JsonNode markup = replyMarkup(params);
        if (markup.has("inline_keyboard")) {
            message.set("reply_markup", markup);
        } else {
            message.remove("reply_markup");
        }
    }

    /** reply_markup as an object; some clients send it as a JSON string. */
    private JsonNode replyMarkup(JsonNode params) {
        JsonNode markup = params.path("reply_markup");
        if (!markup.isTextual()) {
            return markup;
        }
        try {
            return json.readTree(markup.asText());
        } catch (JsonProcessingException e) {
            return NODES.missingNode();
        }
    }

    private int nextMessageId(long chatId) {
        synchronized (lock) {
            return nextMessageIds.computeIfAbsent(chatId, id -> new AtomicInteger(firstMessageId)).getAndIncrement();
        }
    }

    private static ObjectNode botMembership(String status) {
        ObjectNode member = NODES.objectNode();
        member.set("user", botUser());
        member.put("status", status);
        if (status.equals("kicked")) {
            member.put("until_date", 0);
        }
        return member;
    }

    private static ObjectNode botUser() {
        ObjectNode bot = NODES.objectNode();
        bot.put("id", 123456);
        bot.put("is_bot", true);
        bot.put("first_name", "Back Coach");
        bot.put("username", "back_coach_test_bot");
        return bot;
    }

    private static ObjectNode user(long id) {
        ObjectNode user = NODES.objectNode();
        user.put("id", id);
        user.put("is_bot", false);
        user.put("first_name", "Tester");
        user.put("language_code", "en");
        return user;
    }

    /** Positive ids are users' private chats, negative ones groups, as in Telegram. */
    private static ObjectNode chat(long id) {
        return id < 0 ? groupChat(id) : privateChat(id);
    }

    private static ObjectNode privateChat(long id) {
        ObjectNode chat = NODES.objectNode();
        chat.put("id", id);
        chat.put("type", "private");
        chat.put("first_name", "Tester");
        return chat;
    }

    private static ObjectNode groupChat(long id) {
        ObjectNode chat = NODES.objectNode();
        chat.put("id", id);
        chat.put("type", "group");
        chat.put("title", "Test group");
        return chat;
    }

    // ---------------------------------------------------------------- small helpers

    /** chat_id as a number; TelegramBots sends it as a string. Null when absent or a @username. */
    private static Long chatIdOf(JsonNode params) {
        JsonNode chatId = params.path("chat_id");
        if (chatId.isIntegralNumber()) {
            return chatId.asLong();
        }
        try {
            return chatId.isTextual() ? Long.valueOf(chatId.asText().trim()) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer intParam(JsonNode params, String name) {
        JsonNode value = params.path(name);
        if (value.isIntegralNumber()) {
            return value.asInt();
        }
        try {
            return value.isTextual() ? Integer.valueOf(value.asText().trim()) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int orElse(Integer value, int fallback) {
        return value != null ? value : fallback;
    }

    private static int updateId(JsonNode update) {
        return update.get("update_id").asInt();
    }

    private static long nowSeconds() {
        return Instant.now().getEpochSecond();
    }

    /**
     * Ids start from a wall-clock value (moving 1000 per second, well inside int range) rather than 1, so ids of one
     * run do not collide with ids that a database kept from a recent earlier run.
     */
    private static int firstUpdateId() {
        return 1_000_000 + (int) (Instant.now().getEpochSecond() % 1_000_000) * 1000;
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? '"' + text + '"' : '"' + text.substring(0, 77) + "...\"";
    }

    static String redact(String text) {
        return text.replace(TOKEN, "<token>");
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "fake-bot-api-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    // ---------------------------------------------------------------- types

    /** One request the fake answered. {@code httpStatus} is 0 for a dropped connection. */
    public record Call(String method, Long chatId, JsonNode params, Instant at, int httpStatus) {

        public boolean succeeded() {
            return httpStatus == 200;
        }

        /** The {@code text} parameter, or null. */
        public String text() {
            return params.hasNonNull("text") ? params.get("text").asText() : null;
        }

        boolean isSuccessfulSend() {
            return succeeded() && method.equals(SEND_MESSAGE);
        }

        @Override
        public String toString() {
            String shown = params.toString();
            return method + (chatId == null ? "" : " chat=" + chatId) + " -> " + httpStatus + " "
                    + (shown.length() > 200 ? shown.substring(0, 197) + "..." : shown);
        }
    }

    /** One getUpdates request, with its parameters as sent (null when absent). */
    public record GetUpdatesCall(Integer offset, Integer limit, Integer timeoutSeconds, Instant at) {
    }

    /** A scripted way for one call to fail; see {@link #failNext}. */
    public static final class Failure {

        private enum Kind { TELEGRAM_ERROR, HTML_PAGE, DROPPED_CONNECTION, HANG, ODD_ANSWER }

        private final Kind kind;
        private final int status;
        private final String description;
        private final Integer retryAfterSeconds;
        private final boolean carriedOut;

        private Failure(Kind kind, int status, String description, Integer retryAfterSeconds) {
            this(kind, status, description, retryAfterSeconds, false);
        }

        private Failure(Kind kind, int status, String description, Integer retryAfterSeconds, boolean carriedOut) {
            this.kind = kind;
            this.status = status;
            this.description = description;
            this.retryAfterSeconds = retryAfterSeconds;
            this.carriedOut = carriedOut;
        }

        /** Telegram carries the call out, then this failure is what the bot gets back (a 500, a dropped connection). */
        public static Failure afterCall(Failure failure) {
            return new Failure(failure.kind, failure.status, failure.description, failure.retryAfterSeconds, true);
        }

        /**
         * No answer until {@link #releaseHungCalls()}, then a dropped connection: a call in flight when the bot's
         * process dies. {@code carriedOut}: whether Telegram did it meanwhile.
         */
        public static Failure hang(boolean carriedOut) {
            return new Failure(Kind.HANG, 0, "hung", null, carriedOut);
        }

        /** 504 with a proxy's HTML page: the gateway never reached Telegram. */
        public static Failure gatewayTimeoutHtml() {
            return new Failure(Kind.HTML_PAGE, 504, "Gateway Time-out", null);
        }

        /** 429 with parameters.retry_after, Telegram's flood control. */
        public static Failure tooManyRequests(int retryAfterSeconds) {
            return new Failure(Kind.TELEGRAM_ERROR, 429,
                    "Too Many Requests: retry after " + retryAfterSeconds, retryAfterSeconds);
        }

        /** 403: the user blocked the bot. */
        public static Failure blocked() {
            return error(403, "Forbidden: bot was blocked by the user");
        }

        /** 500 with a Telegram error body. */
        public static Failure serverError() {
            return error(500, "Internal Server Error");
        }

        /** 502 with an nginx HTML page instead of JSON, as a proxy in front of Telegram answers. */
        public static Failure badGatewayHtml() {
            return new Failure(Kind.HTML_PAGE, 502, "Bad Gateway", null);
        }

        /** The request is read, then the connection closed without a response: an IOException for the client. */
        public static Failure dropConnection() {
            return new Failure(Kind.DROPPED_CONNECTION, 0, "connection dropped", null);
        }

        /** A 200 with this JSON body in place of the method's answer (one the Bot API would not give, say). */
        public static Failure oddAnswer(String json) {
            return new Failure(Kind.ODD_ANSWER, 200, json, null);
        }

        /** Any other Telegram error, e.g. {@code error(400, "Bad Request: message to edit not found")}. */
        public static Failure error(int errorCode, String description) {
            return new Failure(Kind.TELEGRAM_ERROR, errorCode, description, null);
        }

        private Reply reply() {
            return switch (kind) {
                case TELEGRAM_ERROR -> Reply.error(status, description, retryAfterSeconds);
                case HTML_PAGE -> Reply.html(status, "<html>\r\n<head><title>" + status + " " + description
                        + "</title></head>\r\n<body>\r\n<center><h1>" + status + " " + description
                        + "</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n");
                case DROPPED_CONNECTION -> Reply.DROPPED_CONNECTION;
                case HANG -> Reply.HUNG;
                case ODD_ANSWER -> new Reply(status, "application/json", description.getBytes(UTF_8));
            };
        }

        @Override
        public String toString() {
            return (carriedOut ? "after the call: " : "")
                    + (kind == Kind.DROPPED_CONNECTION ? description : status + " " + description);
        }
    }

    private record ScriptedFailure(String method, Long chatId, Failure failure) {

        boolean matches(String calledMethod, Long calledChatId) {
            return method.equalsIgnoreCase(calledMethod) && (chatId == null || chatId.equals(calledChatId));
        }
    }

    private record MessageKey(long chatId, int messageId) {
    }

    private record Endpoint(String name, Handler handler) {
    }

    @FunctionalInterface
    private interface Handler {
        JsonNode answer(JsonNode params) throws ApiError;
    }

    /** An HTTP answer; {@link #DROPPED_CONNECTION} means none at all. */
    private record Reply(int status, String contentType, byte[] body) {

        static final Reply DROPPED_CONNECTION = new Reply(0, "", new byte[0]);
        static final Reply HUNG = new Reply(0, "hung", new byte[0]);

        static Reply ok(JsonNode result) {
            ObjectNode body = NODES.objectNode();
            body.put("ok", true);
            body.set("result", result);
            return new Reply(200, "application/json", body.toString().getBytes(UTF_8));
        }

        static Reply error(int code, String description) {
            return error(code, description, null);
        }

        static Reply error(int code, String description, Integer retryAfterSeconds) {
            ObjectNode body = NODES.objectNode();
            body.put("ok", false);
            body.put("error_code", code);
            body.put("description", description);
            if (retryAfterSeconds != null) {
                body.putObject("parameters").put("retry_after", retryAfterSeconds);
            }
            return new Reply(code, "application/json", body.toString().getBytes(UTF_8));
        }

        static Reply html(int status, String page) {
            return new Reply(status, "text/html", page.getBytes(UTF_8));
        }
    }

    /** A refusal, answered as {@code {"ok":false,...}}; {@code detail} only goes to {@link #violations()}. */
    private static final class ApiError extends Exception {
        final int code;
        final String description;
        final String detail;

        private ApiError(int code, String description, String detail) {
            super(description, null, false, false);
            this.code = code;
            this.description = description;
            this.detail = detail;
        }

        static ApiError badRequest(String what, String detail) {
            return new ApiError(400, "Bad Request: " + what, detail);
        }
    }

    /**
     * Telegram's HTML parse mode, reduced to what decides acceptance: the supported tags, their nesting, and the
     * entities {@code &lt; &gt; &amp; &quot;} and numeric ones. Returns the text the user would see.
     */
    static final class TelegramHtml {

        private static final Set<String> TAGS = Set.of("b", "strong", "i", "em", "u", "ins", "s", "strike", "del",
                "a", "code", "pre", "blockquote", "tg-spoiler", "span", "tg-emoji");
        private static final Pattern TAG_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9-]*");
        private static final Pattern SPOILER_CLASS = Pattern.compile("\\s*class\\s*=\\s*([\"'])tg-spoiler\\1\\s*");
        private static final Pattern ENTITY =
                Pattern.compile("&(?:(lt|gt|amp|quot)|#([0-9]{1,7})|#[xX]([0-9A-Fa-f]{1,6}));");
        private static final Pattern ENTITY_LIKE = Pattern.compile("&#?[A-Za-z0-9]+;");
        private static final Map<String, String> NAMED = Map.of("lt", "<", "gt", ">", "amp", "&", "quot", "\"");

        static final class InvalidHtml extends Exception {
            InvalidHtml(String message) {
                super(message, null, false, false);
            }
        }

        private TelegramHtml() {
        }

        static String visibleText(String html) throws InvalidHtml {
            StringBuilder visible = new StringBuilder();
            Deque<String> open = new ArrayDeque<>();
            int at = 0;
            while (at < html.length()) {
                char c = html.charAt(at);
                if (c == '<') {
                    at = tag(html, at, open);
                } else if (c == '&') {
                    at = entity(html, at, visible);
                } else {
                    visible.append(c);
                    at++;
                }
            }
            if (!open.isEmpty()) {
                throw new InvalidHtml("Can't find end tag corresponding to start tag " + open.peek());
            }
            return visible.toString();
        }

        /** Opens or closes the tag starting at {@code start}; returns the index after it. */
        private static int tag(String html, int start, Deque<String> open) throws InvalidHtml {
            int end = tagEnd(html, start);
            if (end < 0) {
                throw new InvalidHtml("Unclosed start tag at byte offset " + byteOffset(html, start));
            }
            boolean closing = html.startsWith("/", start + 1);
            String inside = html.substring(start + (closing ? 2 : 1), end);
            if (closing) {
                close(inside.strip().toLowerCase(Locale.ROOT), html, start, open);
                return end + 1;
            }
            Matcher name = TAG_NAME.matcher(inside);
            if (!name.lookingAt()) {
                throw new InvalidHtml("Unescaped \"<\" at byte offset " + byteOffset(html, start)
                        + " (write &lt;)");
            }
            String tag = name.group().toLowerCase(Locale.ROOT);
            checkStartTag(tag, inside.substring(name.end()), html, start);
            open.push(tag);
            return end + 1;
        }

        private static void checkStartTag(String tag, String attributes, String html, int start) throws InvalidHtml {
            if (!TAGS.contains(tag)) {
                throw new InvalidHtml("Unsupported start tag \"" + tag + "\" at byte offset "
                        + byteOffset(html, start));
            }
            if (tag.equals("span") && !SPOILER_CLASS.matcher(attributes).matches()) {
                throw new InvalidHtml("Tag \"span\" must have class \"tg-spoiler\" at byte offset "
                        + byteOffset(html, start));
            }
        }

        /** Closes the innermost open tag; like Telegram, a bare {@code </>} closes whatever it is. */
        private static void close(String tag, String html, int start, Deque<String> open) throws InvalidHtml {
            if (open.isEmpty()) {
                throw new InvalidHtml("Unexpected end tag at byte offset " + byteOffset(html, start));
            }
            if (!tag.isEmpty() && !tag.equals(open.peek())) {
                throw new InvalidHtml("Unmatched end tag at byte offset " + byteOffset(html, start)
                        + ", expected \"</" + open.peek() + ">\", found \"</" + tag + ">\"");
            }
            open.pop();
        }

        /** Index of the {@code >} ending the tag at {@code start}, skipping quoted attribute values; -1 if none. */
        private static int tagEnd(String html, int start) {
            char quote = 0;
            for (int i = start + 1; i < html.length(); i++) {
                char c = html.charAt(i);
                if (quote != 0) {
                    quote = c == quote ? 0 : quote;
                } else if (c == '"' || c == '\'') {
                    quote = c;
                } else if (c == '>') {
                    return i;
                }
            }
            return -1;
        }

        /** Decodes the entity at {@code start} into {@code visible}; returns the index after it. */
        private static int entity(String html, int start, StringBuilder visible) throws InvalidHtml {
            Matcher entity = ENTITY.matcher(html).region(start, html.length());
            if (entity.lookingAt()) {
                visible.append(decode(entity, html, start));
                return entity.end();
            }
            Matcher entityLike = ENTITY_LIKE.matcher(html).region(start, html.length());
            if (entityLike.lookingAt()) {
                throw new InvalidHtml("Unsupported HTML entity \"" + entityLike.group() + "\" at byte offset "
                        + byteOffset(html, start));
            }
            throw new InvalidHtml("Unescaped \"&\" at byte offset " + byteOffset(html, start) + " (write &amp;)");
        }

        private static String decode(Matcher entity, String html, int start) throws InvalidHtml {
            if (entity.group(1) != null) {
                return NAMED.get(entity.group(1));
            }
            int codePoint = entity.group(2) != null
                    ? Integer.parseInt(entity.group(2))
                    : Integer.parseInt(entity.group(3), 16);
            if (!Character.isValidCodePoint(codePoint) || Character.getType(codePoint) == Character.SURROGATE
                    || codePoint == 0) {
                throw new InvalidHtml("Invalid character entity \"" + entity.group() + "\" at byte offset "
                        + byteOffset(html, start));
            }
            return new String(Character.toChars(codePoint));
        }

        private static int byteOffset(String text, int index) {
            return text.substring(0, index).getBytes(UTF_8).length;
        }
    }
}
