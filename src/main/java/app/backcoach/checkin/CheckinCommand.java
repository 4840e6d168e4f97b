package app.backcoach.checkin;

import app.backcoach.privacy.ConsentRenewal;
import app.backcoach.command.Command;
import app.backcoach.command.CommandContext;
import app.backcoach.command.CommandName;
import jakarta.enterprise.context.ApplicationScoped;

/** /checkin: today's check-in (resumed, or revised when done already). */
@ApplicationScoped
public class CheckinCommand implements Command {

    private final CheckinService checkins;
    private final ConsentRenewal renewal;

    public CheckinCommand(CheckinService checkins, ConsentRenewal renewal) {
        this.checkins = checkins;
        this.renewal = renewal;
    }

    @Override
    public CommandName name() {
        return CommandName.CHECKIN;
    }

    @Override
    public void execute(CommandContext context) {
        if (!renewal.askIfPolicyChanged(context.newMessage())) {
            checkins.begin(context.newMessage());
        }
    }
}
