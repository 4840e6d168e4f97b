package app.backcoach.day;

import app.backcoach.chat.Command;
import app.backcoach.chat.CommandContext;
import app.backcoach.chat.CommandName;
import app.backcoach.profile.ProfileService;
import app.backcoach.sender.MessageSender;
import app.backcoach.text.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** /why: the reasons behind today's plan, each with the signal that decided it. */
@ApplicationScoped
@Transactional
public class WhyCommand implements Command {

    private final PlanService plans;
    private final PlanView view;
    private final ProfileService profiles;
    private final MessageSender sender;
    private final Texts texts;

    public WhyCommand(PlanService plans, PlanView view, ProfileService profiles, MessageSender sender, Texts texts) {
        this.plans = plans;
        this.view = view;
        this.profiles = profiles;
        this.sender = sender;
        this.texts = texts;
    }

    @Override
    public CommandName name() {
        return CommandName.WHY;
    }

    @Override
    public void execute(CommandContext context) {
        String language = context.languageCode();
        sender.send(context.chatId(), plans.on(context.userId(), profiles.today(context.userId()))
                .map(plan -> view.why(plan, language))
                .orElseGet(() -> texts.get(language, "plan.why-none")));
    }
}
