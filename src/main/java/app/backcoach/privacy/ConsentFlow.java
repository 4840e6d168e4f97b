package app.backcoach.privacy;

import app.backcoach.chat.Answers;
import app.backcoach.chat.DialogueContext;
import app.backcoach.chat.DialogueDefinition;
import app.backcoach.chat.DialogueEngine;
import app.backcoach.chat.DialogueFlow;
import app.backcoach.chat.Question;
import app.backcoach.privacy.ConsentRecord.Decision;
import app.backcoach.text.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
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
 *   agreed --> [*]: ConsentGiven; set-up (onboarding) goes on in the same message
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
    private final Event<ConsentGiven> given;

    public ConsentFlow(ConsentService consent, PersonalDataService personalData, DialogueEngine engine, Texts texts,
                       Event<ConsentGiven> given) {
        this.consent = consent;
        this.personalData = personalData;
        this.engine = engine;
        this.texts = texts;
        this.given = given;
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
            given.fire(new ConsentGiven(context, renewing));
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
