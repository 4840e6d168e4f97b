package app.backcoach.privacy;

import app.backcoach.chat.Command;
import app.backcoach.chat.CommandContext;
import app.backcoach.chat.CommandName;
import app.backcoach.sender.MessageSender;
import app.backcoach.text.Texts;
import jakarta.enterprise.context.ApplicationScoped;

/** The privacy policy, as Telegram's bot terms require. */
@ApplicationScoped
public class PrivacyCommand implements Command {

    private final MessageSender sender;
    private final Texts texts;
    private final ConsentService consent;

    public PrivacyCommand(MessageSender sender, Texts texts, ConsentService consent) {
        this.sender = sender;
        this.texts = texts;
        this.consent = consent;
    }

    @Override
    public CommandName name() {
        return CommandName.PRIVACY;
    }

    @Override
    public void execute(CommandContext context) {
        String language = context.languageCode();
        // Withdrawing is one tap, offered wherever the policy is shown to someone who consented.
        sender.send(context.chatId(), texts.get(language, "privacy.policy", "version", PrivacyPolicy.VERSION),
                consent.mayWithdraw(context.userId()) ? WithdrawConsentButton.keyboard(texts, language) : null);
    }
}
