package app.backcoach.profile;

import app.backcoach.chat.Answers;
import app.backcoach.chat.Question;
import app.backcoach.chat.Question.Choice;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The profile questions as data, each skippable with a sensible default, and how their answers
 * become a profile. Used by set-up (all in a row) and by /settings (one at a time).
 */
public final class ProfileQuestions {

    /** Time-zone buttons: value → IANA zone. Anything else can be typed. */
    static final Map<String, String> ZONES = zones();
    private static final Pattern CLOCK = Pattern.compile("(\\d{1,2})(?:[:.h]?(\\d{2}))?");
    private static final Pattern OFFSET = Pattern.compile("(?:utc|gmt)?\\s*([+-])\\s*(\\d{1,2})(?::?(\\d{2}))?");

    static final Question TIME_ZONE = new Question("timezone", "profile.q.timezone",
            ZONES.keySet().stream().map(value -> new Choice(value, "profile.tz." + value)).toList(), true,
            ProfileQuestions::readZone, TimeZoneAtLocation::find);
    static final Question CHECKIN = new Question("checkin", "profile.q.checkin",
            choices("checkin", "0630", "0700", "0730", "0800", "0830", "0900"), true, ProfileQuestions::readClock);
    static final Question WORK_DAYS = options("workdays", "mon-fri", "mon-sat", "every-day", "irregular");
    static final Question WORK_HOURS = options("workhours", "8-16", "9-17", "10-18", "irregular");
    static final Question REMINDERS = options("reminders", "60", "90", "120", "off");
    static final Question QUIET = options("quiet", "21-7", "22-7", "23-8");
    static final Question PHASE = options("phase", "recovering", "building", "performing", "heavy-work");
    static final Question EQUIPMENT = options("equipment", "none", "mat", "band", "chair");
    static final Question LENGTH = options("length", "5", "10", "20");

    /** Questions whose set-up text says what skipping them means (a default one might not guess). */
    static final List<Question> SKIP_NOTED = List.of(TIME_ZONE, CHECKIN);

    public static final List<Question> ALL = List.of(TIME_ZONE, CHECKIN, WORK_DAYS, WORK_HOURS, REMINDERS, QUIET, PHASE,
            EQUIPMENT, LENGTH);
    /** Asked only in /settings: set-up stays short, and the default suits most. */
    static final Question REVIEW = options("review", "sun-1800", "sun-0900", "sat-1000", "mon-0800", "fri-1700", "off");
    public static final List<Question> SETTINGS_ONLY = List.of(REVIEW);

    /** What a skipped question means. Conservative: a new back starts as recovering. */
    static final Map<String, String> DEFAULTS = Map.of("timezone", "UTC", "checkin", "0730", "workdays", "mon-fri",
            "workhours", "9-17", "reminders", "90", "quiet", "22-7", "phase", "recovering", "equipment", "none",
            "length", "10", "review", "sun-1800");

    private ProfileQuestions() {
    }

    /**
     * Writes the answers into the profile. A skipped question takes its default in set-up
     * ({@code fillDefaults}) and keeps the current value in /settings.
     */
    public static void apply(UserProfile profile, Answers answers, boolean fillDefaults) {
        for (Question question : java.util.stream.Stream.concat(ALL.stream(), SETTINGS_ONLY.stream()).toList()) {
            Optional<String> answer = answers.get(question.id());
            if (answer.isEmpty() && !fillDefaults) {
                continue;
            }
            String value = answer.orElse(DEFAULTS.get(question.id()));
            switch (question.id()) {
                case "timezone" -> profile.timeZone = ZONES.getOrDefault(value, value);
                case "checkin" -> profile.checkinTime = clock(value);
                case "workdays" -> profile.workDays = value;
                case "workhours" -> {
                    boolean irregular = value.equals("irregular");
                    profile.workStart = irregular ? null : LocalTime.of(Integer.parseInt(value.split("-")[0]), 0);
                    profile.workEnd = irregular ? null : LocalTime.of(Integer.parseInt(value.split("-")[1]), 0);
                }
                case "reminders" -> profile.reminderMinutes = value.equals("off") ? 0 : Integer.parseInt(value);
                case "quiet" -> {
                    profile.quietStart = LocalTime.of(Integer.parseInt(value.split("-")[0]), 0);
                    profile.quietEnd = LocalTime.of(Integer.parseInt(value.split("-")[1]), 0);
                }
                case "phase" -> profile.phase = value;
                case "equipment" -> profile.equipment = value;
                case "length" -> profile.sessionMinutes = Integer.parseInt(value);
                case "review" -> {
                    boolean off = value.equals("off");
                    profile.reviewDay = off ? null : value.substring(0, 3);
                    profile.reviewTime = off ? null : clock(value.substring(4));
                }
                default -> throw new IllegalStateException("Unmapped profile question " + question.id());
            }
        }
    }

    /** "Europe/Vienna", "vienna", "Wien", "München", "Österreich", "New York", "UTC+2", "+05:30" → a zone id. */
    static Optional<String> readZone(String text) {
        String typed = text.trim();
        try {
            return Optional.of(ZoneId.of(typed).getId());
        } catch (DateTimeException notAnId) {
            // try the friendlier forms below
        }
        Matcher offset = OFFSET.matcher(typed.toLowerCase(Locale.ROOT));
        if (offset.matches()) {
            int hours = Integer.parseInt(offset.group(2));
            int minutes = offset.group(3) == null ? 0 : Integer.parseInt(offset.group(3));
            int sign = offset.group(1).equals("-") ? -1 : 1;
            try {
                return Optional.of(ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes).getId());
            } catch (DateTimeException outOfRange) {
                return Optional.empty();
            }
        }
        Optional<String> named = ZoneNames.find(typed);
        if (named.isPresent()) {
            return named;
        }
        String city = typed.replace(' ', '_').toLowerCase(Locale.ROOT);
        return ZoneId.getAvailableZoneIds().stream()
                .filter(id -> id.toLowerCase(Locale.ROOT).endsWith("/" + city))
                .sorted()
                .findFirst();
    }

    /** "7:15", "07.15", "715", "7" → "0715". */
    static Optional<String> readClock(String text) {
        Matcher clock = CLOCK.matcher(text.trim());
        if (!clock.matches()) {
            return Optional.empty();
        }
        int hour = Integer.parseInt(clock.group(1));
        int minute = clock.group(2) == null ? 0 : Integer.parseInt(clock.group(2));
        if (hour < 0 || hour > 23 || minute > 59) {
            return Optional.empty();
        }
        return Optional.of(String.format("%02d%02d", hour, minute));
    }

    static LocalTime clock(String value) {
        return LocalTime.of(Integer.parseInt(value.substring(0, 2)), Integer.parseInt(value.substring(2)));
    }

    private static Question options(String id, String... values) {
        return new Question(id, "profile.q." + id, choices(id, values), true);
    }

    private static List<Choice> choices(String id, String... values) {
        return Arrays.stream(values).map(value -> new Choice(value, "profile." + id + "." + value)).toList();
    }

    private static Map<String, String> zones() {
        Map<String, String> zones = new LinkedHashMap<>();
        zones.put("london", "Europe/London");
        zones.put("berlin", "Europe/Berlin");
        zones.put("helsinki", "Europe/Helsinki");
        zones.put("new-york", "America/New_York");
        zones.put("chicago", "America/Chicago");
        zones.put("los-angeles", "America/Los_Angeles");
        zones.put("tokyo", "Asia/Tokyo");
        zones.put("sydney", "Australia/Sydney");
        return zones;
    }
}
