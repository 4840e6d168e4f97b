package app.backcoach.chat;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One question asked by tapping. Ids and values are stable: they are stored with the answers and
 * travel in callback data, so renaming one closes the questions already on people's screens.
 */
public record Question(String id, String promptKey, List<Choice> choices, boolean skippable, TypedAnswer typed,
                       LocatedAnswer located) {

    /** Reads a typed answer (a time, a time zone …) into the value to store; empty when it cannot. */
    @FunctionalInterface
    public interface TypedAnswer {
        Optional<String> read(String text);
    }

    /** Reads a shared location into the value to store (a time zone, say); empty when it cannot. */
    @FunctionalInterface
    public interface LocatedAnswer {
        Optional<String> read(double latitude, double longitude);
    }

    /** A question answered only by tapping. */
    public Question(String id, String promptKey, List<Choice> choices, boolean skippable) {
        this(id, promptKey, choices, skippable, null, null);
    }

    /** A question answered by tapping or typing. */
    public Question(String id, String promptKey, List<Choice> choices, boolean skippable, TypedAnswer typed) {
        this(id, promptKey, choices, skippable, typed, null);
    }

    /** A numeric scale (pain 0-10, confidence 1-5): values and labels are the digits, in every language. */
    public static Question scale(String id, String promptKey, int from, int to, boolean skippable) {
        return new Question(id, promptKey, java.util.stream.IntStream.rangeClosed(from, to)
                .mapToObj(n -> new Choice(String.valueOf(n), "scale." + n)).toList(), skippable);
    }

    public boolean acceptsTyping() {
        return typed != null;
    }

    public boolean acceptsLocation() {
        return located != null;
    }

    private static final Pattern ID = Pattern.compile("[a-z0-9-]{1,16}");

    public Question {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("Question id must be 1-16 of a-z 0-9 -: " + id);
        }
        choices = List.copyOf(choices);
        if (choices.isEmpty()) {
            throw new IllegalArgumentException("Question " + id + " needs choices");
        }
        choices.forEach(choice -> {
            if (!ID.matcher(choice.value()).matches()) {
                throw new IllegalArgumentException("Choice value must be 1-16 of a-z 0-9 -: " + choice.value());
            }
        });
    }

    public boolean allows(String value) {
        return choices.stream().anyMatch(choice -> choice.value().equals(value));
    }

    /** An answer option: the stored value and the text key of its button label. */
    public record Choice(String value, String labelKey) {
    }
}
