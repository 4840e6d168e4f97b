package app.backcoach.day;

import app.backcoach.catalogue.Catalogue;
import app.backcoach.catalogue.Restriction;
import app.backcoach.conditions.ConditionsService;
import app.backcoach.catalogue.Exercise;
import app.backcoach.coaching.PlannedItem;
import app.backcoach.coaching.Shape;
import app.backcoach.chat.DialogueContext;
import app.backcoach.safety.RedFlags;
import app.backcoach.safety.SafetyPause;
import app.backcoach.safety.SafetyScreen;
import app.backcoach.safety.SafetyScreen.Outcome;
import app.backcoach.sender.Keyboard;
import app.backcoach.sender.MessageSender;
import app.backcoach.day.GuidedSteps.Move;
import app.backcoach.day.GuidedSteps.State;
import app.backcoach.day.GuidedSteps.Tap;
import app.backcoach.text.Texts;
import app.backcoach.support.StoredJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One exercise at a time: cues, dose and a timer hint, a breather between sets, the regression
 * when it is too hard, a stop and the relief option when it hurts, and the rating at the end.
 */
@ApplicationScoped
@Transactional
public class GuidedSessionService {

    static final String PREFIX = "gs";
    /** What happened to each exercise, kept with the plan. */
    static final String DONE = "done";
    static final String EASIER = "easier";
    static final String HURT = "hurt";
    static final String SKIPPED = "skipped";

    private final PlanService plans;
    private final PlanView view;
    private final Catalogue catalogue;
    private final SessionRating rating;
    private final SafetyPause pause;
    private final MessageSender sender;
    private final Texts texts;
    private final Clock clock;
    private final StoredJson json;
    private final PlanMessages planMessages;
    private final ConditionsService conditions;

    public GuidedSessionService(PlanService plans, PlanView view, Catalogue catalogue, SessionRating rating,
                                SafetyPause pause, MessageSender sender, Texts texts, Clock clock, StoredJson json,
                                PlanMessages planMessages, ConditionsService conditions) {
        this.conditions = conditions;
        this.pause = pause;
        this.planMessages = planMessages;
        this.plans = plans;
        this.view = view;
        this.catalogue = catalogue;
        this.rating = rating;
        this.sender = sender;
        this.texts = texts;
        this.clock = clock;
        this.json = json;
    }

    /**
     * Starts (or restarts) the plan's guided session in a new message below the plan.
     *
     * @return a toast instead when there is nothing to start: a finished session stays on record
     */
    public Optional<String> start(DialogueContext context, DailyPlan plan) {
        if (plan.status.finished()) {
            return Optional.of(texts.get(context.languageCode(), "plan.already-finished"));
        }
        if (pause.remindIfPaused(context.chatId(), context.userId(), context.languageCode())) {
            return Optional.empty();
        }
        if (plans.items(plan).isEmpty()) {
            return Optional.of(texts.get(context.languageCode(), "guided.nothing"));
        }
        GuidedSession.deleteById(context.userId());
        GuidedSession session = new GuidedSession();
        session.telegramUserId = context.userId();
        session.planId = plan.id;
        session.state = State.EXERCISE;
        session.startedAt = clock.instant();
        session.updatedAt = session.startedAt;
        session.persist();
        plan.outcomes = null;
        plans.mark(plan, DailyPlan.Status.STARTED);
        show(context.below(), session, plan);
        return Optional.empty();
    }

