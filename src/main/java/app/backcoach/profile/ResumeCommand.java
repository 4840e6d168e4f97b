package app.backcoach.profile;

import app.backcoach.chat.Command;
import app.backcoach.chat.CommandContext;
import app.backcoach.chat.CommandName;
import app.backcoach.sender.MessageSender;
import app.backcoach.text.Texts;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ResumeCommand implements Command {

    private final PauseService pauses;
    private final MessageSender sender;
    private final Texts texts;

    public ResumeCommand(PauseService pauses, MessageSender sender, Texts texts) {
        this.pauses = pauses;
        this.sender = sender;
        this.texts = texts;
    }

    @Override
    public CommandName name() {
        return CommandName.RESUME;
    }

    @Override
    public void execute(CommandContext context) {
        boolean resumed = pauses.resume(context.userId());
        sender.send(context.chatId(), texts.get(context.languageCode(), resumed ? "resume.done" : "resume.not-paused"));
    }
}
