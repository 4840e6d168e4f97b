package app.backcoach.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When the morning prompt is due: the person's check-in time on a local date, in their zone.
 * Pure, so daylight-saving changes are table-tested. In a spring-forward gap the prompt moves
 * later by the gap (07:30 that does not exist becomes 08:30); in an autumn overlap the first
 * 07:30 counts, so there is one prompt either way.
 */
public final class MorningTime {

    private MorningTime() {
    }

    /** A prompt: which local day it belongs to, and when it is due. */
    public record Prompt(LocalDate localDate, Instant dueAt) {
    }

    public static Instant at(LocalDate date, LocalTime time, ZoneId zone) {
        return ZonedDateTime.of(date, time, zone).toInstant();
    }

    /** The first prompt still ahead of {@code now}: today's if its time has not come, else tomorrow's. */
    public static Prompt first(LocalTime time, ZoneId zone, Instant now) {
        LocalDate date = now.atZone(zone).toLocalDate();
        while (!at(date, time, zone).isAfter(now)) {
            date = date.plusDays(1);
        }
        return new Prompt(date, at(date, time, zone));
    }

    /**
     * The prompt after the one for {@code sent}: the next local day, or later when the service was
     * down for days and even that one is past its late window.
     */
    public static Prompt after(LocalDate sent, LocalTime time, ZoneId zone, Instant now, Duration lateWindow) {
        LocalDate date = sent.plusDays(1);
        LocalDate today = now.atZone(zone).toLocalDate();
        if (date.isBefore(today.minusDays(1))) {
            date = today.minusDays(1);
        }
        while (tooLate(at(date, time, zone), now, lateWindow)) {
            date = date.plusDays(1);
        }
        return new Prompt(date, at(date, time, zone));
    }

    /** The next {@code day} at {@code time} in {@code zone} strictly after {@code now} (the weekly review). */
    public static Prompt nextWeekly(java.time.DayOfWeek day, LocalTime time, ZoneId zone, Instant now) {
        LocalDate date = now.atZone(zone).toLocalDate().with(java.time.temporal.TemporalAdjusters.nextOrSame(day));
        if (!at(date, time, zone).isAfter(now)) {
            date = date.plusWeeks(1);
        }
        return new Prompt(date, at(date, time, zone));
    }

    /** A prompt more than the late window overdue is skipped rather than sent at an odd hour. */
    public static boolean tooLate(Instant dueAt, Instant now, Duration lateWindow) {
        return now.isAfter(dueAt.plus(lateWindow));
    }
}
