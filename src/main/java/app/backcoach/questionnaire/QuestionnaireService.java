package app.backcoach.questionnaire;

import app.backcoach.chat.Answers;
import app.backcoach.chat.DialogueContext;
import app.backcoach.chat.DialogueEngine;
import app.backcoach.questionnaire.Questionnaire.Effect;
import app.backcoach.questionnaire.Questionnaire.When;
import app.backcoach.safety.SafetyScreen;
import app.backcoach.support.StoredJson;
import app.backcoach.text.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The questionnaire round before the weekly review: which questionnaires are due, asking them one after the
 * other through the dialogue engine, and storing each one's answers and score when its last item is answered.
 * A round is asked once: a person who does not answer gets the review without it, and the next round asks again.
 */
@ApplicationScoped
@Transactional
public class QuestionnaireService {

    /** Stored with the answers: the round a dialogue belongs to (item ids cannot contain "_"). */
    static final String ROUND = "_round";

    private final Questionnaires questionnaires;
    private final DialogueEngine dialogues;
    private final Texts texts;
    private final Clock clock;
    private final StoredJson json;
    private final Event<QuestionnaireRoundDone> roundDone;

    public QuestionnaireService(Questionnaires questionnaires, DialogueEngine dialogues, Texts texts, Clock clock,
                                StoredJson json, Event<QuestionnaireRoundDone> roundDone) {
        this.questionnaires = questionnaires;
        this.dialogues = dialogues;
        this.texts = texts;
        this.clock = clock;
        this.json = json;
        this.roundDone = roundDone;
    }

    /**
     * Begins the person's round of the given date with its first due questionnaire. Nothing is asked while a
     * red flag pauses the plan, while another dialogue is open (a check-in is never cut short), or when the
     * round has begun already.
     *
     * @return whether a questionnaire was asked (the review then waits for the round)
     */
    public boolean startRound(long chatId, long userId, String languageCode, LocalDate roundDate) {
        if (QuestionnaireResult.roundStarted(userId, roundDate) || dialogues.active(userId).isPresent()) {
            return false;
        }
        return askNext(new DialogueContext(chatId, userId, languageCode, null), roundDate);
    }

    /** The questionnaires due in the person's round of that date, in the order they are asked. */
    public List<Questionnaire> due(long userId, LocalDate roundDate) {
        return questionnaires.all().stream().filter(questionnaire -> isDue(questionnaire, userId, roundDate)).toList();
    }

    static boolean isDue(Questionnaire questionnaire, long userId, LocalDate roundDate) {
        if (questionnaire.asked().when() == When.ONBOARDING) {
            return !QuestionnaireResult.everAsked(userId, questionnaire.id());
        }
        // Counted in days, so a review day moved within the week does not ask twice in seven days.
        return !QuestionnaireResult.askedAfter(userId, questionnaire.id(),
                roundDate.minusDays(7L * questionnaire.asked().weeks()));
    }

    private boolean askNext(DialogueContext context, LocalDate roundDate) {
        if (SafetyScreen.pausingPlan(context.userId()).isPresent()) {
            return false;
        }
        Optional<Questionnaire> next = due(context.userId(), roundDate).stream().findFirst();
        next.ifPresent(questionnaire -> {
            QuestionnaireResult asked = new QuestionnaireResult();
            asked.telegramUserId = context.userId();
            asked.questionnaire = questionnaire.id();
            asked.questionnaireVersion = questionnaire.version();
            asked.occasion = QuestionnaireLoader.kebab(questionnaire.asked().when());
            asked.roundDate = roundDate;
            asked.askedAt = clock.instant();
            asked.persist();
            dialogues.start(context, questionnaire.dialogueCode(), questionnaire.items().get(0).id(),
                    new Answers(Map.of(ROUND, roundDate.toString())));
        });
        return next.isPresent();
    }

    /** The last item is answered: score, store, thank, and go on with the round or end it. */
    void completed(DialogueContext context, Questionnaire questionnaire, Answers answers) {
        Scoring.Result result = Scoring.score(questionnaire, answers.values());
        LocalDate roundDate = answers.get(ROUND).map(LocalDate::parse).orElse(null);
        QuestionnaireResult row = QuestionnaireResult.<QuestionnaireResult>find(
                        "telegramUserId = ?1 and questionnaire = ?2 and roundDate = ?3 and completedAt is null",
                        context.userId(), questionnaire.id(), roundDate).firstResultOptional()
                .orElseGet(() -> {
                    // Erased meanwhile (consent withdrawn and given again, say): the answers still count.
                    QuestionnaireResult fresh = new QuestionnaireResult();
                    fresh.telegramUserId = context.userId();
                    fresh.questionnaire = questionnaire.id();
                    fresh.occasion = QuestionnaireLoader.kebab(questionnaire.asked().when());
                    fresh.roundDate = roundDate == null ? LocalDate.now(clock) : roundDate;
                    fresh.askedAt = clock.instant();
                    return fresh;
                });
        Map<String, String> itemAnswers = new LinkedHashMap<>();
        questionnaire.items().forEach(item -> itemAnswers.put(item.id(), answers.values().get(item.id())));
        row.questionnaireVersion = questionnaire.version();
        row.completedAt = clock.instant();
        row.answers = json.write(itemAnswers);
        row.score = result.total();
        row.subscales = json.write(result.subscales());
        row.band = result.band().orElse(null);
        row.effect = QuestionnaireLoader.kebab(result.effect());
        row.persist();

        String language = QuestionnaireFlows.language(context.languageCode());
        String thanks = texts.get(language, "questionnaire.done", "title", questionnaire.title().get(language),
                "score", number(result.total()), "min", number(questionnaire.minTotal()),
                "max", number(questionnaire.maxTotal()));
        if (result.effect() != Effect.NONE) {
            thanks += "\n\n" + texts.get(language, "questionnaire.effect." + QuestionnaireLoader.kebab(result.effect()));
        }
        dialogues.show(context, thanks);
        if (roundDate != null && !askNext(context.below(), roundDate)) {
            roundDone.fire(new QuestionnaireRoundDone(context.chatId(), context.userId(), context.languageCode(),
                    roundDate));
        }
    }

    /** 4.33 → "4.3", 5.0 → "5". */
    static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
