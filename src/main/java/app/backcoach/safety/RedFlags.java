package app.backcoach.safety;

import app.backcoach.chat.Answers;
import app.backcoach.chat.Question;
import app.backcoach.safety.SafetyScreen.Outcome;
import java.util.List;
import java.util.Map;

/**
 * The red-flag screen as data, and the pure rule that turns answers into a tier. Items are grouped
 * by what they call for, so the screen stays short on a phone:
 * <ul>
 *   <li>emergency now: new bladder or bowel disturbance, saddle numbness, symptoms in both legs, new
 *       sexual dysfunction, a leg weakening fast (possible cauda equina); "not sure" counts as yes;</li>
 *   <li>a doctor today: a leg slowly weaker or numb, fever or feeling unwell, significant trauma, a
 *       minor fall with osteoporosis or long-term steroids;</li>
 *   <li>a clinician before starting: cancer, unexplained weight loss, immunosuppression or long-term
 *       steroids, IV drug use, night pain no position eases, thoracic pain, inflammatory-type morning
 *       stiffness, a first episode under 20 or over 50.</li>
 * </ul>
 * The same question ids are used by the weekly recheck, the guided session's leg question and the
 * next morning's leg question, so one table decides everywhere.
 */
public final class RedFlags {

    public static final String YES = "yes";
    public static final String NOT_SURE = "not-sure";
    public static final String NO = "no";

    /** Emergency-tier group; the weekly recheck asks it too. */
    public static final String EMERGENCY_ID = "rf-emergency";
    /** Same-day group; the weekly recheck asks it too. */
    public static final String TODAY_ID = "rf-today";
    /** How a leg is after an exercise sent symptoms into it (the session, the next morning). */
    public static final String LEG_ID = "leg";

    public static final String LEG_SETTLED = "settled";
    public static final String LEG_PAIN = "pain";
    public static final String LEG_NUMB = "numb";
    public static final String LEG_BOTH = "both";

    static final List<Question> SCREEN = List.of(
            emergency("safety.rf-emergency"), today("safety.rf-today"),
            yesNo("rf-history", "safety.rf-history"), yesNo("rf-pattern", "safety.rf-pattern"),
            yesNo("rf-age", "safety.rf-age"));

    /** The table: (question, answer) → the tier it calls for. Answers not listed call for nothing. */
    static final Map<String, Map<String, Outcome>> TIERS = Map.of(
            EMERGENCY_ID, Map.of(YES, Outcome.URGENT, NOT_SURE, Outcome.URGENT),
            TODAY_ID, Map.of(YES, Outcome.TODAY),
            "rf-history", Map.of(YES, Outcome.REFER),
            "rf-pattern", Map.of(YES, Outcome.REFER),
            "rf-age", Map.of(YES, Outcome.REFER),
            LEG_ID, Map.of(LEG_NUMB, Outcome.TODAY, LEG_BOTH, Outcome.URGENT));

    private RedFlags() {
    }

    /** The most serious tier the answers call for; CLEAR when none does. */
    public static Outcome tier(Answers answers) {
        return TIERS.entrySet().stream()
                .map(question -> answers.get(question.getKey()).map(question.getValue()::get).orElse(null))
                .filter(java.util.Objects::nonNull)
                .reduce(Outcome.CLEAR, Outcome::worst);
    }

    /** The tier of one answer on its own. */
    public static Outcome tier(String questionId, String answer) {
        return tier(new Answers(Map.of(questionId, answer)));
    }

    /**
     * The screen stops as soon as the person needs a doctor today or sooner: nothing asked later can
     * change what they should do now, and nothing should stand between them and that advice.
     */
    static boolean endsAtOnce(Answers answers) {
        return tier(answers).needsDoctor();
    }

    /** The emergency group: yes, not sure, no. */
    public static Question emergency(String promptKey) {
        return new Question(EMERGENCY_ID, promptKey, List.of(
                new Question.Choice(YES, "choice.yes"), new Question.Choice(NOT_SURE, "choice.not-sure"),
                new Question.Choice(NO, "choice.no")), false);
    }

    /** The same-day group. */
    public static Question today(String promptKey) {
        return yesNo(TODAY_ID, promptKey);
    }

    /** How the leg is; {@code choicePrefix} names the labels of the place that asks. */
    public static Question leg(String promptKey, String choicePrefix) {
        return new Question(LEG_ID, promptKey, List.of(LEG_SETTLED, LEG_PAIN, LEG_NUMB, LEG_BOTH).stream()
                .map(value -> new Question.Choice(value, choicePrefix + value)).toList(), false);
    }

    private static Question yesNo(String id, String promptKey) {
        return new Question(id, promptKey, List.of(
                new Question.Choice(YES, "choice.yes"), new Question.Choice(NO, "choice.no")), false);
    }
}
