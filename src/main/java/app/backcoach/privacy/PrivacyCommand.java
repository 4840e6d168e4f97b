package app.backcoach.privacy;

import app.backcoach.command.Command;
import app.backcoach.command.CommandContext;
import app.backcoach.command.CommandName;
import app.backcoach.sender.MessageSender;
import app.backcoach.text.Texts;
import jakarta.enterprise.context.ApplicationScoped;

/** The privacy policy, as Telegram's bot terms require. */
@ApplicationScoped
public class PrivacyCommand implements Command {

    private final MessageSender sender;
    private final Texts texts;

    public PrivacyCommand(MessageSender sender, Texts texts) {
        this.sender = sender;
        this.texts = texts;
    }

    @Override
    public CommandName name() {
        return CommandName.PRIVACY;
    }

    @Override
    public void execute(CommandContext context) {
        sender.send(context.chatId(), texts.get(context.languageCode(), "privacy.policy", "version", PrivacyPolicy.VERSION));
    }
}
