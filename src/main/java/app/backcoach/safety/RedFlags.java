package app.backcoach.safety;

import app.backcoach.dialogue.Answers;
import app.backcoach.dialogue.Question;
import app.backcoach.safety.SafetyScreen.Outcome;
import java.util.List;
import java.util.Set;

/**
 * The red-flag screen as data: yes/no questions, and the rule that reads them. Bladder, bowel or
 * saddle changes can mean compression of the nerves at the base of the spine (cauda equina) and
 * end the screen at once with emergency advice; any other yes means a clinician sees them first.
 */
public final class RedFlags {

    static final List<Question> QUESTIONS = List.of(
            yesNo("rf-bladder"), yesNo("rf-saddle"), yesNo("rf-weakness"), yesNo("rf-fever"),
            yesNo("rf-cancer"), yesNo("rf-trauma"), yesNo("rf-night"));

    /** A yes to one of these is an emergency. */
    static final Set<String> URGENT = Set.of("rf-bladder", "rf-saddle");

    private RedFlags() {
    }

    /** The rule, applied after every answer: urgent as soon as it is known, otherwise at the end. */
    public static Outcome outcome(Answers answers) {
        if (URGENT.stream().anyMatch(id -> answers.is(id, "yes"))) {
            return Outcome.URGENT;
        }
        return QUESTIONS.stream().anyMatch(q -> answers.is(q.id(), "yes")) ? Outcome.REFER : Outcome.CLEAR;
    }

    static boolean endsAtOnce(Question answered, Answers answers) {
        return URGENT.contains(answered.id()) && answers.is(answered.id(), "yes");
    }

    private static Question yesNo(String id) {
        return new Question(id, "safety." + id, List.of(
                new Question.Choice("yes", "choice.yes"), new Question.Choice("no", "choice.no")), false);
    }
}
