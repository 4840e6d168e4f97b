package app.backcoach.sandbox;

import app.backcoach.sandbox.SandboxChat.Attachment;
import app.backcoach.sandbox.SandboxChat.Button;
import app.backcoach.sandbox.SandboxChat.Command;
import app.backcoach.sandbox.SandboxChat.Event;
import app.backcoach.sandbox.SandboxChat.Message;
import app.backcoach.sandbox.SandboxChat.User;
import app.backcoach.sender.Html;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongFunction;
import java.util.function.UnaryOperator;
import org.jboss.logging.Logger;

/**
 * The sandbox's stand-in for the Telegram Bot API, with the chats of a few test users. It answers
 * the bot as Telegram would on the rules that matter (text length, HTML, callback data, pacing) and
 * tells the page whenever the bot breaks one. The chats are kept in {@link SandboxTranscript}, so a
 * restart shows the recent conversation again and, as with Telegram, update and message ids go on
 * rising instead of starting from 1 (the bot's inbox would take a reused update id for a redelivery).
 */
@Singleton
public class SandboxBotApi {

    private static final Logger LOG = Logger.getLogger(SandboxBotApi.class);
    static final long BOT_ID = 1;
    static final String BOT_NAME = "Back Coach";
    static final String BOT_USERNAME = "back_coach_sandbox_bot";
    static final int MAX_TEXT = Html.MAX_MESSAGE_LENGTH;
    static final int MAX_CAPTION = 1024;
    static final int MAX_TOAST = 200;
    /** More than this many messages to one chat within a second gets a 429, as Telegram would. */
    static final int PER_CHAT_PER_SECOND = 4;
    static final int GLOBAL_PER_SECOND = 30;

    /** What the stand-in answers: an HTTP status and Telegram's JSON envelope. */
    public record Answer(int status, JsonNode body) {
    }

    record StoredFile(byte[] bytes, String contentType, String fileName) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final SandboxEvents events;
    private final SandboxTranscript transcript;
    private final boolean keepsTranscript;
    private final Clock clock;
    private final Object lock = new Object();
    private final Map<Long, User> users = new LinkedHashMap<>();
    private final Map<Long, List<Message>> chats = new HashMap<>();
    private final Deque<ObjectNode> pendingUpdates = new ArrayDeque<>();
    /** Taps not yet answered: query id → chat. */
    private final Map<String, Long> openCallbackQueries = new HashMap<>();
    private final Map<String, StoredFile> files = new HashMap<>();
    private final Map<Long, Deque<Instant>> recentSends = new HashMap<>();
    private final Deque<Instant> allRecentSends = new ArrayDeque<>();
    private List<Command> commands = List.of();
    private int nextUpdateId = 1;
    /** Set when the service stops: long polls answer at once, so no worker thread holds the shutdown up. */
    private boolean closing;
    private long nextMessageId = 1;

    public SandboxBotApi(SandboxEvents events, SandboxTranscript transcript, SandboxMode mode, Clock clock) {
        this.events = events;
        this.transcript = transcript;
        this.keepsTranscript = mode.active();
        this.clock = clock;
        for (User user : List.of(new User(1001, "Alex", "en"), new User(1002, "Birgit", "de"),
                new User(1003, "Carmen", "es"))) {
            users.put(user.id(), user);
            chats.put(user.id(), new ArrayList<>());
        }
    }

    void onStart(@Observes StartupEvent event) {
        if (keepsTranscript) {
            restore();
        }
    }

    /** Takes up the stored chats and goes on numbering above every id handed out before. */
    void restore() {
        synchronized (lock) {
            SandboxTranscript.Counters counters = transcript.counters();
            nextUpdateId = Math.toIntExact(counters.lastUpdateId() + 1);
            nextMessageId = counters.lastMessageId() + 1;
            chats.values().forEach(List::clear);
            for (SandboxTranscript.Stored stored : transcript.recent()) {
                List<Message> chat = chats.get(stored.chatId());
                if (chat != null) {
                    chat.add(stored.message());
                }
                if (stored.file() != null) {
                    files.put(stored.fileId(), stored.file());
                }
            }
        }
    }

    // ------------------------------------------------------------------ the page's side

    public List<User> users() {
        synchronized (lock) {
            return List.copyOf(users.values());
        }
    }

    public List<Command> commands() {
        synchronized (lock) {
            return commands;
        }
    }

    public boolean setLanguage(long userId, String languageCode) {
        synchronized (lock) {
            User user = users.get(userId);
            if (user == null) {
                return false;
            }
            users.put(userId, user.withLanguage(languageCode));
            return true;
        }
    }

