package app.backcoach.share;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The days a report covers, both ends included, in the person's local dates.
 *
 * @param language the report's language, for dates written in it
 * @param zone the person's time zone, for moments stored in UTC
 */
public record ReportPeriod(LocalDate from, LocalDate to, String language, ZoneId zone) {

    /** Four weeks: enough for a trend, short enough to read in a consultation. */
    public static final int DAYS = 28;

    public ReportPeriod {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("A period ends after it starts: " + from + " – " + to);
        }
    }

    /** The {@link #DAYS} days up to and including {@code today}. */
    public static ReportPeriod endingOn(LocalDate today, String language, ZoneId zone) {
        return new ReportPeriod(today.minusDays(DAYS - 1), today, language, zone);
    }

    /** The person's local date of a stored moment. */
    public LocalDate localDate(Instant at) {
        return at.atZone(zone).toLocalDate();
    }

    /** Whether a stored moment falls on one of the period's days. */
    public boolean contains(Instant at) {
        return contains(localDate(at));
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(to);
    }

    /** The day after the last one, for the stores' "from, up to but not including" queries. */
    public LocalDate end() {
        return to.plusDays(1);
    }

    public int days() {
        return (int) ChronoUnit.DAYS.between(from, to) + 1;
    }

    public boolean german() {
        return language != null && language.toLowerCase(Locale.ROOT).startsWith("de");
    }

    /** A day as people write it: "Mon 9 Nov" / "Mo 9.11.". */
    public String day(LocalDate date) {
        return german() ? date.format(DateTimeFormatter.ofPattern("EE d.M.", Locale.GERMAN))
                : date.format(DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH));
    }

    /** A date with its year: "9 Nov 2026" / "9.11.2026". */
    public String date(LocalDate date) {
        return german() ? date.format(DateTimeFormatter.ofPattern("d.M.yyyy", Locale.GERMAN))
                : date.format(DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH));
    }

    /** A number with one decimal, written the language's way (3.5 / 3,5). */
    public String decimal(double value) {
        return String.format(german() ? Locale.GERMAN : Locale.ENGLISH, "%.1f", value);
    }
}
