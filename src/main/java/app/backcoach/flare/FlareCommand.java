package app.backcoach.flare;

import app.backcoach.chat.Command;
import app.backcoach.chat.CommandContext;
import app.backcoach.chat.CommandName;
import jakarta.enterprise.context.ApplicationScoped;

/** /flare: the plan for the next 48 hours of a flare-up. */
@ApplicationScoped
public class FlareCommand implements Command {

    private final FlareService flares;

    public FlareCommand(FlareService flares) {
        this.flares = flares;
    }

    @Override
    public CommandName name() {
        return CommandName.FLARE;
    }

    @Override
    public void execute(CommandContext context) {
        flares.show(context.chatId(), context.userId(), context.languageCode());
    }
}
