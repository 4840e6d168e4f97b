package app.backcoach.chat;

import app.backcoach.chat.Incoming.ButtonTap;
import app.backcoach.chat.Incoming.CommandMessage;
import app.backcoach.chat.Incoming.Ignored;
import app.backcoach.chat.Incoming.LocationShared;
import app.backcoach.chat.Incoming.MembershipChange;
import app.backcoach.chat.Incoming.OtherMessage;
import app.backcoach.chat.Incoming.TextMessage;
import app.backcoach.sender.MessageSender;
import app.backcoach.text.Texts;
import app.backcoach.user.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Where every incoming event goes: by its type, never by its text. Runs inside the update's
 * transaction, so whatever it stores and sends commits with the update.
 */
@ApplicationScoped
public class ConversationRouter {

    private final CommandContainer commands;
    private final UserService users;
    private final MessageSender sender;
    private final Texts texts;
    private final Map<String, ButtonAction> buttons;
    private final DialogueEngine dialogues;
    private final java.util.List<TextWatch> textWatches;

    public ConversationRouter(CommandContainer commands, UserService users, MessageSender sender, Texts texts,
                              Instance<ButtonAction> buttonActions, DialogueEngine dialogues,
                              Instance<TextWatch> textWatches) {
        this.textWatches = textWatches.stream().toList();
        this.dialogues = dialogues;
        this.commands = commands;
        this.users = users;
        this.sender = sender;
        this.texts = texts;
        this.buttons = buttonActions.stream().collect(Collectors.toMap(ButtonAction::prefix, Function.identity()));
    }

    public void route(Incoming incoming) {
        if (incoming instanceof Ignored) {
            return;
        }
        if (incoming instanceof MembershipChange change) {
            if (change.blocked()) {
                users.markBlocked(change.from().userId());
            } else {
                users.markUnblocked(change.from().userId());
            }
            return;
        }
        if (!incoming.chat().isPrivate()) {
            answerOutsidePrivateChat(incoming);
            return;
        }
        if (incoming instanceof ButtonTap tap && !users.exists(tap.from().userId())) {
            // Every button went to someone we know; a tap from no one we know comes from before an erasure
            // (or was made up). It is answered and writes nothing: it must not bring the person back.
            sender.answerCallback(tap.chat().id(), tap.callbackQueryId(),
                    texts.get(tap.from().languageCode(), "callback.closed"));
            return;
        }
        // Everyone who writes is known from the first message on, and answered in their language.
        Incoming.Person person = personOf(incoming);
        routePrivate(incoming.inLanguage(users.recordSeen(person.userId(), person.languageCode()).language()));
    }

    private void routePrivate(Incoming incoming) {
        if (incoming instanceof CommandMessage command) {
            commands.execute(command.name(), new CommandContext(command.chat().id(), command.from().userId(),
                    command.from().languageCode(), command.arguments()));
        } else if (incoming instanceof TextMessage text) {
            if (textWatches.stream().anyMatch(watch -> watch.handled(text))) {
                return;
            }
            DialogueContext context = new DialogueContext(text.chat().id(), text.from().userId(),
                    text.from().languageCode(), null);
            // A question is open: take a typed answer where it accepts one, else point back to its buttons.
            if (dialogues.answerTyped(context, text.text())) {
                return;
            }
            if (dialogues.active(context.userId()).isPresent()) {
                reply(incoming, text.from(), dialogues.takesTyping(context.userId())
                        ? "dialogue.type-hint" : "dialogue.tap-hint");
                dialogues.reask(context);
            } else {
                reply(incoming, text.from(), "fallback.text");
            }
        } else if (incoming instanceof LocationShared location) {
            DialogueContext context = new DialogueContext(location.chat().id(), location.from().userId(),
                    location.from().languageCode(), null);
            if (!dialogues.answerLocated(context, location.latitude(), location.longitude())) {
                reply(incoming, location.from(), "fallback.other");
            }
        } else if (incoming instanceof OtherMessage other) {
            reply(incoming, other.from(), "fallback.other");
        } else if (incoming instanceof ButtonTap tap) {
            Optional<CallbackData> data = CallbackData.parse(tap.data());
            Optional<String> toast = actionFor(tap, data)
                    .map(action -> action.handle(tap, data.orElseThrow().argument()))
                    .orElseGet(() -> Optional.of(texts.get(tap.from().languageCode(), "callback.closed")));
            // Every tap is answered, or Telegram keeps a spinner on the button.
            sender.answerCallback(tap.chat().id(), tap.callbackQueryId(), toast.orElse(null));
        }
    }

    private static Incoming.Person personOf(Incoming incoming) {
        if (incoming instanceof CommandMessage command) {
            return command.from();
        }
        if (incoming instanceof TextMessage text) {
            return text.from();
        }
        if (incoming instanceof OtherMessage other) {
            return other.from();
        }
        if (incoming instanceof LocationShared location) {
            return location.from();
        }
        if (incoming instanceof ButtonTap tap) {
            return tap.from();
        }
        throw new IllegalArgumentException("No person behind " + incoming.getClass().getSimpleName());
    }

    /** Only our own data, tapped in a private chat by its own user, reaches an action. */
    private Optional<ButtonAction> actionFor(ButtonTap tap, Optional<CallbackData> data) {
        if (tap.chat().id() != tap.from().userId() || data.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(buttons.get(data.get().prefix()))
                .filter(action -> action.accepts(data.get().argument()));
    }

    /** Groups get one line pointing to the private chat; channels get nothing. */
    private void answerOutsidePrivateChat(Incoming incoming) {
        if (incoming instanceof CommandMessage command && incoming.chat().kind() == Incoming.ChatKind.GROUP) {
            reply(incoming, command.from(), "group.private-only");
        } else if (incoming instanceof ButtonTap tap) {
            sender.answerCallback(tap.chat().id(), tap.callbackQueryId(),
                    texts.get(tap.from().languageCode(), "callback.closed"));
        }
    }

    private void reply(Incoming incoming, Incoming.Person from, String key) {
        sender.send(incoming.chat().id(), texts.get(from.languageCode(), key));
    }
}
