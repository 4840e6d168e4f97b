package app.backcoach.day;

import static app.backcoach.chat.ButtonFormat.count;
import static app.backcoach.chat.ButtonFormat.id;
import static app.backcoach.chat.ButtonFormat.optional;
import static app.backcoach.chat.ButtonFormat.word;

import app.backcoach.coaching.PlannedItem;
import app.backcoach.chat.ButtonFormat;
import app.backcoach.chat.FormattedButton;
import app.backcoach.chat.Incoming;
import app.backcoach.chat.DialogueContext;
import app.backcoach.profile.ProfileService;
import app.backcoach.safety.SafetyPause;
import app.backcoach.sender.MessageSender;
import app.backcoach.text.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * The plan's buttons; each names its plan, so a tap on yesterday's plan closes politely. A tap the
 * day has outgrown (start guided on a finished session, say) changes nothing but the buttons.
 */
@ApplicationScoped
@Transactional
public class PlanButtons implements FormattedButton {

    static final String PREFIX = "plan";
    static final String GUIDED = "guide";
    static final String SHORTER = "short";
    static final String DONE = "done";
    static final String NOT_TODAY = "skip";
    static final String WHY = "why";
    /** Action, plan id, and for "why" the item's place in the plan. */
    static final ButtonFormat FORMAT = ButtonFormat.of(PREFIX, word(GUIDED, SHORTER, DONE, NOT_TODAY, WHY), id(),
            optional(count()));

    private final PlanService plans;
    private final PlanMessages messages;
    private final PlanView view;
    private final ProfileService profiles;
    private final GuidedSessionService guided;
    private final SessionRating rating;
    private final MessageSender sender;
    private final Texts texts;
    private final SafetyPause pause;

    public PlanButtons(PlanService plans, PlanMessages messages, PlanView view, ProfileService profiles,
                       GuidedSessionService guided, SessionRating rating, MessageSender sender, Texts texts,
                       SafetyPause pause) {
        this.pause = pause;
        this.plans = plans;
        this.messages = messages;
        this.view = view;
        this.profiles = profiles;
        this.guided = guided;
        this.rating = rating;
        this.sender = sender;
        this.texts = texts;
    }

    @Override
    public ButtonFormat format() {
        return FORMAT;
    }

    @Override
    public Optional<String> handle(Incoming.ButtonTap tap, ButtonFormat.Values parts) {
        long userId = tap.from().userId();
        String language = tap.from().languageCode();
        Optional<DailyPlan> found = DailyPlan.<DailyPlan>findByIdOptional(parts.id(1))
                .filter(plan -> plan.telegramUserId == userId)
                .filter(plan -> plan.localDate.equals(profiles.today(userId)));
        if (found.isEmpty()) {
            return Optional.of(texts.get(language, "plan.closed"));
        }
        // A plan from before a red flag offers nothing while the pause holds: its advice instead.
        if (pause.remindIfPaused(tap.chat().id(), userId, language)) {
            return Optional.empty();
        }
        DailyPlan plan = found.get();
        DialogueContext context = new DialogueContext(tap.chat().id(), userId, language, tap.messageId());
        switch (parts.word(0)) {
            case GUIDED -> {
                if (plan.status.finished()) {
                    return Optional.of(closedDay(context, plan, texts.get(language, "plan.already-finished")));
                }
                boolean wasPlanned = plan.status == DailyPlan.Status.PLANNED;
                Optional<String> refused = guided.start(context, plan);
                if (refused.isPresent()) {
                    return refused;
                }
                if (wasPlanned) {
                    // Under way now: "shorter" and "not today" no longer apply.
                    messages.show(context, plan);
                }
            }
            case SHORTER -> {
                if (plan.status != DailyPlan.Status.PLANNED) {
                    return Optional.of(closedDay(context, plan, texts.get(language, "plan.already-under-way")));
                }
                if (plans.shorter(profiles.find(userId).orElseThrow(), plan).isEmpty()) {
                    return Optional.of(texts.get(language, "plan.already-shortest"));
                }
                messages.show(context, plan);
            }
            case DONE -> {
                if (!plans.mark(plan, DailyPlan.Status.DONE)) {
                    return Optional.of(closedDay(context, plan, texts.get(language, "plan.already-finished")));
                }
                messages.show(context, plan);
                rating.ask(context, plan);
            }
            case WHY -> {
                int index = parts.optional(2).map(Integer::parseInt).orElse(-1);
                List<PlannedItem> items = plans.items(plan);
                if (index < 0 || index >= items.size()) {
                    return Optional.of(texts.get(language, "plan.closed"));
                }
                sender.send(context.chatId(), view.whyThis(items.get(index), language));
            }
            case NOT_TODAY -> {
                if (plan.status != DailyPlan.Status.PLANNED || !plans.mark(plan, DailyPlan.Status.SKIPPED)) {
                    return Optional.of(closedDay(context, plan, texts.get(language, plan.status.finished()
                            ? "plan.already-finished" : "plan.already-under-way")));
                }
                messages.show(context, plan);
                sender.send(context.chatId(), texts.get(language, "plan.not-today"));
            }
            default -> throw new IllegalStateException("Unmatched plan action " + parts.word(0));
        }
        return Optional.empty();
    }

    /** A tap on a button the day has outgrown: the message catches up with the day, and the toast says why. */
    private String closedDay(DialogueContext context, DailyPlan plan, String toast) {
        messages.refresh(context.chatId(), context.messageId(), plan, context.languageCode());
        return toast;
    }
}
