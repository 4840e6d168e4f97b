package app.backcoach.day;

import app.backcoach.chat.Command;
import app.backcoach.chat.CommandContext;
import app.backcoach.chat.CommandName;
import app.backcoach.privacy.ConsentRenewal;
import app.backcoach.profile.ProfileService;
import app.backcoach.safety.SafetyPause;
import app.backcoach.sender.MessageSender;
import app.backcoach.text.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** /today: today's plan again, with its buttons. */
@ApplicationScoped
@Transactional
public class TodayCommand implements Command {

    private final PlanService plans;
    private final PlanMessages messages;
    private final ProfileService profiles;
    private final MessageSender sender;
    private final Texts texts;
    private final SafetyPause pause;
    private final ConsentRenewal renewal;

    public TodayCommand(PlanService plans, PlanMessages messages, ProfileService profiles, MessageSender sender,
                        Texts texts, SafetyPause pause, ConsentRenewal renewal) {
        this.pause = pause;
        this.renewal = renewal;
        this.plans = plans;
        this.messages = messages;
        this.profiles = profiles;
        this.sender = sender;
        this.texts = texts;
    }

    @Override
    public CommandName name() {
        return CommandName.TODAY;
    }

    @Override
    public void execute(CommandContext context) {
        if (pause.remindIfPaused(context.chatId(), context.userId(), context.languageCode())
                || renewal.askIfPolicyChanged(context.newMessage())) {
            return;
        }
        Optional<DailyPlan> plan = plans.on(context.userId(), profiles.today(context.userId()));
        if (plan.isEmpty()) {
            sender.send(context.chatId(), texts.get(context.languageCode(), "plan.none-yet"));
            return;
        }
        messages.show(context.newMessage(), plan.get());
    }
}
