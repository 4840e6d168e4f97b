package app.backcoach.safety;

import app.backcoach.conditions.ConditionsEditor;
import static app.backcoach.chat.ButtonFormat.id;
import static app.backcoach.chat.ButtonFormat.word;

import app.backcoach.chat.ButtonFormat;
import app.backcoach.chat.FormattedButton;
import app.backcoach.chat.CallbackData;
import app.backcoach.chat.Incoming;
import app.backcoach.chat.DialogueContext;
import app.backcoach.chat.DialogueEngine;
import app.backcoach.profile.ProfileFlow;
import app.backcoach.profile.UserProfile;
import app.backcoach.sender.Keyboard;
import app.backcoach.sender.MessageSender;
import app.backcoach.text.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Lifting a pause a red flag put on the plan: {@code clr:<step>.<screen>}. After "a clinician before
 * starting" one tap says a clinician cleared the person. After "emergency now" or "a doctor today" it
 * takes two: "a doctor has examined me", then a confirmation whose yes sits on another row than the
 * first button, so a double tap lands on "not yet". Only the screen that pauses the plan now can be
 * cleared, and only with its own buttons.
 *
 * <pre>{@code
 * stateDiagram-v2
 *   [*] --> paused
 *   paused --> cleared: ok (clinician-first tier)
 *   paused --> confirm: ask (emergency or same-day tier)
 *   confirm --> paused: not yet
 *   confirm --> cleared: yes, within the confirmation window
 *   cleared --> [*]: start gently (profile first when none)
 * }</pre>
 */
@ApplicationScoped
@Transactional
public class ClearanceButton implements FormattedButton {

    static final String PREFIX = "clr";
    static final String OK = "ok";
    static final String ASK = "ask";
    static final String YES = "yes";
    static final String NOT_YET = "no";
    /** A confirmation left open longer than this needs its first step again. */
    static final Duration CONFIRM_WITHIN = Duration.ofMinutes(30);
    /** The step and the screen it clears. */
    private static final ButtonFormat FORMAT = ButtonFormat.of(PREFIX, word(OK, ASK, YES, NOT_YET), id());

    private final DialogueEngine dialogues;
    private final SafetyPause pause;
    private final MessageSender sender;
    private final Texts texts;
    private final Clock clock;
    private final ConditionsEditor conditions;

    public ClearanceButton(DialogueEngine dialogues, SafetyPause pause, MessageSender sender, Texts texts,
                           Clock clock, ConditionsEditor conditions) {
        this.conditions = conditions;
        this.dialogues = dialogues;
        this.pause = pause;
        this.sender = sender;
        this.texts = texts;
        this.clock = clock;
    }

    /** The first step for this screen's tier. */
    public static Keyboard keyboard(Texts texts, String language, SafetyScreen screen) {
        String step = screen.outcome.needsDoctor() ? ASK : OK;
        return Keyboard.singleRow(data(step, screen).button(texts.get(language, "safety.button." + step)));
    }

    private static CallbackData data(String step, SafetyScreen screen) {
        return FORMAT.data(step, screen.id);
    }

    @Override
    public ButtonFormat format() {
        return FORMAT;
    }

    @Override
    public Optional<String> handle(Incoming.ButtonTap tap, ButtonFormat.Values parts) {
        String step = parts.word(0);
        long screenId = parts.id(1);
        String language = tap.from().languageCode();
        Optional<SafetyScreen> paused = SafetyScreen.pausingPlan(tap.from().userId())
                .filter(screen -> screen.id == screenId);
        if (paused.isEmpty()) {
            return Optional.of(texts.get(language, "callback.closed"));
        }
        SafetyScreen screen = paused.get();
        boolean twoSteps = screen.outcome.needsDoctor();
        DialogueContext context = new DialogueContext(tap.chat().id(), tap.from().userId(), language, tap.messageId());
        switch (step) {
            case OK -> {
                if (twoSteps) {
                    return Optional.of(texts.get(language, "callback.closed"));
                }
                clear(context, screen);
            }
            case ASK -> {
                if (!twoSteps) {
                    return Optional.of(texts.get(language, "callback.closed"));
                }
                screen.clearanceAskedAt = clock.instant();
                sender.replace(context.chatId(), context.messageId(), texts.get(language, "safety.confirm-doctor"),
                        Keyboard.of(List.of(
                                List.of(data(NOT_YET, screen).button(texts.get(language, "safety.button.not-yet"))),
                                List.of(data(YES, screen).button(texts.get(language, "safety.button.yes-examined"))))));
            }
            case YES -> {
                boolean confirmedInTime = screen.clearanceAskedAt != null
                        && !screen.clearanceAskedAt.plus(CONFIRM_WITHIN).isBefore(clock.instant());
                if (!twoSteps || !confirmedInTime) {
                    return Optional.of(texts.get(language, "callback.closed"));
                }
                clear(context, screen);
            }
            case NOT_YET -> {
                screen.clearanceAskedAt = null;
                sender.replace(context.chatId(), context.messageId(), pause.advice(screen.outcome, language),
                        keyboard(texts, language, screen));
            }
            default -> throw new IllegalStateException("Unmatched clearance step " + step);
        }
        return Optional.empty();
    }

    private void clear(DialogueContext context, SafetyScreen screen) {
        SafetyScreen.clearUpTo(screen, clock.instant());
        boolean setUp = UserProfile.findByIdOptional(context.userId()).isPresent();
        dialogues.show(context, texts.get(context.languageCode(), setUp ? "safety.cleared" : "safety.cleared.set-up"));
        // A clinician who clears often adds "but not yet …": recorded here, every exercise choice honours it.
        conditions.offer(context);
        if (!setUp) {
            dialogues.start(context.below(), ProfileFlow.CODE);
        }
    }
}
