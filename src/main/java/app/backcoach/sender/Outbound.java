package app.backcoach.sender;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Objects;

/**
 * Something the bot sends, in the bot's own terms (no Telegram types). Stored as JSON in the outbox
 * until delivered, so the type name is part of the stored format.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Outbound.Text.class, name = "text"),
    @JsonSubTypes.Type(value = Outbound.EditText.class, name = "edit-text"),
    @JsonSubTypes.Type(value = Outbound.EditKeyboard.class, name = "edit-keyboard"),
    @JsonSubTypes.Type(value = Outbound.AnswerCallback.class, name = "answer-callback"),
    @JsonSubTypes.Type(value = Outbound.Document.class, name = "document"),
    @JsonSubTypes.Type(value = Outbound.Photo.class, name = "photo"),
    @JsonSubTypes.Type(value = Outbound.Delete.class, name = "delete")
})
public sealed interface Outbound {

    long chatId();

    /**
     * Whether it makes a new message in the chat (and so takes the chat's next message id). Only such a
     * call is repeated after a failure that may have reached Telegram: the ids tell afterwards whether the
     * first one arrived. An edit or a callback answer that may have arrived is not repeated, since
     * Telegram refuses the repeat ("message is not modified", "query is too old").
     */
    boolean createsMessage();

    /** Whether it counts against the per-chat message rate. */
    default boolean countsAsChatMessage() {
        return true;
    }

    /** Whether it uploads a file: sent as a multipart form, and too large to keep in memory for long. */
    default boolean carriesFile() {
        return false;
    }

    /** A new message in HTML parse mode, at most {@link Html#MAX_MESSAGE_LENGTH} long. */
    record Text(long chatId, String html, Keyboard keyboard) implements Outbound {
        public Text {
            Objects.requireNonNull(html, "html");
        }

        @Override
        public boolean createsMessage() {
            return true;
        }
    }

    /** Replaces the text (and keyboard) of a message the bot sent earlier. */
    record EditText(long chatId, long messageId, String html, Keyboard keyboard) implements Outbound {
        public EditText {
            Objects.requireNonNull(html, "html");
        }

        @Override
        public boolean createsMessage() {
            return false;
        }
    }

    /** Replaces only the buttons under a message (null removes them), leaving its text as it is. */
    record EditKeyboard(long chatId, long messageId, Keyboard keyboard) implements Outbound {
        @Override
        public boolean createsMessage() {
            return false;
        }
    }

    /** A file (an export, say) with an optional HTML caption of at most 1024 characters. */
    record Document(long chatId, String fileName, byte[] content, String captionHtml) implements Outbound {
        public static final int MAX_CAPTION_LENGTH = 1024;

        public Document {
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(content, "content");
            if (captionHtml != null && captionHtml.length() > MAX_CAPTION_LENGTH) {
                throw new IllegalArgumentException("A caption is at most 1024 characters");
            }
        }

        @Override
        public boolean createsMessage() {
            return true;
        }

        @Override
        public boolean carriesFile() {
            return true;
        }
    }

    /** A picture (PNG, JPEG) with an optional HTML caption of at most 1024 characters. */
    record Photo(long chatId, String fileName, byte[] content, String captionHtml) implements Outbound {
        public Photo {
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(content, "content");
            if (captionHtml != null && captionHtml.length() > Document.MAX_CAPTION_LENGTH) {
                throw new IllegalArgumentException("A caption is at most 1024 characters");
            }
        }

        @Override
        public boolean createsMessage() {
            return true;
        }

        @Override
        public boolean carriesFile() {
            return true;
        }
    }

    /** Stops the spinner on a tapped button, optionally with a short toast (≤ 200 characters). */
    record AnswerCallback(long chatId, String callbackQueryId, String toast) implements Outbound {
        public static final int MAX_TOAST_LENGTH = 200;

        public AnswerCallback {
            Objects.requireNonNull(callbackQueryId, "callbackQueryId");
            if (toast != null && toast.length() > MAX_TOAST_LENGTH) {
                throw new IllegalArgumentException("A callback answer is at most 200 characters");
            }
        }

        @Override
        public boolean createsMessage() {
            return false;
        }

        @Override
        public boolean countsAsChatMessage() {
            return false;
        }
    }

    /** Removes a message the bot sent (a duplicate that a resend revealed). */
    record Delete(long chatId, long messageId) implements Outbound {
        @Override
        public boolean createsMessage() {
            return false;
        }

        @Override
        public boolean countsAsChatMessage() {
            return false;
        }
    }
}
