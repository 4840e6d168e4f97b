package app.backcoach.sender;

import app.backcoach.database.Sql;
import app.backcoach.user.UserService;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The one way the bot says anything. Messages are checked against Telegram's rules here, where the
 * caller can still be blamed, and stored in the outbox in the caller's transaction: a reply exists
 * exactly when the state change that caused it was committed.
 */
@ApplicationScoped
@Transactional
public class MessageSender {

    /** Fired when the outbox got work; the dispatcher wakes after the transaction commits. */
    public record OutboxChanged() {
    }

    private final ObjectMapper json;
    private final Clock clock;
    private final UserService users;
    private final Event<OutboxChanged> outboxChanged;
    private final Sql sql;
    private final WrittenMessages written;
    private final TransactionSynchronizationRegistry transaction;

    public MessageSender(ObjectMapper json, Clock clock, UserService users, Event<OutboxChanged> outboxChanged, Sql sql,
                         WrittenMessages written, TransactionSynchronizationRegistry transaction) {
        this.transaction = transaction;
        this.sql = sql;
        this.written = written;
        this.json = json;
        this.clock = clock;
        this.users = users;
        this.outboxChanged = outboxChanged;
    }

    public void send(long chatId, String html) {
        send(chatId, html, null);
    }

    /** Sends an HTML text; longer texts go out as several messages, the keyboard under the last. */
    public void send(long chatId, String html, Keyboard keyboard) {
        Html.validate(html);
        if (users.isBlocked(chatId)) {
            return;
        }
        List<String> parts = Html.split(html, Html.MAX_MESSAGE_LENGTH);
        for (int i = 0; i < parts.size(); i++) {
            boolean last = i == parts.size() - 1;
            enqueue(new Outbound.Text(chatId, parts.get(i), last ? keyboard : null), false);
        }
    }

    /** Replaces a message in place; an edit cannot be split, so the text must fit in one message. */
    public void edit(long chatId, long messageId, String html, Keyboard keyboard) {
        Html.validate(html);
        if (Html.visibleLength(html) > Html.MAX_MESSAGE_LENGTH) {
            throw new IllegalArgumentException("An edited message must fit in one message");
        }
        if (!users.isBlocked(chatId)) {
            enqueue(new Outbound.EditText(chatId, messageId, html, keyboard), false);
        }
    }

    /** Changes only the buttons under a message; null takes them away (an answered question, say). */
    public void editKeyboard(long chatId, long messageId, Keyboard keyboard) {
        if (!users.isBlocked(chatId)) {
            enqueue(new Outbound.EditKeyboard(chatId, messageId, keyboard), false);
        }
    }

    /** Sends a file; the caption, if any, is HTML like any text. */
    public void sendDocument(long chatId, String fileName, byte[] content, String captionHtml) {
        if (captionHtml != null) {
            Html.validate(captionHtml);
        }
        if (!users.isBlocked(chatId)) {
            enqueue(new Outbound.Document(chatId, fileName, content, captionHtml), false);
        }
    }

    /** Sends a picture (a chart, say); the caption, if any, is HTML like any text. */
    public void sendPhoto(long chatId, String fileName, byte[] content, String captionHtml) {
        if (captionHtml != null) {
            Html.validate(captionHtml);
        }
        if (!users.isBlocked(chatId)) {
            enqueue(new Outbound.Photo(chatId, fileName, content, captionHtml), false);
        }
    }

    /**
     * Sends a text that leaves no trace: its outbox row is deleted once delivered. For the
     * confirmation that a person's data was erased, which must not itself be kept about them.
     */
    public void sendAndForget(long chatId, String html) {
        Html.validate(html);
        if (Html.visibleLength(html) > Html.MAX_MESSAGE_LENGTH) {
            throw new IllegalArgumentException("An ephemeral message must fit in one message");
        }
        enqueue(new Outbound.Text(chatId, html, null), true);
    }

    /** Takes the buttons away from a message and leaves no trace of having done so (after an erasure). */
    public void removeButtonsAndForget(long chatId, long messageId) {
        enqueue(new Outbound.EditKeyboard(chatId, messageId, null), true);
    }

    /**
     * Shows a text in place of the message the person tapped in, or as a new message when there is
     * none (a command, a typed answer): the one-message dialogues use this throughout.
     */
    public void replace(long chatId, Long messageId, String html, Keyboard keyboard) {
        if (messageId != null) {
            edit(chatId, messageId, html, keyboard);
        } else {
            send(chatId, html, keyboard);
        }
    }

    /** Every tapped button must be answered, or Telegram keeps a spinner on it. */
    public void answerCallback(long chatId, String callbackQueryId, String toast) {
        // Worthless once delivered, and it would otherwise outlive a /delete by a few days.
        enqueue(new Outbound.AnswerCallback(chatId, callbackQueryId, toast), true);
    }

    private void enqueue(Outbound message, boolean ephemeral) {
        String payload = write(message);
        Instant now = clock.instant();
        // One INSERT on the transaction's connection: every reply of every update comes here, and persisting an
        // entity (an identity insert through the session's action queue) cost more than the statement.
        sql.inCurrentTransaction(connection -> OutboxStore.insertPending(connection, message, payload, ephemeral, now));
        written.keep(payload, message);
        // One wake per transaction, however many rows it queued: a second wake arriving after the dispatcher had read
        // the first one's rows read them again, found their lanes busy, and read once more when each was done.
        if (transaction.getResource(OutboxChanged.class) == null) {
            transaction.putResource(OutboxChanged.class, Boolean.TRUE);
            outboxChanged.fire(new OutboxChanged());
        }
    }

    private String write(Outbound message) {
        try {
            return json.writerFor(Outbound.class).writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Outbound message not serialisable", e);
        }
    }
}
