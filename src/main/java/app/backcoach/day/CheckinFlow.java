package app.backcoach.day;

import app.backcoach.chat.Answers;
import app.backcoach.chat.DialogueContext;
import app.backcoach.chat.DialogueDefinition;
import app.backcoach.chat.DialogueFlow;
import app.backcoach.chat.Question;
import app.backcoach.profile.ProfileService;
import app.backcoach.safety.SafetyScreen.Outcome;
import app.backcoach.text.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * The morning check-in: one message, edited question by question, every answer stored as given.
 *
 * <pre>{@code
 * stateDiagram-v2
 *   [*] --> rf_week: weekly recheck due
 *   [*] --> leg: yesterday's session sent symptoms into a leg
 *   [*] --> pain: otherwise
 *   rf_week --> rf_emergency: yes, or not sure
 *   rf_week --> leg: none of these, leg first
 *   rf_week --> pain: none of these
 *   rf_emergency --> URGENT: yes or not sure
 *   rf_emergency --> rf_today: no
 *   rf_today --> TODAY: yes
 *   rf_today --> REFER: no (something else on the list)
 *   leg --> URGENT: both legs, groin or bladder
 *   leg --> TODAY: numb or weaker
 *   leg --> pain: settled, or still some pain (counts as a flare)
 *   pain --> stiffness
 *   stiffness --> confidence
 *   confidence --> sleep
 *   sleep --> yesterday: there was a session yesterday (and the leg did not answer it)
 *   sleep --> daytype: no session yesterday
 *   yesterday --> daytype
 *   daytype --> own_version: self-adjust on (after four regular weeks)
 *   daytype --> DONE: the day's plan, in place
 *   own_version --> DONE: the chosen version, safety checked
 *   URGENT --> [*]: emergency advice, plan paused
 *   TODAY --> [*]: a doctor today, plan paused
 *   REFER --> [*]: a clinician before going on, plan paused
 *   DONE --> [*]
 * }</pre>
 */
@ApplicationScoped
public class CheckinFlow implements DialogueFlow {

    public static final String CODE = "ci";
    /** A check-in belongs to its morning; one left open longer than this starts afresh. */
    private static final DialogueDefinition DEFINITION = new DialogueDefinition(CODE, 1, CheckinQuestions.ALL,
            CheckinQuestions.ROUTES, Duration.ofHours(14));

    private final CheckinService checkins;
    private final CheckinOutcome outcomes;
    private final ProfileService profiles;

    public CheckinFlow(CheckinService checkins, CheckinOutcome outcomes, ProfileService profiles) {
        this.checkins = checkins;
        this.outcomes = outcomes;
        this.profiles = profiles;
    }

    @Override
    public DialogueDefinition definition() {
        return DEFINITION;
    }

    /** The first question greets by the person's own clock: a check-in at 14:20 is not "good morning". */
    @Override
    public String prompt(DialogueContext context, Question question, Texts texts) {
        String language = context.languageCode();
        if (question != CheckinQuestions.PAIN) {
            return texts.get(language, question.promptKey());
        }
        return texts.get(language, question.promptKey(), "greeting",
                texts.get(language, Greeting.at(profiles.timeOfDay(context.userId())).key()));
    }

    @Override
    public void answered(DialogueContext context, Question question, Answers answers) {
        checkins.record(context.userId(), question, answers);
    }

    /** Each answer is in today's row already, so the timeout loses nothing. */
    @Override
    public String expiredKey(Answers answers) {
        return "checkin.expired";
    }

    @Override
    public void finish(DialogueContext context, String outcome, Answers answers) {
        if (CheckinQuestions.DONE.equals(outcome)) {
            outcomes.done(context);
        } else {
            checkins.redFlag(context, Outcome.valueOf(outcome), answers);
        }
    }
}