    public Optional<List<Message>> history(long userId) {
        synchronized (lock) {
            return Optional.ofNullable(chats.get(userId)).map(List::copyOf);
        }
    }

    /** The user types something: it shows in the chat and reaches the bot as a message update. */
    public Optional<Message> userSends(long userId, String text) {
        Message message;
        synchronized (lock) {
            User user = users.get(userId);
            if (user == null) {
                return Optional.empty();
            }
            message = new Message(nextMessageId++, Message.USER, null, text, null, null, null, null, epochSeconds(), false);
            add(userId, message, null, null);
            ObjectNode body = messageNode(user, message.id());
            body.put("text", text);
            if (text.startsWith("/") && text.length() > 1) {
                int end = text.indexOf(' ');
                ArrayNode entities = body.putArray("entities");
                entities.addObject().put("type", "bot_command").put("offset", 0)
                        .put("length", end < 0 ? text.length() : end);
            }
            enqueue("message", body);
        }
        events.publish(userId, Event.message(message));
        return Optional.of(message);
    }

    /** The user sends a location from the attachment menu. */
    public Optional<Message> userSendsLocation(long userId, double latitude, double longitude) {
        Message message;
        synchronized (lock) {
            User user = users.get(userId);
            if (user == null) {
                return Optional.empty();
            }
            message = new Message(nextMessageId++, Message.USER, null, null, null, null, null,
                    new SandboxChat.Location(latitude, longitude), epochSeconds(), false);
            add(userId, message, null, null);
            ObjectNode body = messageNode(user, message.id());
            body.putObject("location").put("latitude", latitude).put("longitude", longitude);
            enqueue("message", body);
        }
        events.publish(userId, Event.message(message));
        return Optional.of(message);
    }

    /** The user taps an inline button of a bot message in their chat. */
    public boolean userTaps(long userId, long messageId, String data) {
        synchronized (lock) {
            User user = users.get(userId);
            Optional<Message> message = find(userId, messageId);
            boolean hasButton = message.map(m -> m.keyboard() != null && m.keyboard().stream()
                    .flatMap(List::stream).anyMatch(button -> button.callbackData().equals(data))).orElse(false);
            if (user == null || !hasButton) {
                return false;
            }
            String queryId = "sbx-" + nextUpdateId;
            openCallbackQueries.put(queryId, userId);
            ObjectNode query = json.createObjectNode();
            query.put("id", queryId);
            query.set("from", userNode(user));
            query.set("message", messageNode(user, messageId));
            query.put("chat_instance", "sandbox-" + userId);
            query.put("data", data);
            enqueue("callback_query", query);
            return true;
        }
    }

    Optional<StoredFile> file(String fileId) {
        synchronized (lock) {
            return Optional.ofNullable(files.get(fileId));
        }
    }

    // ------------------------------------------------------------------ the bot's side

    /** One Bot API call with a JSON body; {@code method} in lower case, as the client sends it. */
    public Answer call(String method, JsonNode params) {
        return switch (method) {
            case "getme" -> ok(botUser());
            case "getupdates" -> ok(getUpdates(params));
            case "deletewebhook" -> ok(json.getNodeFactory().booleanNode(true));
            case "setwebhook" -> error(400, "Bad Request: the sandbox only does long polling", null);
            case "getwebhookinfo" -> ok(json.createObjectNode().put("url", "").put("pending_update_count", 0));
            case "setmycommands" -> setMyCommands(params);
            case "sendmessage" -> sendMessage(params);
            case "editmessagetext" -> editMessageText(params);
            case "editmessagereplymarkup" -> editMessageReplyMarkup(params);
            case "deletemessage" -> deleteMessage(params);
            case "answercallbackquery" -> answerCallbackQuery(params);
            case "sendchataction" -> sendChatAction(params);
            default -> error(404, "Not Found: method not found", null);
        };
    }

    /** sendPhoto and sendDocument, which the client sends as multipart. */
    public Answer sendMedia(String method, JsonNode params, byte[] bytes, String fileName, String contentType) {
        boolean photo = method.equals("sendphoto");
        if (!photo && !method.equals("senddocument")) {
            return error(404, "Not Found: method not found", null);
        }
        long chatId = params.path("chat_id").asLong();
        String caption = params.path("caption").asText(null);
        Optional<String> problem = bytes == null || bytes.length == 0
                ? Optional.of("Bad Request: there is no " + (photo ? "photo" : "document") + " in the request")
                : caption == null ? Optional.empty()
                : textProblem(caption, params.path("parse_mode").asText(""), MAX_CAPTION, "caption");
        String fileId = UUID.randomUUID().toString();
        StoredFile file = new StoredFile(bytes, contentType, fileName);
        Attachment attachment = new Attachment("sandbox/api/files/" + fileId, fileName, caption);
        return postNew(chatId, problem, fileId, file, id -> new Message(id, Message.BOT, null, null, null,
                photo ? attachment : null, photo ? null : attachment, null, epochSeconds(), false));
    }

