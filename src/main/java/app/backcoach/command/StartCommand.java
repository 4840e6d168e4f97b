package app.backcoach.command;

import app.backcoach.sender.Keyboard;
import app.backcoach.sender.MessageSender;
import app.backcoach.text.Texts;
import jakarta.enterprise.context.ApplicationScoped;

/** First contact: what the bot is for and what it is not. */
@ApplicationScoped
public class StartCommand implements Command {

    private final MessageSender sender;
    private final Texts texts;

    public StartCommand(MessageSender sender, Texts texts) {
        this.sender = sender;
        this.texts = texts;
    }

    @Override
    public CommandName name() {
        return CommandName.START;
    }

    @Override
    public void execute(CommandContext context) {
        sender.send(context.chatId(), texts.get(context.languageCode(), "start.welcome"),
                Keyboard.singleRow(ShowHelpButton.SHOW.button(texts.get(context.languageCode(), "start.button.help"))));
    }
}
