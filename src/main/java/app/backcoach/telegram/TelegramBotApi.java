package app.backcoach.telegram;

import app.backcoach.sender.BotApi;
import app.backcoach.sender.DeliveryOutcome;
import app.backcoach.sender.Keyboard;
import app.backcoach.sender.Outbound;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.math.BigInteger;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import okhttp3.Call;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.DeleteMessage;
import org.telegram.telegrambots.meta.generics.TelegramClient;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageReplyMarkup;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiValidationException;

/**
 * {@link BotApi} over the Bot API: our messages in, classified outcomes out. TelegramBots' types describe the
 * calls and read the answers; the HTTP call itself runs on the caller's thread (see {@link #deliver}).
 */
@Singleton
public class TelegramBotApi implements BotApi {

    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);
    private static final DeliveryOutcome INTERRUPTED =
            new DeliveryOutcome.Uncertain("interrupted while waiting for Telegram");

    private final TelegramConnection connection;

    public TelegramBotApi(TelegramConnection connection) {
        this.connection = connection;
    }

    @Override
    public DeliveryOutcome deliver(Outbound message) {
        if (message.carriesFile()) {
            return upload(message);
        }
        BotApiMethod<? extends Serializable> method = toMethod(message);
        CallTrace trace = new CallTrace();
        Call call;
        try {
            method.validate();
            call = connection.jsonCall(method, trace);
        } catch (TelegramApiValidationException | JsonProcessingException invalid) {
            // Refused before anything was sent, as TelegramBots' client refuses it.
            return new DeliveryOutcome.Rejected(400, "refused by client validation");
        }
        // On this thread: OkHttp's callTimeout (the sending client's) bounds the whole call, answer included.
        Response response;
        try {
            response = call.execute();
        } catch (IOException failed) {
            return failed(failed, trace);
        } catch (RuntimeException failed) {
            // On OkHttp's dispatcher thread such a failure reached TelegramBots as an IOException ("canceled
            // due to ..."): classified as one, as before.
            return failed(new IOException(failed.getClass().getSimpleName()), trace);
        }
        byte[] body;
        try (ResponseBody answer = response.body()) {
            body = answer.bytes();
        } catch (IOException | RuntimeException failed) {
            return failed(failed, trace);
        }
        return answered(body, message.createsMessage(), trace);
    }

    /**
     * The Bot API's answer, read for what the sender needs: done (with the new message's id), or refused
     * with a code and a retry_after. Like TelegramBots, the status code is not looked at.
     */
    private DeliveryOutcome answered(byte[] body, boolean createsMessage, CallTrace trace) {
        if (Thread.currentThread().isInterrupted()) {
            return INTERRUPTED;
        }
        if (trace.gatewayPage()) {
            return classify(null, trace.requestWritten(), true);
        }
        Answer answer = read(body);
        if (answer == null || answer.ok() == null) {
            return refused(0, null);
        }
        if (!answer.ok()) {
            return refused(answer.errorCode(), answer.retryAfter());
        }
        if (answer.messageId() != null) {
            return new DeliveryOutcome.Delivered(answer.messageId());
        }
        // A new message must come back as one: anything else is no answer we can read (as TelegramBots found).
        return createsMessage ? refused(0, null) : new DeliveryOutcome.Delivered(null);
    }

    /** What the sender reads of an answer; null where a field is missing or not of its type. */
    private record Answer(Boolean ok, int errorCode, Integer retryAfter, Long messageId) {
    }

    /**
     * One pass over the answer's bytes, every other field skipped: a tree of the whole answer (an edit's answer
     * echoes the message, its keyboard and entities) built from its text decoded to a String cost more than the
     * rest of reading it. Null for anything that is not one well-formed JSON object.
     */
    private Answer read(byte[] body) {
        try (JsonParser parser = connection.json().getFactory().createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Boolean ok = null;
            int errorCode = 0;
            Integer retryAfter = null;
            Long messageId = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "ok" -> ok = value != null && value.isBoolean() ? parser.getBooleanValue() : null;
                    case "error_code" -> errorCode = parser.getValueAsInt(0);
                    case "parameters" -> retryAfter = field(parser, "retry_after", TelegramBotApi::intValue);
                    case "result" -> messageId = field(parser, "message_id", TelegramBotApi::longValue);
                    default -> { }
                }
                parser.skipChildren();
            }
            return new Answer(ok, errorCode, retryAfter, messageId);
        } catch (IOException unreadable) {
            return null; // malformed, or cut off before the object closed
        }
    }

    private interface ValueReader<T> {
        T read(JsonParser parser) throws IOException;
    }

    /** The named field of the object the parser is at (its value, or null); the object is read to its end. */
    private static <T> T field(JsonParser parser, String name, ValueReader<T> reader) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            return null;
        }
        T found = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            if (field.equals(name)) {
                found = reader.read(parser);
            }
            parser.skipChildren();
        }
        return found;
    }

    /** An int, as {@code JsonNode.isInt()} took it. */
    private static Integer intValue(JsonParser parser) throws IOException {
        return parser.currentToken() == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT
                ? parser.getIntValue() : null;
    }

    /** Any number that fits a long, as {@code JsonNode.canConvertToLong()} took it. */
    private static Long longValue(JsonParser parser) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT) {
            if (parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                return parser.getLongValue();
            }
            BigInteger big = parser.getBigIntegerValue();
            return big.bitLength() < 64 ? big.longValue() : null;
        }
        if (parser.currentToken() == JsonToken.VALUE_NUMBER_FLOAT) {
            double value = parser.getDoubleValue();
            return value >= Long.MIN_VALUE && value <= Long.MAX_VALUE ? (long) value : null;
        }
        return null;
    }

    /**
     * A failed call; on an interrupted thread (a hard stop) always uncertain, whatever the interrupt broke off.
     * The flag stays set: the dispatcher looks at it after the call.
     */
    private static DeliveryOutcome failed(Exception failure, CallTrace trace) {
        if (Thread.currentThread().isInterrupted()) {
            return INTERRUPTED;
        }
        return classify(failure, trace.requestWritten(), trace.gatewayPage());
    }

    /**
     * Documents and photos (multipart, rare) still go through TelegramBots' client, which runs them on OkHttp's
     * dispatcher thread; its multipart form is not worth rebuilding here for them.
     */
    private DeliveryOutcome upload(Outbound message) {
        CallTrace trace = new CallTrace();
        TelegramClient client = connection.tracedClient(trace);
        CompletableFuture<Message> call = message instanceof Outbound.Document document
                ? client.executeAsync(toSendDocument(document))
                : client.executeAsync(toSendPhoto((Outbound.Photo) message));
        try {
            long wait = connection.config().requestTimeout().toMillis() + 1000;
            Message sent = call.get(wait, TimeUnit.MILLISECONDS);
            return new DeliveryOutcome.Delivered(sent == null ? null : sent.getMessageId().longValue());
        } catch (ExecutionException failed) {
            return classify(failed.getCause(), trace.requestWritten(), trace.gatewayPage());
        } catch (TimeoutException e) {
            call.cancel(true);
            return new DeliveryOutcome.Uncertain("no answer in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return INTERRUPTED;
        }
    }

    /**
     * What a failure means for retrying. "Not delivered" only where Telegram cannot have carried the call
     * out: no connection, a request that was never written out in full, a proxy's error page, or an
     * answer of Telegram's that says so (429). Telegram's own 5xx may come after it did the work.
     *
     * @param requestWritten whether the request left in full (from the wire, see {@link CallTrace})
     * @param gatewayPage whether the answer was a proxy's error page instead of the Bot API's JSON
     */
    static DeliveryOutcome classify(Throwable failure, boolean requestWritten, boolean gatewayPage) {
        if (gatewayPage) {
            return new DeliveryOutcome.NotDelivered("a proxy's error page: Telegram was not reached");
        }
        if (failure instanceof TelegramApiRequestException answer) {
            return refused(answer.getErrorCode() == null ? 0 : answer.getErrorCode(),
                    answer.getParameters() == null ? null : answer.getParameters().getRetryAfter());
        }
        if (failure instanceof ConnectException || failure instanceof UnknownHostException
                || failure instanceof NoRouteToHostException) {
            return new DeliveryOutcome.NotDelivered("could not connect: " + failure.getClass().getSimpleName());
        }
        if (failure instanceof IOException && !requestWritten) {
            return new DeliveryOutcome.NotDelivered("connection broke before the request was written: "
                    + failure.getClass().getSimpleName());
        }
        if (failure instanceof IOException) {
            return new DeliveryOutcome.Uncertain("connection broke: " + failure.getClass().getSimpleName());
        }
        return new DeliveryOutcome.Uncertain(failure == null ? "unknown failure" : failure.getClass().getSimpleName());
    }

    /**
     * What the Bot API's {@code {"ok": false, "error_code": …}} means for retrying; code 0 for an answer that
     * could not be read at all.
     */
    static DeliveryOutcome refused(int code, Integer retryAfterSeconds) {
        if (code == 429) {
            return new DeliveryOutcome.RateLimited(retryAfterSeconds == null ? DEFAULT_RETRY_AFTER
                    : Duration.ofSeconds(retryAfterSeconds));
        }
        if (code == 403) {
            return new DeliveryOutcome.Blocked("forbidden");
        }
        if (code >= 400 && code < 500) {
            return new DeliveryOutcome.Rejected(code, "bad request");
        }
        if (code >= 500) {
            return new DeliveryOutcome.Uncertain("Telegram answered " + code + "; it may have done it");
        }
        return new DeliveryOutcome.Uncertain("unreadable answer");
    }

    private static BotApiMethod<? extends Serializable> toMethod(Outbound message) {
        if (message instanceof Outbound.Text text) {
            return SendMessage.builder()
                    .chatId(text.chatId())
                    .text(text.html())
                    .parseMode(ParseMode.HTML)
                    .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build())
                    .replyMarkup(markup(text.keyboard()))
                    .build();
        }
        if (message instanceof Outbound.EditText edit) {
            return EditMessageText.builder()
                    .chatId(edit.chatId())
                    .messageId(Math.toIntExact(edit.messageId()))
                    .text(edit.html())
                    .parseMode(ParseMode.HTML)
                    .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build())
                    .replyMarkup(markup(edit.keyboard()))
                    .build();
        }
        if (message instanceof Outbound.EditKeyboard edit) {
            return EditMessageReplyMarkup.builder()
                    .chatId(edit.chatId())
                    .messageId(Math.toIntExact(edit.messageId()))
                    .replyMarkup(markup(edit.keyboard()))
                    .build();
        }
        if (message instanceof Outbound.Delete delete) {
            return DeleteMessage.builder()
                    .chatId(delete.chatId())
                    .messageId(Math.toIntExact(delete.messageId()))
                    .build();
        }
        if (message instanceof Outbound.AnswerCallback answer) {
            return AnswerCallbackQuery.builder()
                    .callbackQueryId(answer.callbackQueryId())
                    .text(answer.toast())
                    .build();
        }
        throw new IllegalArgumentException("No Telegram method for " + message.getClass().getSimpleName());
    }

    private static SendPhoto toSendPhoto(Outbound.Photo photo) {
        return SendPhoto.builder()
                .chatId(photo.chatId())
                .photo(new InputFile(new ByteArrayInputStream(photo.content()), photo.fileName()))
                .caption(photo.captionHtml())
                .parseMode(photo.captionHtml() == null ? null : ParseMode.HTML)
                .build();
    }

    private static SendDocument toSendDocument(Outbound.Document document) {
        return SendDocument.builder()
                .chatId(document.chatId())
                .document(new InputFile(new ByteArrayInputStream(document.content()), document.fileName()))
                .caption(document.captionHtml())
                .parseMode(document.captionHtml() == null ? null : ParseMode.HTML)
                .build();
    }

    private static InlineKeyboardMarkup markup(Keyboard keyboard) {
        if (keyboard == null) {
            return null;
        }
        return InlineKeyboardMarkup.builder()
                .keyboard(keyboard.rows().stream()
                        .map(row -> new InlineKeyboardRow(row.stream()
                                .map(button -> InlineKeyboardButton.builder()
                                        .text(button.label())
                                        .callbackData(button.callbackData())
                                        .build())
                                .toList()))
                        .toList())
                .build();
    }
}
