package app.backcoach.day;

import app.backcoach.catalogue.Catalogue;
import app.backcoach.coaching.PlannedItem;
import app.backcoach.coaching.Version;
import app.backcoach.chat.DialogueContext;
import app.backcoach.sender.Keyboard;
import app.backcoach.sender.MessageSender;
import app.backcoach.text.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** Shows a plan with the buttons that make sense for the day: start guided, shorter version, done, not today, why this. */
@ApplicationScoped
public class PlanMessages {

    private static final int WHY_PER_ROW = 2;
    /** Telegram cuts long button labels with an ellipsis of its own; shorter names stay readable. */
    private static final int WHY_NAME_LENGTH = 22;

    private final PlanView view;
    private final PlanService plans;
    private final MessageSender sender;
    private final Texts texts;
    private final Catalogue catalogue;

    public PlanMessages(PlanView view, PlanService plans, MessageSender sender, Texts texts, Catalogue catalogue) {
        this.catalogue = catalogue;
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

    /**
     * Brings the plan's own message up to date after the day moved on elsewhere (a guided session
     * finished, an exercise swapped), so it never offers what no longer makes sense.
     */
    public void refresh(long chatId, DailyPlan plan, String language) {
        if (plan.messageId != null) {
            refresh(chatId, plan.messageId, plan, language);
        }
    }

    /** Brings one message showing the plan (an older copy, say) up to date, without making it the plan's message. */
    public void refresh(long chatId, long messageId, DailyPlan plan, String language) {
        sender.edit(chatId, messageId, view.render(plan, language), keyboard(plan, language));
    }

    /**
     * Only what still makes sense: a planned day has everything; a session under way can be
     * restarted or marked done; a finished day keeps only "why this?".
     */
    Keyboard keyboard(DailyPlan plan, String language) {
        Version version = Version.valueOf(plan.version);
        if (version == Version.STOP_AND_REFER) {
            return null;
        }
        List<List<Keyboard.Button>> rows = new ArrayList<>();
        if (!plan.status.finished()) {
            List<Keyboard.Button> first = new ArrayList<>();
            first.add(button(PlanButtons.GUIDED, plan, texts.get(language, "plan.button.guided")));
            if (plan.status == DailyPlan.Status.PLANNED && version.shorter() != version) {
                first.add(button(PlanButtons.SHORTER, plan, texts.get(language, "plan.button.shorter")));
            }
            rows.add(first);
            List<Keyboard.Button> second = new ArrayList<>();
            second.add(button(PlanButtons.DONE, plan, texts.get(language, "plan.button.done")));
            if (plan.status == DailyPlan.Status.PLANNED) {
                second.add(button(PlanButtons.NOT_TODAY, plan, texts.get(language, "plan.button.not-today")));
            }
            rows.add(second);
        }
        // "Why this?" for each numbered exercise, named so the button says which one it explains.
        List<PlannedItem> items = plans.items(plan);
        for (int from = 0; from < items.size(); from += WHY_PER_ROW) {
            List<Keyboard.Button> row = new ArrayList<>();
            for (int i = from; i < Math.min(items.size(), from + WHY_PER_ROW); i++) {
                row.add(PlanButtons.FORMAT.data(PlanButtons.WHY, plan.id, i)
                        .button(texts.get(language, "plan.button.why", "number", String.valueOf(i + 1),
                                "name", shortName(catalogue.get(items.get(i).exerciseId()).text(language).name()))));
            }
            rows.add(row);
        }
        return rows.isEmpty() ? null : Keyboard.of(rows);
    }

    /** Long names are cut at a word, so two buttons fit side by side on a phone. */
    static String shortName(String name) {
        if (name.length() <= WHY_NAME_LENGTH) {
            return name;
        }
        int cut = name.lastIndexOf(' ', WHY_NAME_LENGTH - 1);
        return name.substring(0, cut > WHY_NAME_LENGTH / 2 ? cut : WHY_NAME_LENGTH - 1)
                .replaceAll("[\\s,;:·-]+$", "") + "…";
    }

    private static Keyboard.Button button(String action, DailyPlan plan, String label) {
        return PlanButtons.FORMAT.data(action, plan.id).button(label);
    }
}
