package app.backcoach.safety;

import app.backcoach.chat.Answers;
import app.backcoach.chat.DialogueContext;
import app.backcoach.chat.DialogueDefinition;
import app.backcoach.chat.DialogueDefinition.Next;
import app.backcoach.chat.DialogueEngine;
import app.backcoach.chat.DialogueFlow;
import app.backcoach.profile.ProfileFlow;
import app.backcoach.profile.UserProfile;
import app.backcoach.safety.SafetyScreen.Outcome;
import app.backcoach.safety.SafetyScreen.Source;
import app.backcoach.support.StoredJson;
import app.backcoach.text.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The red-flag screen, five grouped questions ({@link RedFlags}). It coaches nobody into exercise
 * past a red flag: every yes ends in advice to seek care, with the time frame of its tier.
 *
 * <pre>{@code
 * stateDiagram-v2
 *   [*] --> rf_emergency
 *   rf_emergency --> URGENT: yes or not sure
 *   rf_emergency --> rf_today: no
 *   rf_today --> TODAY: yes
 *   rf_today --> rf_history: no
 *   rf_history --> rf_pattern
 *   rf_pattern --> rf_age
 *   rf_age --> REFER: any yes
 *   rf_age --> CLEAR: all no
 *   URGENT --> [*]: emergency advice now, plan paused
 *   TODAY --> [*]: see a doctor today, plan paused
 *   REFER --> [*]: a clinician before starting, plan paused
 *   CLEAR --> [*]: profile set-up (when there is none yet)
 * }</pre>
 */
@ApplicationScoped
public class SafetyScreenFlow implements DialogueFlow {

    public static final String CODE = "rf";
    /** A fact given at the start when the screen is asked again (not onboarding), e.g. "review". */
    public static final String SOURCE = "source";
    private static final DialogueDefinition.Routes IN_ORDER =
            DialogueDefinition.inOrder(RedFlags.SCREEN, answers -> RedFlags.tier(answers).name());
    private static final DialogueDefinition DEFINITION = new DialogueDefinition(CODE, 2, RedFlags.SCREEN,
            (answered, answers) -> RedFlags.endsAtOnce(answers)
                    ? new Next.End(RedFlags.tier(answers).name())
                    : IN_ORDER.next(answered, answers),
            Duration.ofDays(7));

    private final DialogueEngine engine;
    private final SafetyPause pause;
    private final Texts texts;
    private final Clock clock;
    private final StoredJson json;

    public SafetyScreenFlow(DialogueEngine engine, SafetyPause pause, Texts texts, Clock clock, StoredJson json) {
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
        Map<String, String> given = new LinkedHashMap<>(answers.values());
        Source source = given.containsKey(SOURCE) ? Source.REVIEW : Source.ONBOARDING;
        given.remove(SOURCE);
        SafetyScreen screen = SafetyScreen.record(context.userId(), source, Outcome.valueOf(outcome),
                json.write(given), clock.instant());
        String language = context.languageCode();
        boolean setUp = UserProfile.findByIdOptional(context.userId()).isPresent();
        // A clear rerun (escalation) says so without leading into set-up again.
        String text = screen.outcome == Outcome.CLEAR && setUp
                ? texts.get(language, "safety.outcome.clear.again") : pause.reported(screen.outcome, language);
        engine.show(context, text, pause.afterReport(screen, language));
        if (screen.outcome == Outcome.CLEAR && !setUp) {
            engine.start(context.below(), ProfileFlow.CODE);
        }
    }
}
