package app.backcoach.privacy;

import app.backcoach.chat.DialogueContext;
import app.backcoach.chat.DialogueEngine;
import app.backcoach.sender.MessageSender;
import app.backcoach.text.Texts;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * When the policy changes, people who agreed to an older version meet it at their next contact (/start,
 * /checkin, /today, /progress, the morning prompt): what is new, then the consent question again. Agreeing
 * carries on as before; declining erases their health data as a withdrawal does (ConsentFlow).
 */
@ApplicationScoped
public class ConsentRenewal {

    private final ConsentService consent;
    private final DialogueEngine dialogues;
    private final MessageSender sender;
    private final Texts texts;

    public ConsentRenewal(ConsentService consent, DialogueEngine dialogues, MessageSender sender, Texts texts) {
        this.consent = consent;
        this.dialogues = dialogues;
        this.sender = sender;
        this.texts = texts;
    }

    /** Asks again when the person agreed to an older policy; returns whether it asked. */
    public boolean askIfPolicyChanged(DialogueContext context) {
        if (!consent.needsRenewal(context.userId())) {
            return false;
        }
        sender.send(context.chatId(), texts.get(context.languageCode(), "privacy.changed"));
        dialogues.start(context.below(), ConsentFlow.CODE);
        return true;
    }

    /**
     * The same, unprompted (the morning prompt): once while the question stays open, not every morning.
     * Returns whether it asked.
     */
    public boolean askUnprompted(DialogueContext context) {
        boolean alreadyAsked = dialogues.active(context.userId())
                .filter(open -> ConsentFlow.CODE.equals(open.dialogue)).isPresent();
        return !alreadyAsked && askIfPolicyChanged(context);
    }
}
