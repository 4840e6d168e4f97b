package app.backcoach.checkin;

import app.backcoach.dialogue.Answers;
import app.backcoach.dialogue.DialogueContext;
import app.backcoach.dialogue.DialogueEngine;
import app.backcoach.dialogue.Question;
import app.backcoach.learn.Lessons;
import app.backcoach.plan.DailyPlan;
import app.backcoach.plan.PlanMessages;
import app.backcoach.plan.PlanService;
import app.backcoach.privacy.ConsentService;
import app.backcoach.profile.ProfileService;
import app.backcoach.profile.SetUpFinished;
import app.backcoach.profile.UserProfile;
import app.backcoach.safety.ClearanceButton;
import app.backcoach.safety.SafetyScreen;
import app.backcoach.sender.MessageSender;
import app.backcoach.support.StoredJson;
import app.backcoach.text.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/** Starts, stores and finishes morning check-ins. */
@ApplicationScoped
@Transactional
public class CheckinService {

    /** How often the check-in opens with the short red-flag recheck. */
    static final Duration RECHECK_EVERY = Duration.ofDays(7);

    private final DialogueEngine dialogues;
    private final ProfileService profiles;
    private final ConsentService consent;
    private final PlanService plans;
    private final PlanMessages planMessages;
    private final Lessons lessons;
    private final SelfAdjust selfAdjust;
    private final MessageSender sender;
    private final Texts texts;
    private final Clock clock;
    private final StoredJson json;

    public CheckinService(DialogueEngine dialogues, ProfileService profiles, ConsentService consent, PlanService plans,
                          PlanMessages planMessages, Lessons lessons, SelfAdjust selfAdjust, MessageSender sender,
                          Texts texts, Clock clock, StoredJson json) {
        this.dialogues = dialogues;
        this.profiles = profiles;
        this.consent = consent;
        this.plans = plans;
        this.planMessages = planMessages;
        this.lessons = lessons;
        this.selfAdjust = selfAdjust;
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
        Optional<UserProfile> profile = profiles.find(userId);
        if (profile.isEmpty()) {
            sender.send(context.chatId(), texts.get(language, "checkin.needs-profile"));
            return;
        }
        Optional<SafetyScreen> paused = SafetyScreen.pausingPlan(userId);
        if (paused.isPresent()) {
            sender.send(context.chatId(), texts.get(language, "checkin.paused-by-red-flag"),
                    paused.get().outcome == SafetyScreen.Outcome.REFER ? ClearanceButton.keyboard(texts, language) : null);
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
        Answers given = new Answers(Map.of(CheckinQuestions.HAD_SESSION,
                plans.hadSessionBefore(userId, today) ? "yes" : "no",
                CheckinQuestions.SELF_ADJUST, profile.get().selfAdjust ? "yes" : "no"));
        String first = recheckDue(userId) ? CheckinQuestions.RED_FLAG_WEEK.id() : CheckinQuestions.PAIN.id();
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
        if (question.equals(CheckinQuestions.RED_FLAG_WEEK) || question.equals(CheckinQuestions.RED_FLAG_WHICH)) {
            if (answers.is(CheckinQuestions.RED_FLAG_WEEK.id(), "no")) {
                screen(userId, SafetyScreen.Outcome.CLEAR, answers);
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

    void finish(DialogueContext context, String outcome, Answers answers) {
        long userId = context.userId();
        if (!CheckinQuestions.DONE.equals(outcome)) {
            redFlag(context, outcome, answers);
            return;
        }
        DailyCheckin checkin = DailyCheckin.on(userId, profiles.today(userId)).orElseThrow();
        checkin.completedAt = clock.instant();
        UserProfile profile = profiles.find(userId).orElseThrow();
        DailyPlan plan = plans.plan(profile, checkin);
        planMessages.show(context, plan);
        lessons.maybeOffer(context.chatId(), userId, context.languageCode());
        selfAdjust.maybeOffer(context.chatId(), profile, context.languageCode());
    }

    /** A new red flag: the same advice as at onboarding, and the plan pauses. */
    private void redFlag(DialogueContext context, String outcome, Answers answers) {
        SafetyScreen.Outcome result = CheckinQuestions.URGENT.equals(outcome)
                ? SafetyScreen.Outcome.URGENT : SafetyScreen.Outcome.REFER;
        screen(context.userId(), result, answers);
        String language = context.languageCode();
        dialogues.show(context, texts.get(language, "safety.outcome." + outcome),
                result == SafetyScreen.Outcome.REFER ? ClearanceButton.keyboard(texts, language) : null);
    }

    private boolean recheckDue(long userId) {
        return SafetyScreen.latest(userId)
                .map(screen -> screen.screenedAt.plus(RECHECK_EVERY).isBefore(clock.instant()))
                .orElse(true);
    }

    private void screen(long userId, SafetyScreen.Outcome outcome, Answers answers) {
        SafetyScreen.record(userId, outcome, json.write(Map.of("weekly-recheck", answers.get("rf-which")
                .orElse(answers.get("rf-week").orElse("no")))), clock.instant());
    }
}
