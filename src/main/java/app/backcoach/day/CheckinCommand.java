package app.backcoach.day;

import app.backcoach.chat.Command;
import app.backcoach.chat.CommandContext;
import app.backcoach.chat.CommandName;
import app.backcoach.privacy.ConsentRenewal;
import app.backcoach.safety.SafetyPause;
import jakarta.enterprise.context.ApplicationScoped;

/** /checkin: today's check-in (resumed, or revised when done already). */
@ApplicationScoped
public class CheckinCommand implements Command {

    private final CheckinService checkins;
    private final ConsentRenewal renewal;
    private final SafetyPause pause;

    public CheckinCommand(CheckinService checkins, ConsentRenewal renewal, SafetyPause pause) {
        this.checkins = checkins;
        this.renewal = renewal;
        this.pause = pause;
    }

    @Override
    public CommandName name() {
        return CommandName.CHECKIN;
    }

    @Override
    public void execute(CommandContext context) {
        // A red flag's advice first; then a changed policy is agreed to before anything is stored.
        if (!pause.remindIfPaused(context.chatId(), context.userId(), context.languageCode())
                && !renewal.askIfPolicyChanged(context.newMessage())) {
            checkins.begin(context.newMessage());
        }
    }
}
