package app.backcoach.safety;

import app.backcoach.chat.Answers;
import app.backcoach.chat.DialogueContext;
import app.backcoach.chat.DialogueDefinition;
import app.backcoach.chat.DialogueDefinition.Next;
import app.backcoach.chat.DialogueEngine;
import app.backcoach.chat.DialogueFlow;
import app.backcoach.safety.SafetyScreen.Outcome;
import app.backcoach.safety.SafetyScreen.Source;
import app.backcoach.support.StoredJson;
import app.backcoach.text.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * After free text that suggested an emergency sign: the emergency group as one question.
 *
 * <pre>{@code
 * stateDiagram-v2
 *   [*] --> rf_emergency: words that suggest a sign (the advice already sent)
 *   rf_emergency --> URGENT: yes or not sure
 *   rf_emergency --> CLEAR: no
 *   URGENT --> [*]: emergency advice, plan paused
 *   CLEAR --> [*]: nothing changes
 * }</pre>
 */
@ApplicationScoped
public class SafetyNetFlow implements DialogueFlow {

    public static final String CODE = "sn";
    /** A fact given at the start: which sign the words suggested (an id, never the words). */
    static final String SIGN = "sign";
    private static final DialogueDefinition DEFINITION = new DialogueDefinition(CODE, 1,
            List.of(RedFlags.emergency("safety.net.q")),
            (answered, answers) -> new Next.End(RedFlags.tier(answers).name()), Duration.ofDays(1));

    private final DialogueEngine engine;
    private final SafetyPause pause;
    private final Texts texts;
    private final Clock clock;
    private final StoredJson json;

    public SafetyNetFlow(DialogueEngine engine, SafetyPause pause, Texts texts, Clock clock, StoredJson json) {
        this.engine = engine;
        this.pause = pause;
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
        String language = context.languageCode();
        if (Outcome.valueOf(outcome) == Outcome.URGENT) {
            SafetyScreen.record(context.userId(), Source.FREE_TEXT, Outcome.URGENT,
                    json.write(Map.of(RedFlags.EMERGENCY_ID, answers.get(RedFlags.EMERGENCY_ID).orElseThrow(),
                            SIGN, answers.get(SIGN).orElse("?"))), clock.instant());
            engine.show(context, pause.reported(Outcome.URGENT, language));
        } else {
            engine.show(context, texts.get(language, "safety.net.clear"));
        }
    }
}
