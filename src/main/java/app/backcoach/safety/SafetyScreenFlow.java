package app.backcoach.safety;

import app.backcoach.dialogue.Answers;
import app.backcoach.dialogue.DialogueContext;
import app.backcoach.dialogue.DialogueDefinition;
import app.backcoach.dialogue.DialogueDefinition.Next;
import app.backcoach.dialogue.DialogueEngine;
import app.backcoach.dialogue.DialogueFlow;
import app.backcoach.profile.ProfileFlow;
import app.backcoach.support.StoredJson;
import app.backcoach.text.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/**
 * The red-flag screen. It coaches nobody into exercise past a red flag: every yes ends in advice
 * to seek care, never in an exercise.
 *
 * <pre>{@code
 * stateDiagram-v2
 *   [*] --> rf_bladder
 *   rf_bladder --> URGENT: yes
 *   rf_bladder --> rf_saddle: no
 *   rf_saddle --> URGENT: yes
 *   rf_saddle --> rf_weakness: no
 *   rf_weakness --> rf_fever
 *   rf_fever --> rf_cancer
 *   rf_cancer --> rf_trauma
 *   rf_trauma --> rf_night
 *   rf_night --> REFER: any yes so far
 *   rf_night --> CLEAR: all no
 *   URGENT --> [*]: emergency advice, plan paused
 *   REFER --> [*]: see a clinician first, plan paused
 *   CLEAR --> [*]
 * }</pre>
 */
@ApplicationScoped
public class SafetyScreenFlow implements DialogueFlow {

    public static final String CODE = "rf";
    private static final DialogueDefinition.Routes IN_ORDER =
            DialogueDefinition.inOrder(RedFlags.QUESTIONS, answers -> RedFlags.outcome(answers).name());
    private static final DialogueDefinition DEFINITION = new DialogueDefinition(CODE, 1, RedFlags.QUESTIONS,
            (answered, answers) -> RedFlags.endsAtOnce(answered, answers)
                    ? new Next.End(SafetyScreen.Outcome.URGENT.name())
                    : IN_ORDER.next(answered, answers),
            Duration.ofDays(7));

    private final DialogueEngine engine;
    private final Texts texts;
    private final Clock clock;
    private final StoredJson json;

    public SafetyScreenFlow(DialogueEngine engine, Texts texts, Clock clock, StoredJson json) {
        this.engine = engine;
        this.texts = texts;
        this.clock = clock;
        this.json = json;
    }

    @Override
    public DialogueDefinition definition() {
        return DEFINITION;
    }

    @Override
    public void finish(DialogueContext context, String outcome, Answers answers) {
        SafetyScreen screen = SafetyScreen.record(context.userId(), SafetyScreen.Outcome.valueOf(outcome),
                json.write(answers.values()), clock.instant());
        String text = texts.get(context.languageCode(), "safety.outcome." + outcome.toLowerCase(Locale.ROOT));
        // After a referral the person can come back and say a clinician cleared them; after an
        // emergency that offer waits until they return (/start), so nothing distracts from getting care.
        engine.show(context, text, screen.outcome == SafetyScreen.Outcome.REFER
                ? ClearanceButton.keyboard(texts, context.languageCode()) : null);
        if (screen.outcome == SafetyScreen.Outcome.CLEAR) {
            engine.start(context.below(), ProfileFlow.CODE);
        }
    }

}
