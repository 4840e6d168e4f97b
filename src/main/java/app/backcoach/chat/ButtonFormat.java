package app.backcoach.chat;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The declared shape of a feature's button data: its prefix and its fields, joined by dots
 * ({@code plan:guide.412.3}). Buttons are made with {@link #data} and taps read with {@link #read}, so a
 * feature never parses its own data; anything that does not fit (an old or forged button) reads as empty.
 */
public record ButtonFormat(String prefix, List<Field> fields) {

    /** One field of the data: what it may hold. */
    public sealed interface Field {
        boolean holds(String value);

        default boolean optional() {
            return false;
        }
    }

    /** One of a fixed set of words. */
    public record Word(Set<String> words) implements Field {
        @Override
        public boolean holds(String value) {
            return words.contains(value);
        }
    }

    /** A row id: 1 to 18 digits. */
    public record Id() implements Field {
        @Override
        public boolean holds(String value) {
            return DIGITS.matcher(value).matches() && value.length() <= 18;
        }
    }

    /** A small count: 1 or 2 digits. */
    public record Count() implements Field {
        @Override
        public boolean holds(String value) {
            return DIGITS.matcher(value).matches() && value.length() <= 2;
        }
    }

    /** A code of lower-case letters, digits and dashes, at most {@code max} long. */
    public record Code(int max) implements Field {
        @Override
        public boolean holds(String value) {
            return CODE.matcher(value).matches() && value.length() <= max;
        }
    }

    /** A field that may be left off the end. */
    public record Trailing(Field field) implements Field {
        @Override
        public boolean holds(String value) {
            return field.holds(value);
        }

        @Override
        public boolean optional() {
            return true;
        }
    }

    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern CODE = Pattern.compile("[a-z0-9-]+");

    public ButtonFormat {
        fields = List.copyOf(fields);
        new CallbackData(prefix, "");
        for (int i = 0; i + 1 < fields.size(); i++) {
            if (fields.get(i).optional() && !fields.get(i + 1).optional()) {
                throw new IllegalArgumentException("Only the last fields of " + prefix + " may be optional");
            }
        }
    }

    public static ButtonFormat of(String prefix, Field... fields) {
        return new ButtonFormat(prefix, List.of(fields));
    }

    public static Field word(String... words) {
        return new Word(Set.of(words));
    }

    public static Field id() {
        return new Id();
    }

    public static Field count() {
        return new Count();
    }

    public static Field code(int max) {
        return new Code(max);
    }

    public static Field optional(Field field) {
        return new Trailing(field);
    }

    /** The data for a button; a value its field cannot hold is a programming error, refused here. */
    public CallbackData data(Object... values) {
        if (values.length > fields.size()) {
            throw new IllegalArgumentException("Too many values for " + prefix + ": " + Arrays.toString(values));
        }
        String[] parts = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            parts[i] = String.valueOf(values[i]);
        }
        String argument = String.join(".", parts);
        if (read(argument).isEmpty()) {
            throw new IllegalArgumentException("Values do not fit " + prefix + ": " + argument);
        }
        return new CallbackData(prefix, argument);
    }

    /** Reads a tap's argument; empty when it does not fit this format. */
    public Optional<Values> read(String argument) {
        String[] parts = argument.isEmpty() ? new String[0] : argument.split("\\.", -1);
        if (parts.length > fields.size()) {
            return Optional.empty();
        }
        for (int i = 0; i < fields.size(); i++) {
            Field field = fields.get(i);
            if (i >= parts.length ? !field.optional() : !field.holds(parts[i])) {
                return Optional.empty();
            }
        }
        return Optional.of(new Values(List.of(parts)));
    }

    /** The fields of one tap, by position. */
    public record Values(List<String> parts) {

        public String word(int index) {
            return parts.get(index);
        }

        public long id(int index) {
            return Long.parseLong(parts.get(index));
        }

        public int count(int index) {
            return Integer.parseInt(parts.get(index));
        }

        public Optional<String> optional(int index) {
            return index < parts.size() ? Optional.of(parts.get(index)) : Optional.empty();
        }
    }
}
