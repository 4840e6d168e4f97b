package app.backcoach.safety;

import app.backcoach.conversation.ButtonAction;
import app.backcoach.conversation.CallbackData;
import app.backcoach.conversation.Incoming;
import app.backcoach.dialogue.DialogueContext;
import app.backcoach.dialogue.DialogueEngine;
import app.backcoach.profile.ProfileFlow;
import app.backcoach.sender.Keyboard;
import app.backcoach.text.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Optional;

/** "A clinician has cleared me to exercise": lifts the pause a red flag put on the plan. */
@ApplicationScoped
public class ClearanceButton implements ButtonAction {

    static final CallbackData CLEARED = new CallbackData("cleared", "yes");

    private final DialogueEngine dialogues;
    private final Texts texts;
    private final Clock clock;

    public ClearanceButton(DialogueEngine dialogues, Texts texts, Clock clock) {
        this.dialogues = dialogues;
        this.texts = texts;
        this.clock = clock;
    }

    public static Keyboard keyboard(Texts texts, String languageCode) {
        return Keyboard.singleRow(CLEARED.button(texts.get(languageCode, "safety.button.cleared")));
    }

    @Override
    public String prefix() {
        return CLEARED.prefix();
    }

    @Override
    public boolean accepts(String argument) {
        return CLEARED.argument().equals(argument);
    }

    @Override
    public Optional<String> handle(Incoming.ButtonTap tap, String argument) {
        String language = tap.from().languageCode();
        Optional<SafetyScreen> paused = SafetyScreen.pausingPlan(tap.from().userId());
        if (paused.isEmpty()) {
            return Optional.of(texts.get(language, "callback.closed"));
        }
        paused.get().clearedAt = clock.instant();
        DialogueContext context = new DialogueContext(tap.chat().id(), tap.from().userId(), language, tap.messageId());
        dialogues.show(context, texts.get(language, "safety.cleared"));
        dialogues.start(context.below(), ProfileFlow.CODE);
        return Optional.empty();
    }
}
