package app.backcoach.sender;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/** An inline keyboard: rows of buttons whose taps come back as callback data. */
public record Keyboard(List<List<Button>> rows) {

    public Keyboard {
        rows = List.copyOf(rows.stream().map(List::copyOf).toList());
        if (rows.isEmpty() || rows.stream().anyMatch(List::isEmpty)) {
            throw new IllegalArgumentException("A keyboard needs at least one button in every row");
        }
    }

    public static Keyboard of(List<List<Button>> rows) {
        return new Keyboard(rows);
    }

    public static Keyboard singleRow(Button... buttons) {
        return new Keyboard(List.of(List.of(buttons)));
    }

    /** A button; Telegram refuses callback data over 64 bytes, so that is checked here, where it is made. */
    public record Button(String label, String callbackData) {
        public static final int MAX_CALLBACK_DATA_BYTES = 64;

        public Button {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(callbackData, "callbackData");
            if (label.isBlank()) {
                throw new IllegalArgumentException("A button needs a label");
            }
            int bytes = callbackData.getBytes(StandardCharsets.UTF_8).length;
            if (bytes == 0 || bytes > MAX_CALLBACK_DATA_BYTES) {
                throw new IllegalArgumentException(
                        "Callback data must be 1-64 bytes, was " + bytes + " for button '" + label + "'");
            }
        }
    }
}