    /**
     * A tap on a guided card. Only the card's current position counts; a stale or doubled tap gets
     * a short toast and changes nothing.
     */
    Optional<String> tap(DialogueContext context, Tap tap, long planId, int itemIndex, int setIndex) {
        String language = context.languageCode();
        // A red flag reported since the session began (free text, say) ends it: no more exercise.
        if (pause.remindIfPaused(context.chatId(), context.userId(), language)) {
            GuidedSession.deleteById(context.userId());
            return Optional.empty();
        }
        Optional<GuidedSession> open = GuidedSession.<GuidedSession>findByIdOptional(context.userId())
                .filter(session -> session.planId == planId && session.itemIndex == itemIndex
                        && session.setIndex == setIndex);
        Optional<Move> move = open.flatMap(session -> GuidedSteps.move(session.state, tap));
        if (move.isEmpty()) {
            return Optional.of(texts.get(language, "callback.closed"));
        }
        GuidedSession session = open.get();
        DailyPlan plan = DailyPlan.findById(planId);
        if (plan.status.finished()) {
            // Marked done (or not today) from the plan meanwhile: that record stands.
            session.delete();
            sender.editKeyboard(context.chatId(), context.messageId(), null);
            return Optional.of(texts.get(language, "plan.already-finished"));
        }
        session.messageId = context.messageId();
        session.updatedAt = clock.instant();
        List<PlannedItem> items = plans.items(plan);
        PlannedItem item = items.get(session.itemIndex);
        switch (move.get()) {
            case SET_DONE -> {
                if (session.setIndex + 1 < item.dose().sets()) {
                    session.state = State.BREATHER;
                    session.setIndex++;
                } else {
                    outcome(plan, session.itemIndex, DONE, false);
                    return next(context, session, plan, items.size());
                }
            }
            case EASIER -> {
                Exercise exercise = catalogue.get(item.exerciseId());
                // An easier variant the clinician ruled out is no variant at all.
                if (!exercise.hasRegression() || !Restriction.allows(
                        conditions.inForce(plan.telegramUserId, plan.localDate), catalogue.get(exercise.regression()))) {
                    return Optional.of(texts.get(language, "guided.no-easier"));
                }
                Exercise easier = catalogue.get(exercise.regression());
                List<PlannedItem> changed = new ArrayList<>(items);
                changed.set(session.itemIndex, new PlannedItem(easier.id(), item.part(),
                        easier.dose().withSets(Math.min(item.dose().sets(), easier.dose().sets())), easier.minutes()));
                plans.replaceItems(plan, changed);
                outcome(plan, session.itemIndex, EASIER, true);
                session.setIndex = 0;
                session.state = State.EXERCISE;
                planMessages.refresh(context.chatId(), plan, language);
                show(context, session, plan, texts.get(language, "guided.swapped",
                        "hard", exercise.text(language).name(), "easier", easier.text(language).name()));
                return Optional.empty();
            }
            case ASK_WHERE -> session.state = State.WHERE;
            case LEG_SYMPTOMS -> {
                outcome(plan, session.itemIndex, DailyPlan.LEG_SYMPTOMS, true);
                Outcome tier = RedFlags.tier(RedFlags.LEG_ID, tap.code());
                if (tier.needsDoctor()) {
                    return stopForLeg(context, session, plan, tap, item, tier);
                }
                return finish(context, session, plan, items.size());
            }
            case STOP_EXERCISE -> {
                outcome(plan, session.itemIndex, HURT, true);
                session.state = State.HURT;
            }
            case NEXT_EXERCISE -> {
                outcome(plan, session.itemIndex, SKIPPED, false);
                return next(context, session, plan, items.size());
            }
            case NEXT_SET -> session.state = State.EXERCISE;
            case SHOW_RELIEF -> session.state = State.RELIEF;
            case END -> {
                return finish(context, session, plan, items.size());
            }
            default -> throw new IllegalStateException("Unhandled move " + move.get());
        }
        show(context, session, plan);
        return Optional.empty();
    }

    private Optional<String> next(DialogueContext context, GuidedSession session, DailyPlan plan, int count) {
        if (session.itemIndex + 1 >= count) {
            return finish(context, session, plan, count);
        }
        session.itemIndex++;
        session.setIndex = 0;
        session.state = State.EXERCISE;
        show(context, session, plan);
        return Optional.empty();
    }

    private Optional<String> finish(DialogueContext context, GuidedSession session, DailyPlan plan, int count) {
        Map<String, String> outcomes = outcomes(plan);
        long done = outcomes.values().stream().filter(result -> result.equals(DONE) || result.equals(EASIER)).count();
        boolean hurt = outcomes.containsValue(HURT);
        boolean leg = outcomes.containsValue(DailyPlan.LEG_SYMPTOMS);
        plans.mark(plan, done == count ? DailyPlan.Status.DONE : DailyPlan.Status.PARTIAL);
        session.delete();
        planMessages.refresh(context.chatId(), plan, context.languageCode());
        String language = context.languageCode();
        String summary = texts.get(language, "guided.finished", "done", String.valueOf(done),
                "count", String.valueOf(count));
        if (leg) {
            summary += "\n\n" + texts.get(language, "guided.finished.leg");
        } else if (hurt) {
            summary += "\n\n" + texts.get(language, "guided.finished.hurt");
        }
        sender.replace(context.chatId(), context.messageId(), summary, null);
        rating.ask(context, plan);
        return Optional.empty();
    }

    /**
     * Numbness, weakness or symptoms in both legs during an exercise: the session stops, the plan
     * pauses with that tier's advice, and no rating is asked.
     */
    private Optional<String> stopForLeg(DialogueContext context, GuidedSession session, DailyPlan plan, Tap tap,
                                        PlannedItem item, Outcome tier) {
        SafetyScreen screen = SafetyScreen.record(context.userId(), SafetyScreen.Source.SESSION, tier,
                json.write(Map.of(RedFlags.LEG_ID, tap.code(), "exercise", item.exerciseId())), clock.instant());
        plans.mark(plan, DailyPlan.Status.PARTIAL);
        session.delete();
        String language = context.languageCode();
        String advice = texts.get(language, "guided.leg.stop") + "\n\n" + pause.reported(tier, language);
        sender.replace(context.chatId(), context.messageId(), advice, pause.afterReport(screen, language));
        return Optional.empty();
    }

    /** Records what happened to an exercise; {@code replace} overwrites, otherwise the first word stays. */
    private void outcome(DailyPlan plan, int index, String result, boolean replace) {
        Map<String, String> outcomes = new LinkedHashMap<>(outcomes(plan));
        if (replace || !outcomes.containsKey(String.valueOf(index))) {
            outcomes.put(String.valueOf(index), result);
        }
        plan.outcomes = json.write(outcomes);
    }

