package app.backcoach.chat;

import app.backcoach.sender.MessageSender;
import app.backcoach.text.Texts;
import jakarta.enterprise.context.ApplicationScoped;

/** /cancel leaves any dialogue cleanly. */
@ApplicationScoped
public class CancelCommand implements Command {

    private final DialogueEngine dialogues;
    private final MessageSender sender;
    private final Texts texts;

    public CancelCommand(DialogueEngine dialogues, MessageSender sender, Texts texts) {
        this.dialogues = dialogues;
        this.sender = sender;
        this.texts = texts;
    }

    @Override
    public CommandName name() {
        return CommandName.CANCEL;
    }

    @Override
    public void execute(CommandContext context) {
        boolean left = dialogues.cancel(context.userId());
        sender.send(context.chatId(), texts.get(context.languageCode(), left ? "dialogue.cancelled" : "dialogue.nothing-to-cancel"));
    }
}
