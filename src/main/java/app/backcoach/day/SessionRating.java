package app.backcoach.day;

import app.backcoach.chat.Answers;
import app.backcoach.chat.DialogueContext;
import app.backcoach.chat.DialogueDefinition;
import app.backcoach.chat.DialogueEngine;
import app.backcoach.chat.DialogueFlow;
import app.backcoach.chat.Question;
import app.backcoach.chat.Question.Choice;
import app.backcoach.text.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * After a session: pain during it, effort, how it felt. Kept with the day's plan; tomorrow's
 * check-in then asks how it feels the next morning.
 *
 * <pre>{@code
 * stateDiagram-v2
 *   [*] --> pain_during
 *   pain_during --> effort
 *   effort --> feeling
 *   feeling --> [*]: stored; advice when pain went above 5/10
 * }</pre>
 */
@ApplicationScoped
@Transactional
public class SessionRating implements DialogueFlow {

    public static final String CODE = "sr";
    /** Pain during a session above this is a sign to ease off. */
    static final int PAIN_LIMIT = 5;
    private static final String PLAN = "plan";

    static final Question PAIN_DURING = Question.scale("pain-during", "rating.q.pain-during", 0, 10, true);
    static final Question EFFORT = new Question("effort", "rating.q.effort", List.of(
            new Choice("easy", "rating.effort.easy"), new Choice("moderate", "rating.effort.moderate"),
            new Choice("hard", "rating.effort.hard")), true);
    static final Question FEELING = new Question("feeling", "rating.q.feeling", List.of(
            new Choice("good", "rating.feeling.good"), new Choice("okay", "rating.feeling.okay"),
            new Choice("not-good", "rating.feeling.not-good")), true);
    private static final List<Question> QUESTIONS = List.of(PAIN_DURING, EFFORT, FEELING);
    private static final DialogueDefinition DEFINITION = new DialogueDefinition(CODE, 1, QUESTIONS,
            DialogueDefinition.inOrder(QUESTIONS, answers -> "rated"), Duration.ofHours(18));

    private final DialogueEngine dialogues;
    private final Texts texts;

    public SessionRating(DialogueEngine dialogues, Texts texts) {
        this.dialogues = dialogues;
        this.texts = texts;
    }

    /** Asks about the session, in a new message below. */
    public void ask(DialogueContext context, DailyPlan plan) {
        dialogues.start(context.below(), CODE,
                PAIN_DURING.id(), new Answers(Map.of(PLAN, String.valueOf(plan.id))));
    }

    @Override
    public DialogueDefinition definition() {
        return DEFINITION;
    }

    @Override
    public void finish(DialogueContext context, String outcome, Answers answers) {
        DailyPlan plan = answers.get(PLAN).<DailyPlan>flatMap(id -> DailyPlan.findByIdOptional(Long.parseLong(id)))
                .orElseThrow();
        plan.painDuring = answers.get(PAIN_DURING.id()).map(Integer::valueOf).orElse(null);
        plan.effort = answers.get(EFFORT.id()).orElse(null);
        plan.feeling = answers.get(FEELING.id()).orElse(null);
        boolean tooMuch = plan.painDuring != null && plan.painDuring > PAIN_LIMIT;
        dialogues.show(context, texts.get(context.languageCode(), tooMuch ? "rating.thanks.pain" : "rating.thanks"));
    }
}
