package app.backcoach.coaching;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * This morning's next-day signals, as answered in the check-in. Any of them may be missing
 * (skipped, or no session yesterday); the rules then decide without it.
 *
 * @param pain 0-10 now, or null
 * @param yesterday how yesterday's session feels this morning, or null when there was none
 */
public record Signals(Integer pain, Stiffness stiffness, Integer confidence, Sleep sleep, NextDay yesterday,
                      DayType dayType) {

    /** Stiffness on waking, by how long it lasts. */
    public enum Stiffness implements Coded {
        NONE("none"), UNDER_15("lt15"), FROM_15_TO_60("15-60"), OVER_60("gt60");

        private final String code;

        Stiffness(String code) {
            this.code = code;
        }

        @Override
        public String code() {
            return code;
        }
    }

    public enum Sleep implements Coded {
        POOR("poor"), FAIR("fair"), GOOD("good");

        private final String code;

        Sleep(String code) {
            this.code = code;
        }

        @Override
        public String code() {
            return code;
        }
    }

    /** The next-day signal: how yesterday's session feels this morning. */
    public enum NextDay implements Coded {
        WORKED_FINE("fine"), NO_DIFFERENT("same"), SORE("sore"), FLARED("flared");

        private final String code;

        NextDay(String code) {
            this.code = code;
        }

        @Override
        public String code() {
            return code;
        }
    }

    public enum DayType implements Coded {
        DESK("desk"), TRAVEL("travel"), TRAINING("training"), PHYSICAL("physical"), REST("rest");

        private final String code;

        DayType(String code) {
            this.code = code;
        }

        @Override
        public String code() {
            return code;
        }
    }

    /** An answer's stored value: stable, short, and what travels in callback data. */
    public interface Coded {
        String code();

        static <E extends Enum<E> & Coded> Optional<E> parse(Class<E> type, String code) {
            return code == null ? Optional.empty() : Arrays.stream(type.getEnumConstants())
                    .filter(value -> value.code().equals(code.toLowerCase(Locale.ROOT))).findFirst();
        }
    }
}
