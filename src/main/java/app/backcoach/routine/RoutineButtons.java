package app.backcoach.routine;

import static app.backcoach.chat.ButtonFormat.code;
import static app.backcoach.chat.ButtonFormat.word;

import app.backcoach.chat.ButtonFormat;
import app.backcoach.chat.FormattedButton;
import app.backcoach.chat.Incoming;
import app.backcoach.chat.DialogueContext;
import app.backcoach.chat.DialogueEngine;
import app.backcoach.privacy.ConsentService;
import app.backcoach.profile.ProfileService;
import app.backcoach.safety.SafetyPause;
import app.backcoach.schedule.ScheduleConfig;
import app.backcoach.schedule.ScheduleService;
import app.backcoach.schedule.ScheduledJob;
import app.backcoach.sender.MessageSender;
import app.backcoach.text.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;

/**
 * Taps on reminders and short routines: done, skip, snooze (a one-off later reminder; the
 * recurring schedule stays), stiff now. Each message is answered once: the tap is logged for the
 * weekly picture and the buttons go.
 */
@ApplicationScoped
@Transactional
public class RoutineButtons implements FormattedButton {

    /** Action, the kind of message, and what it offered (the ritual's or routine's code). */
    static final ButtonFormat FORMAT = ButtonFormat.of(RoutineMessages.PREFIX, word("done", "snooze", "skip", "stiff"),
            word(java.util.Arrays.stream(RoutineMessages.Kind.values()).map(kind -> kind.code).toArray(String[]::new)),
            code(40));

    private final ProfileService profiles;
    private final ConsentService consent;
    private final ScheduleService schedules;
    private final ScheduleConfig config;
    private final DialogueEngine dialogues;
    private final MessageSender sender;
    private final Texts texts;
    private final Clock clock;
    private final SafetyPause pause;

    public RoutineButtons(ProfileService profiles, ConsentService consent, ScheduleService schedules,
                          ScheduleConfig config, DialogueEngine dialogues, MessageSender sender, Texts texts,
                          Clock clock, SafetyPause pause) {
        this.pause = pause;
        this.profiles = profiles;
        this.consent = consent;
        this.schedules = schedules;
        this.config = config;
        this.dialogues = dialogues;
        this.sender = sender;
        this.texts = texts;
        this.clock = clock;
    }

    @Override
    public ButtonFormat format() {
        return FORMAT;
    }

    @Override
    public Optional<String> handle(Incoming.ButtonTap tap, ButtonFormat.Values parts) {
        String action = parts.word(0);
        RoutineMessages.Kind kind = RoutineMessages.Kind.of(parts.word(1)).orElseThrow();
        long userId = tap.from().userId();
        String language = tap.from().languageCode();
        if (RoutineLog.count("telegramUserId = ?1 and messageId = ?2", userId, tap.messageId()) > 0) {
            return Optional.of(texts.get(language, "callback.closed"));
        }
        if (action.equals("stiff")) {
            if (pause.remindIfPaused(tap.chat().id(), userId, language)) {
                return Optional.empty();
            }
            dialogues.start(new DialogueContext(tap.chat().id(), userId, language, null), StiffFlow.CODE);
            return Optional.empty();
        }
        if (action.equals("snooze")) {
            schedules.upsert(userId, ScheduledJob.Kind.SNOOZE, clock.instant().plus(config.snooze()),
                    profiles.today(userId));
        }
        log(userId, kind, action, parts.word(2), tap.messageId());
        // The message stays as it was, without its buttons; the answer shows as a toast.
        sender.editKeyboard(tap.chat().id(), tap.messageId(), null);
        return Optional.of(texts.get(language, "routine.toast." + action));
    }

    private void log(long userId, RoutineMessages.Kind kind, String action, String detail, long messageId) {
        if (!consent.hasConsent(userId)) {
            return; // without consent nothing about the person's back is kept
        }
        RoutineLog entry = new RoutineLog();
        entry.telegramUserId = userId;
        entry.kind = kind.logName;
        entry.localDate = profiles.today(userId);
        entry.outcome = switch (action) {
            case "done" -> "done";
            case "snooze" -> "snoozed";
            default -> "skipped";
        };
        entry.detail = detail;
        entry.messageId = messageId;
        entry.loggedAt = clock.instant();
        entry.persist();
    }
}
