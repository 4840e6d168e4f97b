package app.backcoach.chat;

import app.backcoach.sender.Keyboard;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Typed callback data: {@code prefix:argument}. The prefix names the {@link ButtonAction} that owns
 * the button; the argument is opaque to everyone else. Telegram allows 64 bytes, checked here.
 */
public record CallbackData(String prefix, String argument) {

    private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9-]{0,11}");

    public CallbackData {
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("Callback prefix must be 1-12 of a-z 0-9 -: " + prefix);
        }
        int bytes = (prefix + ":" + argument).getBytes(StandardCharsets.UTF_8).length;
        if (bytes > Keyboard.Button.MAX_CALLBACK_DATA_BYTES) {
            throw new IllegalArgumentException("Callback data over 64 bytes (" + bytes + ") for prefix " + prefix);
        }
    }

    public String encode() {
        return prefix + ":" + argument;
    }

    /** Reads data from a tap; anything not in our format (old or forged buttons) is empty. */
    public static Optional<CallbackData> parse(String data) {
        if (data == null) {
            return Optional.empty();
        }
        int colon = data.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new CallbackData(data.substring(0, colon), data.substring(colon + 1)));
        } catch (IllegalArgumentException forged) {
            return Optional.empty();
        }
    }

    public Keyboard.Button button(String label) {
        return new Keyboard.Button(label, encode());
    }
}