    private ArrayNode getUpdates(JsonNode params) {
        int offset = params.path("offset").asInt(0);
        int limit = Math.max(1, Math.min(100, params.path("limit").asInt(100)));
        long timeoutMillis = Duration.ofSeconds(Math.max(0, params.path("timeout").asInt(0))).toMillis();
        long deadline = System.currentTimeMillis() + timeoutMillis;
        synchronized (lock) {
            if (offset > 0) {
                pendingUpdates.removeIf(update -> update.path("update_id").asInt() < offset);
            }
            while (pendingUpdates.isEmpty() && !closing && System.currentTimeMillis() < deadline) {
                try {
                    lock.wait(Math.max(1, deadline - System.currentTimeMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            ArrayNode result = json.createArrayNode();
            pendingUpdates.stream().limit(limit).forEach(result::add);
            return result;
        }
    }

    /** Before the bot's poller is stopped (which waits for its open request), and again at the very end. */
    void onShutdownStarting(@Observes @Priority(1) ShutdownDelayInitiatedEvent event) {
        releaseLongPolls();
    }

    void onStop(@Observes @Priority(1) ShutdownEvent event) {
        releaseLongPolls();
    }

    private void releaseLongPolls() {
        synchronized (lock) {
            closing = true;
            lock.notifyAll();
        }
    }

    private Answer setMyCommands(JsonNode params) {
        List<Command> menu = new ArrayList<>();
        for (JsonNode entry : params.path("commands")) {
            menu.add(new Command(entry.path("command").asText(), entry.path("description").asText()));
        }
        synchronized (lock) {
            commands = List.copyOf(menu);
        }
        events.publishToAll(Event.commands(menu));
        return ok(json.getNodeFactory().booleanNode(true));
    }

    private Answer sendMessage(JsonNode params) {
        Optional<String> problem = textProblem(params.path("text").asText(null), params.path("parse_mode").asText(""),
                MAX_TEXT, "message").or(() -> keyboardProblem(params.path("reply_markup")));
        return postNew(params.path("chat_id").asLong(), problem, null, null, id -> new Message(id, Message.BOT,
                params.path("text").asText(), null, keyboard(params.path("reply_markup")), null, null, null, epochSeconds(),
                false));
    }

    private Answer editMessageText(JsonNode params) {
        String text = params.path("text").asText(null);
        Optional<String> problem = textProblem(text, params.path("parse_mode").asText(""), MAX_TEXT, "message")
                .or(() -> keyboardProblem(params.path("reply_markup")));
        List<List<Button>> keyboard = keyboard(params.path("reply_markup"));
        return editBotMessage(params, problem, current -> current.edited(text, keyboard));
    }

    private Answer editMessageReplyMarkup(JsonNode params) {
        List<List<Button>> keyboard = keyboard(params.path("reply_markup"));
        return editBotMessage(params, keyboardProblem(params.path("reply_markup")),
                current -> current.withKeyboard(keyboard));
    }

    /** Checks, paces and stores a new bot message, then shows it on the page. */
    private Answer postNew(long chatId, Optional<String> problem, String fileId, StoredFile file,
                           LongFunction<Message> create) {
        if (problem.isPresent()) {
            return refuse(chatId, 400, problem.get());
        }
        Message message;
        synchronized (lock) {
            Optional<Answer> refused = checkChatAndPace(chatId);
            if (refused.isPresent()) {
                return refused.get();
            }
            message = create.apply(nextMessageId++);
            add(chatId, message, fileId, file);
        }
        events.publish(chatId, Event.message(message));
        return ok(sentMessageNode(chatId, message));
    }

    /** Changes a bot message in place; like Telegram, refuses a missing message or a change that changes nothing. */
    private Answer editBotMessage(JsonNode params, Optional<String> problem, UnaryOperator<Message> change) {
        long chatId = params.path("chat_id").asLong();
        if (problem.isPresent()) {
            return refuse(chatId, 400, problem.get());
        }
        Message edited;
        synchronized (lock) {
            Optional<Message> current = find(chatId, params.path("message_id").asLong());
            if (current.isEmpty() || !current.get().from().equals(Message.BOT)) {
                return refuse(chatId, 400, "Bad Request: message to edit not found");
            }
            edited = change.apply(current.get());
            if (Objects.equals(edited.html(), current.get().html())
                    && Objects.equals(edited.keyboard(), current.get().keyboard())) {
                return refuse(chatId, 400, "Bad Request: message is not modified");
            }
            replace(chatId, edited);
        }
        events.publish(chatId, Event.edit(edited));
        return ok(sentMessageNode(chatId, edited));
    }

    private Answer deleteMessage(JsonNode params) {
        long chatId = params.path("chat_id").asLong();
        long messageId = params.path("message_id").asLong();
        synchronized (lock) {
            List<Message> chat = chats.get(chatId);
            if (chat == null || !chat.removeIf(message -> message.id() == messageId)) {
                return refuse(chatId, 400, "Bad Request: message to delete not found");
            }
            keep(messageId, () -> transcript.remove(messageId));
        }
        events.publish(chatId, Event.delete(messageId));
        return ok(json.getNodeFactory().booleanNode(true));
    }

    private Answer answerCallbackQuery(JsonNode params) {
        String queryId = params.path("callback_query_id").asText();
        String text = params.path("text").asText(null);
        Long chatId;
        synchronized (lock) {
            chatId = openCallbackQueries.remove(queryId);
        }
        if (chatId == null) {
            return error(400, "Bad Request: query is too old and response timeout expired or query ID is invalid", null);
        }
        if (text != null && text.length() > MAX_TOAST) {
            return refuse(chatId, 400, "Bad Request: MESSAGE_TOO_LONG (callback answer over 200 characters)");
        }
        // Published even without text: it is how the page learns the tap was answered (spinner off).
        events.publish(chatId, Event.toast(text == null ? "" : text, params.path("show_alert").asBoolean(false)));
        return ok(json.getNodeFactory().booleanNode(true));
    }

    private Answer sendChatAction(JsonNode params) {
        long chatId = params.path("chat_id").asLong();
        synchronized (lock) {
            if (!chats.containsKey(chatId)) {
                return refuse(chatId, 400, "Bad Request: chat not found");
            }
        }
        events.publish(chatId, Event.typing(params.path("action").asText("typing")));
        return ok(json.getNodeFactory().booleanNode(true));
    }

    // ------------------------------------------------------------------ Telegram's rules

    private Optional<String> textProblem(String text, String parseMode, int max, String what) {
        if (text == null || text.isBlank()) {
            return Optional.of("Bad Request: " + what + " text is empty");
        }
        boolean html = parseMode.equalsIgnoreCase("html");
        if (html) {
            try {
                Html.validate(text);
            } catch (Html.InvalidHtmlException e) {
                return Optional.of("Bad Request: can't parse entities: " + e.getMessage());
            }
        }
        int length = html ? Html.visibleLength(text) : text.length();
        if (length > max) {
            return Optional.of("Bad Request: " + what + " is too long (" + length + " characters, at most " + max + ")");
        }
        return Optional.empty();
    }

    private static Optional<String> keyboardProblem(JsonNode markup) {
        for (JsonNode row : markup.path("inline_keyboard")) {
            for (JsonNode button : row) {
                if (button.path("text").asText("").isBlank()) {
                    return Optional.of("Bad Request: inline keyboard button text is empty");
                }
                int bytes = button.path("callback_data").asText("").getBytes(StandardCharsets.UTF_8).length;
                if (button.has("callback_data") && (bytes == 0 || bytes > 64)) {
                    return Optional.of("Bad Request: BUTTON_DATA_INVALID (callback_data is " + bytes + " bytes, at most 64)");
                }
            }
        }
        return Optional.empty();
    }

    /** Called with the lock held. */
    private Optional<Answer> checkChatAndPace(long chatId) {
        if (!chats.containsKey(chatId)) {
            return Optional.of(error(400, "Bad Request: chat not found", null));
        }
        Instant now = clock.instant();
        Deque<Instant> chat = recentSends.computeIfAbsent(chatId, id -> new ArrayDeque<>());
        forgetOlderThanASecond(chat, now);
        forgetOlderThanASecond(allRecentSends, now);
        if (chat.size() >= PER_CHAT_PER_SECOND || allRecentSends.size() >= GLOBAL_PER_SECOND) {
            return Optional.of(refuseLocked(chatId, 429, "Too Many Requests: retry after 1", 1));
        }
        chat.addLast(now);
        allRecentSends.addLast(now);
        return Optional.empty();
    }

    private static void forgetOlderThanASecond(Deque<Instant> sends, Instant now) {
        while (!sends.isEmpty() && !sends.peekFirst().isAfter(now.minusSeconds(1))) {
            sends.removeFirst();
        }
    }

    /** A refusal the bot caused: answered like Telegram, and shown on the page as a warning. */
    private Answer refuse(long chatId, int status, String description) {
        synchronized (lock) {
            return refuseLocked(chatId, status, description, null);
        }
    }

    private Answer refuseLocked(long chatId, int status, String description, Integer retryAfter) {
        LOG.warnf("Sandbox: the bot broke a Telegram rule in chat %d: %s", chatId, description);
        events.publish(chatId, Event.warning("Telegram would refuse this: " + description));
        return error(status, description, retryAfter);
    }

    // ------------------------------------------------------------------ JSON

    private Answer ok(JsonNode result) {
        ObjectNode body = json.createObjectNode().put("ok", true);
        body.set("result", result);
        return new Answer(200, body);
    }

    private Answer error(int status, String description, Integer retryAfter) {
        ObjectNode body = json.createObjectNode().put("ok", false).put("error_code", status).put("description", description);
        if (retryAfter != null) {
            body.putObject("parameters").put("retry_after", retryAfter);
        }
        return new Answer(status, body);
    }

    private void enqueue(String kind, ObjectNode content) {
        ObjectNode update = json.createObjectNode().put("update_id", nextUpdateId++);
        update.set(kind, content);
        pendingUpdates.addLast(update);
        lock.notifyAll();
    }

    private ObjectNode botUser() {
        return json.createObjectNode().put("id", BOT_ID).put("is_bot", true).put("first_name", BOT_NAME)
                .put("username", BOT_USERNAME);
    }

    private ObjectNode userNode(User user) {
        return json.createObjectNode().put("id", user.id()).put("is_bot", false).put("first_name", user.name())
                .put("language_code", user.languageCode());
    }

    private ObjectNode chatNode(long chatId) {
        User user = users.get(chatId);
        return json.createObjectNode().put("id", chatId).put("type", "private")
                .put("first_name", user == null ? "?" : user.name());
    }

    private ObjectNode messageNode(User user, long messageId) {
        ObjectNode message = json.createObjectNode().put("message_id", messageId).put("date", epochSeconds());
        message.set("chat", chatNode(user.id()));
        message.set("from", userNode(user));
        return message;
    }

    private ObjectNode sentMessageNode(long chatId, Message message) {
        ObjectNode node = json.createObjectNode().put("message_id", message.id()).put("date", message.date());
        node.set("chat", chatNode(chatId));
        node.set("from", botUser());
        if (message.html() != null) {
            node.put("text", message.html());
        }
        return node;
    }

    private static List<List<Button>> keyboard(JsonNode markup) {
        JsonNode rows = markup.path("inline_keyboard");
        if (!rows.isArray() || rows.isEmpty()) {
            return null;
        }
        List<List<Button>> keyboard = new ArrayList<>();
        for (JsonNode row : rows) {
            List<Button> buttons = new ArrayList<>();
            row.forEach(button -> buttons.add(new Button(button.path("text").asText(),
                    button.path("callback_data").asText(null))));
            keyboard.add(buttons);
        }
        return keyboard;
    }

    private Optional<Message> find(long chatId, long messageId) {
        return chats.getOrDefault(chatId, List.of()).stream().filter(m -> m.id() == messageId).findFirst();
    }

    /** Called with the lock held. */
    private void add(long chatId, Message message, String fileId, StoredFile file) {
        chats.get(chatId).add(message);
        if (file != null) {
            files.put(fileId, file);
        }
        keep(message.id(), () -> transcript.save(chatId, message, fileId, file));
    }

    /** The chat goes on if the transcript cannot be written; only the view after a restart misses it. */
    private void keep(long messageId, Runnable write) {
        if (!keepsTranscript) {
            return;
        }
        try {
            write.run();
        } catch (RuntimeException e) {
            LOG.warnf("Sandbox: message %d is not kept for after a restart (%s)", messageId, e.getClass().getSimpleName());
        }
    }

    private void replace(long chatId, Message message) {
        List<Message> chat = chats.get(chatId);
        chat.replaceAll(existing -> existing.id() == message.id() ? message : existing);
        keep(message.id(), () -> transcript.save(chatId, message, null, null));
    }

    private long epochSeconds() {
        return clock.instant().getEpochSecond();
    }
}
