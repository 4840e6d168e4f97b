package app.backcoach.chat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The answers given so far in a dialogue: question id → choice value (absent when skipped). */
public record Answers(Map<String, String> values) {

    public Answers {
        values = Map.copyOf(values);
    }

    public static Answers none() {
        return new Answers(Map.of());
    }

    public Optional<String> get(String questionId) {
        return Optional.ofNullable(values.get(questionId));
    }

    public boolean is(String questionId, String value) {
        return value.equals(values.get(questionId));
    }

    Answers with(String questionId, String value) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        if (value == null) {
            copy.remove(questionId);
        } else {
            copy.put(questionId, value);
        }
        return new Answers(copy);
    }
}
