package app.backcoach.plan;

import app.backcoach.coaching.Version;
import app.backcoach.conversation.CallbackData;
import app.backcoach.dialogue.DialogueContext;
import app.backcoach.sender.Keyboard;
import app.backcoach.sender.MessageSender;
import app.backcoach.text.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** Shows a plan with its buttons: start guided, shorter version, done, not today. */
@ApplicationScoped
public class PlanMessages {

    private static final int WHY_PER_ROW = 5;

    private final PlanView view;
    private final PlanService plans;
    private final MessageSender sender;
    private final Texts texts;

    public PlanMessages(PlanView view, PlanService plans, MessageSender sender, Texts texts) {
        this.view = view;
        this.plans = plans;
        this.sender = sender;
        this.texts = texts;
    }

    /** In the context's message when there is one, else as a new message. */
    public void show(DialogueContext context, DailyPlan plan) {
        plan.messageId = context.messageId();
        sender.replace(context.chatId(), context.messageId(), view.render(plan, context.languageCode()),
                keyboard(plan, context.languageCode()));
    }

    Keyboard keyboard(DailyPlan plan, String language) {
        Version version = Version.valueOf(plan.version);
        if (version == Version.STOP_AND_REFER || plan.status == DailyPlan.Status.SKIPPED
                || plan.status == DailyPlan.Status.DONE || plan.status == DailyPlan.Status.PARTIAL) {
            return null;
        }
        List<List<Keyboard.Button>> rows = new ArrayList<>();
        List<Keyboard.Button> first = new ArrayList<>();
        first.add(button(PlanButtons.GUIDED, plan, texts.get(language, "plan.button.guided")));
        if (version.shorter() != version) {
            first.add(button(PlanButtons.SHORTER, plan, texts.get(language, "plan.button.shorter")));
        }
        rows.add(first);
        rows.add(List.of(button(PlanButtons.DONE, plan, texts.get(language, "plan.button.done")),
                button(PlanButtons.NOT_TODAY, plan, texts.get(language, "plan.button.not-today"))));
        // "Why this?" for each numbered exercise, five to a row.
        int count = plans.items(plan).size();
        for (int from = 0; from < count; from += WHY_PER_ROW) {
            List<Keyboard.Button> row = new ArrayList<>();
            for (int i = from; i < Math.min(count, from + WHY_PER_ROW); i++) {
                row.add(new CallbackData(PlanButtons.PREFIX, PlanButtons.WHY + "." + plan.id + "." + i)
                        .button(texts.get(language, "plan.button.why", "number", String.valueOf(i + 1))));
            }
            rows.add(row);
        }
        return Keyboard.of(rows);
    }

    private static Keyboard.Button button(String action, DailyPlan plan, String label) {
        return new CallbackData(PlanButtons.PREFIX, action + "." + plan.id).button(label);
    }
}
