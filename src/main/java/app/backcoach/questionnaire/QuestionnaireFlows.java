package app.backcoach.questionnaire;

import app.backcoach.chat.Answers;
import app.backcoach.chat.DialogueContext;
import app.backcoach.chat.DialogueDefinition;
import app.backcoach.chat.DialogueFlow;
import app.backcoach.chat.Question;
import app.backcoach.questionnaire.Questionnaire.Item;
import app.backcoach.questionnaire.Questionnaire.Option;
import app.backcoach.sender.Html;
import app.backcoach.text.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Every questionnaire as a declared dialogue, generated from its file: one step per item in file order, the
 * answer buttons from its scale, and one end, where the answers are scored and stored.
 *
 * <pre>{@code
 * stateDiagram-v2
 *   [*] --> item1: the weekly round (before the review)
 *   item1 --> item2: tap an answer
 *   item2 --> itemN: tap an answer
 *   itemN --> [*]: scored and stored; the next questionnaire due, or the weekly review
 * }</pre>
 */
@ApplicationScoped
public class QuestionnaireFlows implements DialogueFlow.GeneratedFlows {

    /** A round left unanswered closes before the next week's. */
    static final Duration OPEN_FOR = Duration.ofDays(3);

    private final List<DialogueFlow> flows;

    public QuestionnaireFlows(Questionnaires questionnaires, QuestionnaireService service) {
        this.flows = questionnaires.all().stream()
                .<DialogueFlow>map(questionnaire -> new QuestionnaireFlow(questionnaire, service)).toList();
    }

    @Override
    public List<DialogueFlow> flows() {
        return flows;
    }

    /** The language a data file has the text in: German for de, English for everything else. */
    static String language(String languageCode) {
        return languageCode != null && languageCode.toLowerCase(Locale.ROOT).startsWith("de") ? "de" : "en";
    }

    static DialogueDefinition definition(Questionnaire questionnaire) {
        List<Question> steps = questionnaire.items().stream()
                .map(item -> new Question(item.id(), "questionnaire.item", item.scale().options().stream()
                        .map(option -> new Question.Choice(option.value(), option.value())).toList(), false))
                .toList();
        return new DialogueDefinition(questionnaire.dialogueCode(), questionnaire.version(), steps,
                DialogueDefinition.inOrder(steps, answers -> "done"), OPEN_FOR);
    }

    /** One questionnaire's dialogue; its texts come from the file, its frame from the bundles. */
    static final class QuestionnaireFlow implements DialogueFlow {

        private final Questionnaire questionnaire;
        private final QuestionnaireService service;
        private final DialogueDefinition definition;

        QuestionnaireFlow(Questionnaire questionnaire, QuestionnaireService service) {
            this.questionnaire = questionnaire;
            this.service = service;
            this.definition = QuestionnaireFlows.definition(questionnaire);
        }

        @Override
        public DialogueDefinition definition() {
            return definition;
        }

        @Override
        public void finish(DialogueContext context, String outcome, Answers answers) {
            service.completed(context, questionnaire, answers);
        }

        @Override
        public String prompt(DialogueContext context, Question question, Texts texts) {
            String language = language(context.languageCode());
            Item item = questionnaire.item(question.id()).orElseThrow();
            int number = questionnaire.items().indexOf(item) + 1;
            StringBuilder html = new StringBuilder(texts.get(language, "questionnaire.heading",
                    "title", questionnaire.title().get(language), "number", number,
                    "count", questionnaire.items().size()));
            if (number == 1) {
                html.append("\n").append(texts.get(language, "questionnaire.intro",
                        "intro", questionnaire.intro().get(language)));
            }
            html.append("\n\n").append(Html.escape(item.text().get(language)));
            List<String> anchors = item.scale().options().stream()
                    .filter(option -> item.scale().anchors().containsKey(option.value()))
                    .map(option -> texts.get(language, "questionnaire.anchor", "answer", shown(option, language, texts),
                            "meaning", item.scale().anchors().get(option.value()).get(language)))
                    .toList();
            if (!anchors.isEmpty()) {
                html.append("\n").append(String.join(" · ", anchors));
            }
            return html.toString();
        }

        @Override
        public String label(DialogueContext context, Question question, Question.Choice choice, Texts texts) {
            Item item = questionnaire.item(question.id()).orElseThrow();
            return shown(item.scale().option(choice.value()).orElseThrow(), language(context.languageCode()), texts);
        }

        private static String shown(Option option, String language, Texts texts) {
            if (option.label() != null) {
                return option.label().get(language);
            }
            return switch (option.value()) {
                case "yes", "no" -> texts.get(language, "choice." + option.value());
                default -> option.value();
            };
        }
    }
}
