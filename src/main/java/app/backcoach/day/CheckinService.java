package app.backcoach.day;

import app.backcoach.chat.Answers;
import app.backcoach.chat.DialogueContext;
import app.backcoach.chat.DialogueEngine;
import app.backcoach.chat.Question;
import app.backcoach.privacy.ConsentService;
import app.backcoach.profile.ProfileService;
import app.backcoach.profile.SetUpFinished;
import app.backcoach.profile.UserProfile;
import app.backcoach.safety.RedFlags;
import app.backcoach.safety.SafetyPause;
import app.backcoach.safety.SafetyScreen;
import app.backcoach.safety.SafetyScreen.Outcome;
import app.backcoach.safety.SafetyScreen.Source;
import app.backcoach.sender.MessageSender;
import app.backcoach.support.StoredJson;
import app.backcoach.text.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Opens morning check-ins and keeps each answer; a finished one leads on in {@link CheckinOutcome}. */
@ApplicationScoped
@Transactional
public class CheckinService {

    /** How often the check-in opens with the short red-flag recheck. */
    static final Duration RECHECK_EVERY = Duration.ofDays(7);

    private final DialogueEngine dialogues;
    private final ProfileService profiles;
    private final ConsentService consent;
    private final PlanService plans;
    private final SafetyPause pause;
    private final MessageSender sender;
    private final Texts texts;
    private final Clock clock;
    private final StoredJson json;

    public CheckinService(DialogueEngine dialogues, ProfileService profiles, ConsentService consent, PlanService plans,
                          SafetyPause pause, MessageSender sender, Texts texts, Clock clock, StoredJson json) {
        this.pause = pause;
        this.dialogues = dialogues;
        this.profiles = profiles;
        this.consent = consent;
        this.plans = plans;
        this.sender = sender;
        this.texts = texts;
        this.clock = clock;
        this.json = json;
    }

    /**
     * Opens today's check-in: resumes one under way, revises one already done, and first of all
     * checks that the person can be coached today (consent, set-up, no open red flag).
     */
    public void begin(DialogueContext context) {
        String language = context.languageCode();
        long userId = context.userId();
        if (!consent.hasConsent(userId)) {
            sender.send(context.chatId(), texts.get(language, "checkin.needs-consent"));
            return;
        }
        // A red flag comes before set-up and everything after it.
        if (pause.remindIfPaused(context.chatId(), userId, language)) {
            return;
        }
        Optional<UserProfile> profile = profiles.find(userId);
        if (profile.isEmpty()) {
            sender.send(context.chatId(), texts.get(language, "checkin.needs-profile"));
            return;
        }
        if (dialogues.active(userId).filter(state -> state.dialogue.equals(CheckinFlow.CODE)).isPresent()) {
            dialogues.reask(context);
            return;
        }
        LocalDate today = profiles.today(userId);
        if (DailyCheckin.completedOn(userId, today).isPresent()) {
            sender.send(context.chatId(), texts.get(language, "checkin.revise"));
        }
        boolean legBefore = plans.legSymptomsBefore(userId, today);
        Answers given = new Answers(Map.of(CheckinQuestions.HAD_SESSION,
                plans.hadSessionBefore(userId, today) ? "yes" : "no",
                CheckinQuestions.SELF_ADJUST, profile.get().selfAdjust ? "yes" : "no",
                CheckinQuestions.LEG_BEFORE, legBefore ? "yes" : "no"));
        String first = recheckDue(userId) ? CheckinQuestions.RED_FLAG_WEEK.id()
                : CheckinQuestions.firstSignal(legBefore).id();
        dialogues.start(context, CheckinFlow.CODE, first, given);
    }

    /** The first check-in follows set-up at once. */
    void afterSetUp(@Observes SetUpFinished finished) {
        begin(finished.below());
    }

    /**
     * Keeps each answer as it is given: a clear weekly recheck as a safety screen, the signals in
     * today's row, so nothing said is lost if the check-in stops half-way.
     */
    void record(long userId, Question question, Answers answers) {
        if (question.equals(CheckinQuestions.RED_FLAG_WEEK) || question.equals(CheckinQuestions.RED_FLAG_EMERGENCY)
                || question.equals(CheckinQuestions.RED_FLAG_TODAY)) {
            if (answers.is(CheckinQuestions.RED_FLAG_WEEK.id(), "no")) {
                screen(userId, Source.WEEKLY, Outcome.CLEAR, answers);
            }
            return;
        }
        LocalDate today = profiles.today(userId);
        DailyCheckin checkin = DailyCheckin.on(userId, today).orElseGet(() -> {
            DailyCheckin created = new DailyCheckin();
            created.telegramUserId = userId;
            created.localDate = today;
            return created;
        });
        CheckinQuestions.apply(checkin, answers);
        checkin.updatedAt = clock.instant();
        if (!checkin.isPersistent()) {
            checkin.persist();
        }
    }

    /** A red flag in the recheck or the leg question: that tier's advice, and the plan pauses. */
    void redFlag(DialogueContext context, Outcome tier, Answers answers) {
        Source source = answers.get(RedFlags.LEG_ID).isPresent() ? Source.LEG : Source.WEEKLY;
        SafetyScreen screen = screen(context.userId(), source, tier, answers);
        dialogues.show(context, pause.reported(tier, context.languageCode()),
                pause.afterReport(screen, context.languageCode()));
    }

    private boolean recheckDue(long userId) {
        return SafetyScreen.latest(userId)
                .map(screen -> screen.screenedAt.plus(RECHECK_EVERY).isBefore(clock.instant()))
                .orElse(true);
    }

    private SafetyScreen screen(long userId, Source source, Outcome outcome, Answers answers) {
        Map<String, String> given = new java.util.LinkedHashMap<>();
        for (String id : List.of("rf-week", RedFlags.EMERGENCY_ID, RedFlags.TODAY_ID, RedFlags.LEG_ID)) {
            answers.get(id).ifPresent(value -> given.put(id, value));
        }
        return SafetyScreen.record(userId, source, outcome, json.write(given), clock.instant());
    }
}
