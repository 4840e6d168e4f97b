package app.backcoach.onboarding;

import app.backcoach.chat.DialogueEngine;
import app.backcoach.privacy.ConsentGiven;
import app.backcoach.safety.SafetyScreen;
import app.backcoach.safety.SafetyScreenFlow;
import app.backcoach.text.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Set-up's order after consent: the red-flag screen, unless a renewal finds the person screened already. */
@ApplicationScoped
public class SetUpSequence {

    private final DialogueEngine engine;
    private final Texts texts;

    public SetUpSequence(DialogueEngine engine, Texts texts) {
        this.engine = engine;
        this.texts = texts;
    }

    void afterConsent(@Observes ConsentGiven given) {
        if (given.renewing() && SafetyScreen.latest(given.context().userId()).isPresent()) {
            engine.show(given.context(), texts.get(given.context().languageCode(), "consent.renewed"));
        } else {
            engine.start(given.context(), SafetyScreenFlow.CODE);
        }
    }
}
