package app.backcoach.learn;

import app.backcoach.chat.Command;
import app.backcoach.chat.CommandContext;
import app.backcoach.chat.CommandName;
import jakarta.enterprise.context.ApplicationScoped;

/** /learn: the short lessons. */
@ApplicationScoped
public class LearnCommand implements Command {

    private final Lessons lessons;

    public LearnCommand(Lessons lessons) {
        this.lessons = lessons;
    }

    @Override
    public CommandName name() {
        return CommandName.LEARN;
    }

    @Override
    public void execute(CommandContext context) {
        lessons.list(context.chatId(), context.userId(), context.languageCode());
    }
}
