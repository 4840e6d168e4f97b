package app.backcoach.chat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.function.Function;

/**
 * A dialogue as a declared table: its questions in order, where each answer leads, and the end it
 * reaches. Steps are named by question id (stable, never counters); {@link #next} is the table.
 *
 * @param code short stable name, stored and put in callback data
 * @param version bumped when questions change meaning; dialogues stored under another version restart
 * @param steps the questions ("back" retraces the path actually taken, which the engine stores)
 * @param routes for each step, where an answer leads: the next question's id, or an end
 * @param timeout how long an unanswered dialogue stays open
 */
public record DialogueDefinition(String code, int version, List<Question> steps, Routes routes, Duration timeout) {

    /** Where an answer leads: another step (by question id) or an end with its name. */
    public sealed interface Next {
        record Step(String questionId) implements Next {
        }

        record End(String outcome) implements Next {
        }
    }

    /** The transition table: (question, answers so far) → next. Skips arrive as an absent answer. */
    @FunctionalInterface
    public interface Routes {
        Next next(Question answered, Answers answers);
    }

    /** Routes written as a table, one row per question; a step without a row is refused when declared. */
    public record Table(Map<String, Function<Answers, Next>> rows) implements Routes {

        public Table {
            rows = Map.copyOf(rows);
        }

        @Override
        public Next next(Question answered, Answers answers) {
            Function<Answers, Next> row = rows.get(answered.id());
            if (row == null) {
                throw new IllegalStateException("No route from " + answered.id());
            }
            return row.apply(answers);
        }
    }

    /** One row of a {@link Table}: where an answer to this question leads. */
    public static Map.Entry<Question, Function<Answers, Next>> from(Question question, Function<Answers, Next> to) {
        return Map.entry(question, to);
    }

    @SafeVarargs
    public static Table table(Map.Entry<Question, Function<Answers, Next>>... rows) {
        return new Table(java.util.Arrays.stream(rows).collect(Collectors.toMap(row -> row.getKey().id(),
                Map.Entry::getValue)));
    }

    public DialogueDefinition {
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("Dialogue " + code + " has no steps");
        }
        if (routes instanceof Table table) {
            List<String> unrouted = steps.stream().map(Question::id).filter(id -> !table.rows().containsKey(id)).toList();
            if (!unrouted.isEmpty()) {
                throw new IllegalArgumentException("Dialogue " + code + " has no route from " + unrouted);
            }
        }
    }

    public Question first() {
        return steps.get(0);
    }

    public Optional<Question> step(String questionId) {
        return steps.stream().filter(q -> q.id().equals(questionId)).findFirst();
    }

    public Next next(Question answered, Answers answers) {
        return routes.next(answered, answers);
    }

    /** The common shape: every step leads to the following one, the last to {@code end(answers)}. */
    public static Routes inOrder(List<Question> steps, Function<Answers, String> end) {
        return (answered, answers) -> {
            int index = steps.indexOf(answered);
            return index + 1 < steps.size()
                    ? new Next.Step(steps.get(index + 1).id())
                    : new Next.End(end.apply(answers));
        };
    }
}
