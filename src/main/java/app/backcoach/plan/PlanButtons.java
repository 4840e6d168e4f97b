package app.backcoach.plan;

import app.backcoach.coaching.PlannedItem;
import app.backcoach.conversation.ButtonAction;
import app.backcoach.conversation.Incoming;
import app.backcoach.dialogue.DialogueContext;
import app.backcoach.profile.ProfileService;
import app.backcoach.safety.SafetyPause;
import app.backcoach.sender.MessageSender;
import app.backcoach.session.GuidedSessionService;
import app.backcoach.session.SessionRating;
import app.backcoach.text.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plan's buttons; each names its plan, so a tap on yesterday's plan closes politely. A tap the
 * day has outgrown (start guided on a finished session, say) changes nothing but the buttons.
 */
@ApplicationScoped
@Transactional
public class PlanButtons implements ButtonAction {

    static final String PREFIX = "plan";
    static final String GUIDED = "guide";
    static final String SHORTER = "short";
    static final String DONE = "done";
    static final String NOT_TODAY = "skip";
    static final String WHY = "why";
    private static final Pattern ARGUMENT = Pattern.compile("(guide|short|done|skip|why)\\.(\\d{1,18})(?:\\.(\\d{1,2}))?");

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
    public String prefix() {
        return PREFIX;
    }

    @Override
    public boolean accepts(String argument) {
        return ARGUMENT.matcher(argument).matches();
    }

    @Override
    public Optional<String> handle(Incoming.ButtonTap tap, String argument) {
        Matcher parts = ARGUMENT.matcher(argument);
        parts.matches();
        long userId = tap.from().userId();
        String language = tap.from().languageCode();
        Optional<DailyPlan> found = DailyPlan.<DailyPlan>findByIdOptional(Long.parseLong(parts.group(2)))
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
        switch (parts.group(1)) {
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
                int index = parts.group(3) == null ? -1 : Integer.parseInt(parts.group(3));
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
            default -> throw new IllegalStateException("Unmatched plan action " + parts.group(1));
        }
        return Optional.empty();
    }

    /** A tap on a button the day has outgrown: the message catches up with the day, and the toast says why. */
    private String closedDay(DialogueContext context, DailyPlan plan, String toast) {
        messages.refresh(context.chatId(), context.messageId(), plan, context.languageCode());
        return toast;
    }
}
