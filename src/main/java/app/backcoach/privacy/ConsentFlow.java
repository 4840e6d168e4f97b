package app.backcoach.privacy;

import app.backcoach.dialogue.Answers;
import app.backcoach.dialogue.DialogueContext;
import app.backcoach.dialogue.DialogueDefinition;
import app.backcoach.dialogue.DialogueEngine;
import app.backcoach.dialogue.DialogueFlow;
import app.backcoach.dialogue.Question;
import app.backcoach.privacy.ConsentRecord.Decision;
import app.backcoach.safety.SafetyScreen;
import app.backcoach.safety.SafetyScreenFlow;
import app.backcoach.text.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;

/**
 * Asks for consent before anything about the person's health is stored.
 *
 * <pre>{@code
 * stateDiagram-v2
 *   [*] --> consent
 *   consent --> agreed: I agree
 *   consent --> declined: Not now
 *   agreed --> safety_screen: starts the red-flag screen in the same message
 *   agreed --> renewed: agreed before to an older policy and screened: goes on as before
 *   declined --> [*]
 *   declined --> withdrawn: agreed before to an older policy: health data erased
 * }</pre>
 */
@ApplicationScoped
public class ConsentFlow implements DialogueFlow {

    public static final String CODE = "cs";
    static final Question CONSENT = new Question("consent", "consent.question", List.of(
            new Question.Choice("agree", "consent.agree"),
            new Question.Choice("decline", "consent.decline")), false);
    private static final DialogueDefinition DEFINITION = new DialogueDefinition(CODE, 1, List.of(CONSENT),
            (answered, answers) -> new DialogueDefinition.Next.End(answers.is("consent", "agree") ? "agreed" : "declined"),
            Duration.ofDays(7));

    private final ConsentService consent;
    private final PersonalDataService personalData;
    private final DialogueEngine engine;
    private final Texts texts;

    public ConsentFlow(ConsentService consent, PersonalDataService personalData, DialogueEngine engine, Texts texts) {
        this.consent = consent;
        this.personalData = personalData;
        this.engine = engine;
        this.texts = texts;
    }

    @Override
    public DialogueDefinition definition() {
        return DEFINITION;
    }

    @Override
    public void finish(DialogueContext context, String outcome, Answers answers) {
        long userId = context.userId();
        String language = context.languageCode();
        // Someone who agreed to an older policy is renewing: their data is there already.
        boolean renewing = consent.needsRenewal(userId);
        if ("agreed".equals(outcome)) {
            consent.record(userId, Decision.GIVEN);
            if (renewing && SafetyScreen.latest(userId).isPresent()) {
                engine.show(context, texts.get(language, "consent.renewed"));
            } else {
                engine.start(context, SafetyScreenFlow.CODE);
            }
        } else if (renewing) {
            // Not agreeing to the new policy ends the old consent too: what it covered goes, as on withdrawal.
            consent.record(userId, Decision.WITHDRAWN);
            personalData.eraseHealthData(userId);
            engine.show(context, texts.get(language, "consent.withdrawn"));
        } else {
            consent.record(userId, Decision.DECLINED);
            engine.show(context, texts.get(language, "consent.declined"));
        }
    }
}
