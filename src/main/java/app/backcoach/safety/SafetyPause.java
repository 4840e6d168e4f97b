package app.backcoach.safety;

import app.backcoach.safety.SafetyScreen.Outcome;
import app.backcoach.sender.Keyboard;
import app.backcoach.sender.MessageSender;
import app.backcoach.text.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Locale;
import java.util.Optional;

/**
 * A plan paused by a red flag. Every contact that would lead to exercise asks here first and, while
 * the pause holds, repeats the advice of its tier instead: emergency now, a doctor today, or a
 * clinician before starting. Nothing here offers an exercise.
 */
@ApplicationScoped
@Transactional
public class SafetyPause {

    private final MessageSender sender;
    private final Texts texts;

    public SafetyPause(MessageSender sender, Texts texts) {
        this.sender = sender;
        this.texts = texts;
    }

    /** The red flag that keeps the plan paused, if any. */
    public Optional<SafetyScreen> of(long userId) {
        return SafetyScreen.pausingPlan(userId);
    }

    public boolean isPaused(long userId) {
        return of(userId).isPresent();
    }

    /**
     * When the plan is paused, sends the tier's advice and the way to lift it, and says so.
     *
     * @return true when the person was told the plan is paused (the caller then offers nothing else)
     */
    public boolean remindIfPaused(long chatId, long userId, String language) {
        Optional<SafetyScreen> paused = of(userId);
        paused.ifPresent(screen -> sender.send(chatId, advice(screen.outcome, language),
                ClearanceButton.keyboard(texts, language, screen)));
        return paused.isPresent();
    }

    /** The advice while a pause of this tier holds. */
    public String advice(Outcome tier, String language) {
        return texts.get(language, "safety.paused." + tier.name().toLowerCase(Locale.ROOT));
    }

    /** The advice a new report of this tier gets at once, wherever it was reported. */
    public String reported(Outcome tier, String language) {
        return texts.get(language, "safety.outcome." + tier.name().toLowerCase(Locale.ROOT));
    }

    /**
     * What leads on from a new report: the first clearance step, except after an emergency, where
     * nothing may compete with getting care (the step comes with the next contact), or when clear.
     */
    public Keyboard afterReport(SafetyScreen screen, String language) {
        return screen.outcome == Outcome.CLEAR || screen.outcome == Outcome.URGENT
                ? null : ClearanceButton.keyboard(texts, language, screen);
    }
}
