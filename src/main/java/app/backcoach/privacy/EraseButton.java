package app.backcoach.privacy;

import app.backcoach.chat.ButtonAction;
import app.backcoach.chat.CallbackData;
import app.backcoach.chat.Incoming;
import app.backcoach.sender.MessageSender;
import app.backcoach.text.Texts;
import app.backcoach.user.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;

/** The answer to /delete's question. */
@ApplicationScoped
public class EraseButton implements ButtonAction {

    static final CallbackData YES = new CallbackData("erase", "yes");
    static final CallbackData NO = new CallbackData("erase", "no");

    private final PersonalDataService personalData;
    private final MessageSender sender;
    private final Texts texts;
    private final UserService users;

    public EraseButton(PersonalDataService personalData, MessageSender sender, Texts texts, UserService users) {
        this.personalData = personalData;
        this.sender = sender;
        this.texts = texts;
        this.users = users;
    }

    @Override
    public String prefix() {
        return YES.prefix();
    }

    @Override
    public boolean accepts(String argument) {
        return Set.of(YES.argument(), NO.argument()).contains(argument);
    }

    @Override
    public Optional<String> handle(Incoming.ButtonTap tap, String argument) {
        String language = tap.from().languageCode();
        long chatId = tap.chat().id();
        // Only the open question may be answered: not one answered before, nor a tap made up without it.
        if (!users.takeEraseAnswer(tap.from().userId())) {
            return Optional.of(texts.get(language, "callback.closed"));
        }
        if (YES.argument().equals(argument)) {
            personalData.erase(tap.from().userId());
            // Sent, then forgotten: not even this confirmation stays behind. The question loses its buttons.
            if (tap.messageId() != null) {
                sender.removeButtonsAndForget(chatId, tap.messageId());
            }
            sender.sendAndForget(chatId, texts.get(language, "delete.done"));
        } else {
            sender.replace(chatId, tap.messageId(), texts.get(language, "delete.kept"), null);
        }
        return Optional.empty();
    }
}
