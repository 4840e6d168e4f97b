package app.backcoach.questionnaire;

import java.util.List;

/**
 * A questionnaire file cannot be used. The message lists every problem, one a line, each naming the
 * file and the field, so an operator fixes them all in one go.
 */
public class QuestionnaireException extends RuntimeException {

    private final List<String> problems;

    public QuestionnaireException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public QuestionnaireException(String problem, Throwable cause) {
        super(problem, cause);
        this.problems = List.of(problem);
    }

    public List<String> problems() {
        return problems;
    }
}
