package app.backcoach.day;

import java.time.LocalTime;

/** How to greet at a local clock time: morning from 04:00, afternoon from 12:00, evening from 18:00. */
enum Greeting {
    MORNING, AFTERNOON, EVENING;

    static final LocalTime MORNING_FROM = LocalTime.of(4, 0);
    static final LocalTime AFTERNOON_FROM = LocalTime.NOON;
    static final LocalTime EVENING_FROM = LocalTime.of(18, 0);

    static Greeting at(LocalTime time) {
        if (time.isBefore(MORNING_FROM) || !time.isBefore(EVENING_FROM)) {
            return EVENING;
        }
        return time.isBefore(AFTERNOON_FROM) ? MORNING : AFTERNOON;
    }

    /** Its text key. */
    String key() {
        return "greeting." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
