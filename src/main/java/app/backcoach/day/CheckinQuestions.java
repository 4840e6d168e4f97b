package app.backcoach.day;

import static app.backcoach.chat.DialogueDefinition.from;

import app.backcoach.coaching.Signals;
import app.backcoach.coaching.Signals.Coded;
import app.backcoach.chat.Answers;
import app.backcoach.chat.DialogueDefinition;
import app.backcoach.chat.DialogueDefinition.Next;
import app.backcoach.chat.DialogueDefinition.Routes;
import app.backcoach.chat.Question;
import app.backcoach.chat.Question.Choice;
import app.backcoach.safety.RedFlags;
import app.backcoach.safety.SafetyScreen.Outcome;
import java.util.Arrays;
import java.util.List;

/**
 * The morning check-in as data: the next-day signals, today's day type, once a week a short
 * red-flag recheck first, and after a session that reached a leg, the leg before anything else. Values are the stored codes of {@link Signals}.
 */
public final class CheckinQuestions {

    /** A fact given at the start, not asked: whether there was a session yesterday. */
    static final String HAD_SESSION = "had-session";

    static final Question RED_FLAG_WEEK = new Question("rf-week", "checkin.q.rf-week", List.of(
            new Choice("no", "checkin.rf-week.no"), new Choice("yes", "checkin.rf-week.yes")), false);
    /** The recheck's short form: the screen's emergency and same-day groups, with the screen's ids. */
    static final Question RED_FLAG_EMERGENCY = RedFlags.emergency("checkin.q.rf-emergency");
    static final Question RED_FLAG_TODAY = RedFlags.today("checkin.q.rf-today");
    /** Asked first the morning after a session sent symptoms into a leg. */
    static final Question LEG = RedFlags.leg("checkin.q.leg", "checkin.leg.");
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

    /** A fact given at the start: yesterday's session ended with symptoms in a leg. */
    static final String LEG_BEFORE = "leg-before";

    static final List<Question> ALL = List.of(RED_FLAG_WEEK, RED_FLAG_EMERGENCY, RED_FLAG_TODAY, LEG, PAIN, STIFFNESS, CONFIDENCE, SLEEP,
            YESTERDAY, DAY_TYPE, OWN_VERSION);

    /** Outcomes: the check-in is complete, or a red flag ended it with its tier's name. */
    static final String DONE = "done";

    /**
     * The table. The recheck leads into the signals unless something new is reported, which the
     * screen's own groups then place in a tier (anything new that is neither emergency nor same-day
     * is for a clinician before going on). After a session that sent symptoms into a leg, the leg
     * comes first. Yesterday's question is asked only after a session, and not when the leg
     * answer already says how it went.
     */
    static final Routes ROUTES = DialogueDefinition.table(
            from(RED_FLAG_WEEK, answers -> answers.is(RED_FLAG_WEEK.id(), "yes")
                    ? step(RED_FLAG_EMERGENCY) : firstSignal(answers)),
            from(RED_FLAG_EMERGENCY, answers -> RedFlags.tier(answers) == Outcome.URGENT
                    ? new Next.End(Outcome.URGENT.name()) : step(RED_FLAG_TODAY)),
            from(RED_FLAG_TODAY, answers -> new Next.End(RedFlags.tier(answers).worst(Outcome.REFER).name())),
            from(LEG, answers -> RedFlags.tier(answers).needsDoctor()
                    ? new Next.End(RedFlags.tier(answers).name()) : step(PAIN)),
            from(PAIN, answers -> step(STIFFNESS)),
            from(STIFFNESS, answers -> step(CONFIDENCE)),
            from(CONFIDENCE, answers -> step(SLEEP)),
            from(SLEEP, answers -> answers.is(HAD_SESSION, "yes") && !legStill(answers)
                    ? step(YESTERDAY) : step(DAY_TYPE)),
            from(YESTERDAY, answers -> step(DAY_TYPE)),
            from(DAY_TYPE, answers -> answers.is(SELF_ADJUST, "yes") ? step(OWN_VERSION) : new Next.End(DONE)),
            from(OWN_VERSION, answers -> new Next.End(DONE)));

    /** Where the signals start: the leg first when yesterday's session reached it. */
    static Question firstSignal(boolean legBefore) {
        return legBefore ? LEG : PAIN;
    }

    private static Next firstSignal(Answers answers) {
        return step(firstSignal(answers.is(LEG_BEFORE, "yes")));
    }

    /** Leg symptoms still there this morning: that is how yesterday's session feels, a flare. */
    private static boolean legStill(Answers answers) {
        return answers.is(RedFlags.LEG_ID, RedFlags.LEG_PAIN);
    }

    private CheckinQuestions() {
    }

    /** Writes the answers given so far into the day's row (a skip clears that answer). */
    static void apply(DailyCheckin checkin, Answers answers) {
        checkin.pain = answers.get(PAIN.id()).map(Integer::valueOf).orElse(null);
        checkin.stiffness = answers.get(STIFFNESS.id()).orElse(null);
        checkin.confidence = answers.get(CONFIDENCE.id()).map(Integer::valueOf).orElse(null);
        checkin.sleep = answers.get(SLEEP.id()).orElse(null);
        checkin.yesterday = answers.get(YESTERDAY.id())
                .orElse(legStill(answers) ? Signals.NextDay.FLARED.code() : null);
        checkin.leg = answers.get(LEG.id()).orElse(null);
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
