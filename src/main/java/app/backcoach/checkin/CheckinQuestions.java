package app.backcoach.checkin;

import app.backcoach.coaching.Signals;
import app.backcoach.coaching.Signals.Coded;
import app.backcoach.dialogue.Answers;
import app.backcoach.dialogue.DialogueDefinition.Next;
import app.backcoach.dialogue.DialogueDefinition.Routes;
import app.backcoach.dialogue.Question;
import app.backcoach.dialogue.Question.Choice;
import java.util.Arrays;
import java.util.List;

/**
 * The morning check-in as data: the next-day signals, today's day type, and once a week a short
 * red-flag recheck first. Values are the stored codes of {@link Signals}.
 */
public final class CheckinQuestions {

    /** A fact given at the start, not asked: whether there was a session yesterday. */
    static final String HAD_SESSION = "had-session";

    static final Question RED_FLAG_WEEK = new Question("rf-week", "checkin.q.rf-week", List.of(
            new Choice("no", "checkin.rf-week.no"), new Choice("yes", "checkin.rf-week.yes")), false);
    static final Question RED_FLAG_WHICH = new Question("rf-which", "checkin.q.rf-which", List.of(
            new Choice("urgent", "checkin.rf-which.urgent"), new Choice("other", "checkin.rf-which.other")), false);
    static final Question PAIN = Question.scale("pain", "checkin.q.pain", 0, 10, true);
    static final Question STIFFNESS = coded("stiffness", Signals.Stiffness.values());
    static final Question CONFIDENCE = Question.scale("confidence", "checkin.q.confidence", 1, 5, true);
    static final Question SLEEP = coded("sleep", Signals.Sleep.values());
    static final Question YESTERDAY = coded("yesterday", Signals.NextDay.values());
    static final Question DAY_TYPE = coded("daytype", Signals.DayType.values());

    /** Asked only with self-adjust on: the person picks the version; safety still has the last word. */
    static final Question OWN_VERSION = new Question("own-version", "checkin.q.own-version", List.of(
            new Choice("full", "checkin.own-version.full"), new Choice("reduced", "checkin.own-version.reduced"),
            new Choice("maintenance", "checkin.own-version.maintenance"),
            new Choice("relief-only", "checkin.own-version.relief-only"),
            new Choice("auto", "checkin.own-version.auto")), true);
    /** A fact given at the start: whether self-adjust is on. */
    static final String SELF_ADJUST = "self-adjust";

    static final List<Question> ALL = List.of(RED_FLAG_WEEK, RED_FLAG_WHICH, PAIN, STIFFNESS, CONFIDENCE, SLEEP,
            YESTERDAY, DAY_TYPE, OWN_VERSION);

    /** Outcomes: the check-in is complete, or a new red flag ended it. */
    static final String DONE = "done";
    static final String URGENT = "urgent";
    static final String REFER = "refer";

    /**
     * The table. The recheck leads into the signals unless a red flag is reported; yesterday's
     * question is asked only after a session.
     */
    static final Routes ROUTES = (answered, answers) -> switch (answered.id()) {
        case "rf-week" -> answers.is("rf-week", "yes") ? step(RED_FLAG_WHICH) : step(PAIN);
        case "rf-which" -> new Next.End(answers.is("rf-which", "urgent") ? URGENT : REFER);
        case "pain" -> step(STIFFNESS);
        case "stiffness" -> step(CONFIDENCE);
        case "confidence" -> step(SLEEP);
        case "sleep" -> answers.is(HAD_SESSION, "yes") ? step(YESTERDAY) : step(DAY_TYPE);
        case "yesterday" -> step(DAY_TYPE);
        case "daytype" -> answers.is(SELF_ADJUST, "yes") ? step(OWN_VERSION) : new Next.End(DONE);
        case "own-version" -> new Next.End(DONE);
        default -> throw new IllegalStateException("No route from " + answered.id());
    };

    private CheckinQuestions() {
    }

    /** Writes the answers given so far into the day's row (a skip clears that answer). */
    static void apply(DailyCheckin checkin, Answers answers) {
        checkin.pain = answers.get(PAIN.id()).map(Integer::valueOf).orElse(null);
        checkin.stiffness = answers.get(STIFFNESS.id()).orElse(null);
        checkin.confidence = answers.get(CONFIDENCE.id()).map(Integer::valueOf).orElse(null);
        checkin.sleep = answers.get(SLEEP.id()).orElse(null);
        checkin.yesterday = answers.get(YESTERDAY.id()).orElse(null);
        checkin.dayType = answers.get(DAY_TYPE.id()).orElse(null);
        checkin.chosenVersion = answers.get(OWN_VERSION.id()).filter(version -> !version.equals("auto")).orElse(null);
    }

    private static Next step(Question question) {
        return new Next.Step(question.id());
    }

    private static <E extends Enum<E> & Coded> Question coded(String id, E[] values) {
        return new Question(id, "checkin.q." + id, Arrays.stream(values)
                .map(value -> new Choice(value.code(), "checkin." + id + "." + value.code())).toList(), true);
    }
}
