package app.backcoach.profile;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads "/pause 3d", "1w", "12h", "2 days", "1 Woche" into a duration; at most 12 weeks. */
public final class PauseLength {

    static final Duration MAX = Duration.ofDays(84);
    private static final Pattern AMOUNT = Pattern.compile(
            "(\\d{1,3})\\s*(h|hours?|stunden?|d|days?|tag|tage|w|weeks?|wochen?)");

    private PauseLength() {
    }

    public static Optional<Duration> read(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = AMOUNT.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            return Optional.empty();
        }
        int amount = Integer.parseInt(matcher.group(1));
        char unit = matcher.group(2).charAt(0);
        Duration length = switch (unit) {
            case 'h', 's' -> Duration.ofHours(amount);
            case 'd', 't' -> Duration.ofDays(amount);
            default -> Duration.ofDays(7L * amount);
        };
        return length.isZero() || length.compareTo(MAX) > 0 ? Optional.empty() : Optional.of(length);
    }
}