    Map<String, String> outcomes(DailyPlan plan) {
        return plans.outcomes(plan);
    }

    private void show(DialogueContext context, GuidedSession session, DailyPlan plan) {
        show(context, session, plan, null);
    }

    /** {@code notice}, when given, heads the card: what just changed and why. */
    private void show(DialogueContext context, GuidedSession session, DailyPlan plan, String notice) {
        String language = context.languageCode();
        List<PlannedItem> items = plans.items(plan);
        PlannedItem item = items.get(session.itemIndex);
        Exercise exercise = catalogue.get(item.exerciseId());
        String html = switch (session.state) {
            case EXERCISE -> card(language, items.size(), session, item, exercise);
            case BREATHER -> texts.get(language, "guided.breather", "seconds",
                    String.valueOf(Math.max(15, item.dose().restSeconds())), "set", String.valueOf(session.setIndex + 1),
                    "sets", String.valueOf(item.dose().sets()), "name", exercise.text(language).name());
            case WHERE -> texts.get(language, "guided.where", "name", exercise.text(language).name());
            case HURT -> texts.get(language, "guided.hurt", "name", exercise.text(language).name(),
                    "relief", relief(plan).text(language).name());
            case RELIEF -> relief(language, relief(plan), session.itemIndex + 1 >= items.size());
        };
        if (notice != null) {
            html = notice + "\n\n" + html;
        }
        List<Keyboard.Button> buttons = GuidedSteps.taps(session.state).stream()
                .map(tap -> GuidedButtons.FORMAT.data(tap.code(), plan.id, session.itemIndex, session.setIndex)
                        .button(texts.get(language, "guided.tap." + tap.code())))
                .toList();
        List<List<Keyboard.Button>> rows = new ArrayList<>();
        // Where it hurts has long answers: one a row, so none is cut short on a phone.
        int perRow = session.state == State.WHERE ? 1 : 2;
        for (int from = 0; from < buttons.size(); from += perRow) {
            rows.add(buttons.subList(from, Math.min(buttons.size(), from + perRow)));
        }
        sender.replace(context.chatId(), context.messageId(), html, Keyboard.of(rows));
    }

    String card(String language, int count, GuidedSession session, PlannedItem item, Exercise exercise) {
        Exercise.ExerciseText text = exercise.text(language);
        StringBuilder html = new StringBuilder(texts.get(language, "guided.card", "position",
                String.valueOf(session.itemIndex + 1), "count", String.valueOf(count), "name", text.name(),
                "dose", view.dose(item.dose(), language)));
        html.append("\n").append(setLine(language, session, item));
        html.append("\n\n").append(PlanView.cues(text));
        html.append("\n\n").append(texts.get(language, "guided.mistake", "mistake", text.mistake()));
        html.append("\n").append(texts.get(language, "guided.stop", "stop", text.stop()));
        return html.toString();
    }

    /** This set's amount and a hint for timing it without a timer button. */
    private String setLine(String language, GuidedSession session, PlannedItem item) {
        String set = texts.get(language, "guided.set", "set", String.valueOf(session.setIndex + 1),
                "sets", String.valueOf(item.dose().sets()));
        if (item.dose().byTime()) {
            return set + " " + texts.get(language, "guided.time-hint", "seconds", String.valueOf(item.dose().seconds()));
        }
        String reps = texts.get(language, "guided.reps", "reps", String.valueOf(item.dose().repsInSet(session.setIndex)));
        return item.dose().holdSeconds() > 0
                ? set + " " + reps + " " + texts.get(language, "guided.hold-hint", "seconds",
                String.valueOf(item.dose().holdSeconds()))
                : set + " " + reps;
    }

    private String relief(String language, Exercise relief, boolean last) {
        Exercise.ExerciseText text = relief.text(language);
        return texts.get(language, "guided.relief", "name", text.name(), "dose", view.dose(relief.dose(), language))
                + "\n" + PlanView.cues(text)
                + "\n\n" + texts.get(language, last ? "guided.relief.then-end" : "guided.relief.then-next");
    }

    /** The easing option: a gentle breathing exercise that suits where the person is today. */
    Exercise relief(DailyPlan plan) {
        boolean travel = Shape.valueOf(plan.shape) == Shape.TRAVEL;
        java.util.Set<Restriction> ruledOut = conditions.inForce(plan.telegramUserId, plan.localDate);
        return catalogue.all().stream()
                .filter(Exercise::relief)
                .filter(exercise -> exercise.serves(Exercise.Purpose.BREATHING))
                .filter(exercise -> !travel || exercise.offTheFloor())
                .filter(exercise -> Restriction.allows(ruledOut, exercise))
                .findFirst()
                .orElseGet(() -> catalogue.all().stream().filter(Exercise::relief).findFirst().orElseThrow());
    }
}
