package app.backcoach.telegram;

import app.backcoach.sender.BotApi;
import app.backcoach.sender.DeliveryOutcome;
import app.backcoach.sender.Keyboard;
import app.backcoach.sender.Outbound;
import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/** {@link BotApi} over the TelegramBots client: our messages in, classified outcomes out. */
@Singleton
public class TelegramBotApi implements BotApi {

    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

    private final TelegramConnection connection;

    public TelegramBotApi(TelegramConnection connection) {
        this.connection = connection;
    }

    @Override
    public DeliveryOutcome deliver(Outbound message) {
        CallTrace trace = new CallTrace();
        TelegramClient client = connection.tracedClient(trace);
        CompletableFuture<? extends Serializable> call;
        try {
            if (message instanceof Outbound.Document document) {
                call = client.executeAsync(toSendDocument(document));
            } else if (message instanceof Outbound.Photo photo) {
                call = client.executeAsync(toSendPhoto(photo));
            } else {
                call = client.executeAsync(toMethod(message));
            }
        } catch (TelegramApiException invalid) {
            // The library's own validation refused it before anything was sent.
            return new DeliveryOutcome.Rejected(400, "refused by client validation");
        }
        try {
            Serializable result = call.get(connection.config().requestTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
            Long messageId = result instanceof Message sent ? sent.getMessageId().longValue() : null;
            return new DeliveryOutcome.Delivered(messageId);
        } catch (ExecutionException failed) {
            return classify(failed.getCause(), trace.requestWritten(), trace.gatewayPage());
        } catch (TimeoutException e) {
            call.cancel(true);
            return new DeliveryOutcome.Uncertain("no answer in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new DeliveryOutcome.Uncertain("interrupted while waiting for Telegram");
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
            int code = answer.getErrorCode() == null ? 0 : answer.getErrorCode();
            if (code == 429) {
                Integer seconds = answer.getParameters() == null ? null : answer.getParameters().getRetryAfter();
                return new DeliveryOutcome.RateLimited(seconds == null ? DEFAULT_RETRY_AFTER : Duration.ofSeconds(seconds));
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
