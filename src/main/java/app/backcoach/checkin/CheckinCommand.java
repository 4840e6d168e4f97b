package app.backcoach.checkin;

import app.backcoach.command.Command;
import app.backcoach.command.CommandContext;
import app.backcoach.command.CommandName;
import jakarta.enterprise.context.ApplicationScoped;

/** /checkin: today's check-in (resumed, or revised when done already). */
@ApplicationScoped
public class CheckinCommand implements Command {

    private final CheckinService checkins;

    public CheckinCommand(CheckinService checkins) {
        this.checkins = checkins;
    }

    @Override
    public CommandName name() {
        return CommandName.CHECKIN;
    }

    @Override
    public void execute(CommandContext context) {
        checkins.begin(context.newMessage());
    }
}
