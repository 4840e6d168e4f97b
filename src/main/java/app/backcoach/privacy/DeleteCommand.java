package app.backcoach.privacy;

import app.backcoach.chat.Command;
import app.backcoach.chat.CommandContext;
import app.backcoach.chat.CommandName;
import app.backcoach.sender.Keyboard;
import app.backcoach.sender.MessageSender;
import app.backcoach.text.Texts;
import app.backcoach.user.UserService;
import jakarta.enterprise.context.ApplicationScoped;

/** Asks once before erasing everything; the answer is handled by {@link EraseButton}. */
@ApplicationScoped
public class DeleteCommand implements Command {

    private final MessageSender sender;
    private final Texts texts;
    private final UserService users;

    public DeleteCommand(MessageSender sender, Texts texts, UserService users) {
        this.sender = sender;
        this.texts = texts;
        this.users = users;
    }

    @Override
    public CommandName name() {
        return CommandName.DELETE;
    }

    @Override
    public void execute(CommandContext context) {
        String language = context.languageCode();
        users.eraseAsked(context.userId());
        sender.send(context.chatId(), texts.get(language, "delete.confirm"), Keyboard.singleRow(
                EraseButton.YES.button(texts.get(language, "delete.button.yes")),
                EraseButton.NO.button(texts.get(language, "delete.button.no"))));
    }
}
