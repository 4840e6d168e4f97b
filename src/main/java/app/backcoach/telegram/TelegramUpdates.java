package app.backcoach.telegram;

import app.backcoach.chat.Incoming;
import app.backcoach.chat.Incoming.Chat;
import app.backcoach.chat.Incoming.ChatKind;
import app.backcoach.chat.Incoming.Person;
import app.backcoach.intake.InboundUpdate;
import app.backcoach.intake.UpdateDecoder;
import app.backcoach.sender.PendingTaps;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.Set;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberUpdated;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/** Telegram updates in and out of the inbox: their lane at arrival, their meaning when handled. */
@Singleton
public class TelegramUpdates implements UpdateDecoder {

    private static final Set<String> GONE = Set.of("kicked", "left");

    private final ObjectMapper json;

    @Inject
    public TelegramUpdates(TelegramConnection connection) {
        this(connection.json());
    }

    TelegramUpdates(ObjectMapper json) {
        this.json = json;
    }

    public InboundUpdate toInbound(Update update) {
        try {
            Long messageId = update.getMessage() != null && update.getMessage().getMessageId() != null
                    ? update.getMessage().getMessageId().longValue() : null;
            return new InboundUpdate(update.getUpdateId(), safeLaneOf(update), json.writeValueAsString(update), messageId,
                    decodeSafely(update));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Update " + update.getUpdateId() + " cannot be stored", e);
        }
    }

    public Update parse(String payload) {
        try {
            return json.readValue(payload, Update.class);
        } catch (JsonProcessingException e) {
            // The message may quote the payload, so only the type is passed on.
            throw new IllegalArgumentException("Unreadable update (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** An update whose parts are missing or malformed is ignored (kept as handled), never retried and parked. */
    @Override
    public Incoming decode(String payload) {
        return decodeSafely(parse(payload));
    }

    private Incoming decodeSafely(Update update) {
        try {
            return decode(update);
        } catch (RuntimeException malformed) {
            return new Incoming.Ignored(new Chat(safeLaneOf(update), ChatKind.CHANNEL), "malformed update");
        }
    }

    private Incoming decode(Update update) {
        if (update.getMessage() != null) {
            return fromMessage(update.getMessage());
        }
        if (update.getCallbackQuery() != null) {
            return fromCallback(update.getCallbackQuery());
        }
        if (update.getMyChatMember() != null) {
            return fromMembership(update.getMyChatMember());
        }
        if (update.getEditedMessage() != null) {
            // The original was answered already; answering an edit again would only confuse.
            return new Incoming.Ignored(chatOf(update.getEditedMessage()), "edited message");
        }
        return new Incoming.Ignored(new Chat(laneOf(update), ChatKind.CHANNEL), "update type not used");
    }

    /** Tells the sender about a tap the moment it arrives, so it is answered in time whatever happens next. */
    static void noteTap(Update update, PendingTaps taps) {
        CallbackQuery query = update.getCallbackQuery();
        if (query != null && query.getId() != null) {
            taps.received(query.getId(), safeLaneOf(update));
        }
    }

    /** Like {@link #laneOf}, with lane 0 for an update that lacks the parts that name its chat. */
    static long safeLaneOf(Update update) {
        try {
            return laneOf(update);
        } catch (RuntimeException malformed) {
            return 0;
        }
    }

    /** The chat an update belongs to, so that one chat's updates are handled in order. */
    static long laneOf(Update update) {
        if (update.getMessage() != null) {
            return update.getMessage().getChatId();
        }
        if (update.getEditedMessage() != null) {
            return update.getEditedMessage().getChatId();
        }
        if (update.getCallbackQuery() != null) {
            CallbackQuery query = update.getCallbackQuery();
            return query.getMessage() != null ? query.getMessage().getChatId() : query.getFrom().getId();
        }
        if (update.getMyChatMember() != null) {
            return update.getMyChatMember().getChat().getId();
        }
        if (update.getChannelPost() != null) {
            return update.getChannelPost().getChatId();
        }
        return 0;
    }

    private static Incoming fromMessage(Message message) {
        Chat chat = chatOf(message);
        Person from = personOf(message.getFrom());
        if (from == null) {
            return new Incoming.Ignored(chat, "message without sender");
        }
        if (message.hasText()) {
            String text = message.getText();
            if (looksLikeCommand(text)) {
                return command(chat, from, text);
            }
            return new Incoming.TextMessage(chat, from, text);
        }
        if (message.getLocation() != null) {
            return new Incoming.LocationShared(chat, from, message.getLocation().getLatitude(),
                    message.getLocation().getLongitude());
        }
        return new Incoming.OtherMessage(chat, from, kindOf(message));
    }

    /** Telegram marks these as bot_command entities; the text itself is the reliable source. */
    private static boolean looksLikeCommand(String text) {
        return text.length() > 1 && text.charAt(0) == '/' && Character.isLetterOrDigit(text.charAt(1));
    }

    /** "/Start@back_coach_bot  clinic-7" → name "start", arguments "clinic-7". */
    private static Incoming command(Chat chat, Person from, String text) {
        String trimmed = text.strip();
        int space = firstWhitespace(trimmed);
        String head = space < 0 ? trimmed.substring(1) : trimmed.substring(1, space);
        String arguments = space < 0 ? "" : trimmed.substring(space).strip();
        int at = head.indexOf('@');
        String name = (at < 0 ? head : head.substring(0, at)).toLowerCase(Locale.ROOT);
        return new Incoming.CommandMessage(chat, from, name, arguments);
    }

    private static int firstWhitespace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static Incoming fromCallback(CallbackQuery query) {
        Person from = personOf(query.getFrom());
        Chat chat = query.getMessage() != null
                ? toChat(query.getMessage().getChatId(), query.getMessage().getChat().getType())
                : new Chat(query.getFrom().getId(), ChatKind.PRIVATE);
        Long messageId = query.getMessage() != null ? query.getMessage().getMessageId().longValue() : null;
        return new Incoming.ButtonTap(chat, from, query.getId(), messageId, query.getData());
    }

    private static Incoming fromMembership(ChatMemberUpdated change) {
        Chat chat = toChat(change.getChat().getId(), change.getChat().getType());
        if (!chat.isPrivate()) {
            return new Incoming.Ignored(chat, "membership outside a private chat");
        }
        boolean blocked = GONE.contains(change.getNewChatMember().getStatus());
        return new Incoming.MembershipChange(chat, personOf(change.getFrom()), blocked);
    }

    private static Chat chatOf(Message message) {
        return toChat(message.getChatId(), message.getChat().getType());
    }

    private static Chat toChat(long id, String type) {
        ChatKind kind = switch (type == null ? "" : type) {
            case "private" -> ChatKind.PRIVATE;
            case "channel" -> ChatKind.CHANNEL;
            default -> ChatKind.GROUP;
        };
        return new Chat(id, kind);
    }

    private static Person personOf(User user) {
        return user == null ? null : new Person(user.getId(), user.getLanguageCode());
    }

    private static String kindOf(Message message) {
        if (message.hasSticker()) {
            return "sticker";
        }
        if (message.getPhoto() != null && !message.getPhoto().isEmpty()) {
            return "photo";
        }
        if (message.getVoice() != null) {
            return "voice";
        }
        return "other";
    }
}
