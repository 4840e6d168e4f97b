package app.backcoach.safety;

import app.backcoach.chat.Answers;
import app.backcoach.chat.DialogueContext;
import app.backcoach.chat.DialogueEngine;
import app.backcoach.sender.MessageSender;
import app.backcoach.text.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * After a check-in: when pain stays severe, does not improve, or morning stiffness looks
 * inflammatory, advises a clinician review and asks the red-flag screen again.
 */
@ApplicationScoped
@Transactional
public class EscalationService {

    private final DialogueEngine dialogues;
    private final MessageSender sender;
    private final Texts texts;
    private final Clock clock;

    public EscalationService(DialogueEngine dialogues, MessageSender sender, Texts texts, Clock clock) {
        this.dialogues = dialogues;
        this.sender = sender;
        this.texts = texts;
        this.clock = clock;
    }

    /**
     * Gives the advice when a rule calls for it and starts the screen below it.
     *
     * @return whether it did (the caller then offers nothing else this morning)
     */
    public boolean consider(DialogueContext context, LocalDate today, ZoneId zone, List<Escalation.Morning> mornings) {
        Map<Escalation.Reason, LocalDate> lastAdvised = new EnumMap<>(Escalation.Reason.class);
        SafetyEscalation.<SafetyEscalation>list("telegramUserId", context.userId()).forEach(given ->
                reasonOf(given.reason).ifPresent(reason -> lastAdvised.merge(reason,
                        given.advisedAt.atZone(zone).toLocalDate(), (a, b) -> a.isAfter(b) ? a : b)));
        Optional<Escalation.Reason> reason = Escalation.assess(today, mornings, lastAdvised);
        reason.ifPresent(found -> {
            SafetyEscalation advice = new SafetyEscalation();
            advice.telegramUserId = context.userId();
            advice.reason = found.code();
            advice.advisedAt = clock.instant();
            advice.persist();
            sender.send(context.chatId(), texts.get(context.languageCode(), "safety.escalation." + found.code()));
            dialogues.start(context.below(), SafetyScreenFlow.CODE, RedFlags.SCREEN.get(0).id(),
                    new Answers(Map.of(SafetyScreenFlow.SOURCE, "review")));
        });
        return reason.isPresent();
    }

    private static Optional<Escalation.Reason> reasonOf(String code) {
        return java.util.Arrays.stream(Escalation.Reason.values()).filter(r -> r.code().equals(code)).findFirst();
    }
}
