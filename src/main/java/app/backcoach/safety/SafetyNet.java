package app.backcoach.safety;

import app.backcoach.chat.Incoming;
import app.backcoach.chat.TextWatch;
import app.backcoach.chat.Answers;
import app.backcoach.chat.DialogueContext;
import app.backcoach.chat.DialogueEngine;
import app.backcoach.privacy.ConsentService;
import app.backcoach.safety.SafetyScreen.Outcome;
import app.backcoach.sender.MessageSender;
import app.backcoach.text.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;

/**
 * The safety net under everything a person types: words that suggest an emergency sign
 * ({@link SymptomWords}) get the emergency advice at once, whatever else was going on, and then the
 * emergency group as a question, so a yes pauses the plan and a no changes nothing. Without consent
 * only the advice is given; nothing about health is stored.
 */
@ApplicationScoped
public class SafetyNet implements TextWatch {

    private final SafetyPause pause;
    private final ConsentService consent;
    private final DialogueEngine dialogues;
    private final MessageSender sender;
    private final Texts texts;

    public SafetyNet(SafetyPause pause, ConsentService consent, DialogueEngine dialogues, MessageSender sender,
                     Texts texts) {
        this.pause = pause;
        this.consent = consent;
        this.dialogues = dialogues;
        this.sender = sender;
        this.texts = texts;
    }

    @Override
    public boolean handled(Incoming.TextMessage text) {
        Optional<String> sign = SymptomWords.emergencySign(text.text());
        if (sign.isEmpty()) {
            return false;
        }
        long chatId = text.chat().id();
        long userId = text.from().userId();
        String language = text.from().languageCode();
        sender.send(chatId, texts.get(language, "safety.net"));
        boolean alreadyAnEmergency = pause.of(userId).filter(screen -> screen.outcome == Outcome.URGENT).isPresent();
        if (!alreadyAnEmergency && consent.hasConsent(userId)) {
            dialogues.start(new DialogueContext(chatId, userId, language, null), SafetyNetFlow.CODE,
                    RedFlags.EMERGENCY_ID, new Answers(Map.of(SafetyNetFlow.SIGN, sign.get())));
        }
        return true;
    }
}
