package app.backcoach.schedule;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * When the next transition ritual is due: every N minutes into the work block on work days,
 * never in quiet hours, never more than the daily maximum, never while paused. Pure.
 *
 * @param workDays mon-fri, mon-sat, every-day or irregular (irregular: every day)
 * @param workStart null when hours are irregular (then no reminders: we cannot know the work blocks)
 * @param every minutes between reminders
 */
public record ReminderSlots(String workDays, LocalTime workStart, LocalTime workEnd, int every,
                            LocalTime quietStart, LocalTime quietEnd, ZoneId zone, int dailyMax) {

    /** How far ahead to look before deciding there is no slot (a long pause, say). */
    private static final int HORIZON_DAYS = 400;

    /** The first slot strictly after {@code after} and not before {@code pausedUntil} (null when not paused). */
    public Optional<Instant> next(Instant after, Instant pausedUntil) {
        if (workStart == null || workEnd == null || every <= 0 || !workEnd.isAfter(workStart)) {
            return Optional.empty();
        }
        Instant from = pausedUntil != null && pausedUntil.isAfter(after) ? pausedUntil.minusNanos(1) : after;
        LocalDate date = from.atZone(zone).toLocalDate();
        for (int day = 0; day < HORIZON_DAYS; day++, date = date.plusDays(1)) {
            if (!isWorkDay(date.getDayOfWeek())) {
                continue;
            }
            int index = 0;
            for (LocalTime slot = workStart.plusMinutes(every); slot.isBefore(workEnd) && index < dailyMax;
                 slot = slot.plusMinutes(every)) {
                if (slot.isBefore(workStart)) {
                    break; // wrapped past midnight
                }
                if (quiet(slot)) {
                    continue;
                }
                index++;
                Instant at = ZonedDateTime.of(LocalDateTime.of(date, slot), zone).toInstant();
                if (at.isAfter(from)) {
                    return Optional.of(at);
                }
            }
        }
        return Optional.empty();
    }

    boolean isWorkDay(DayOfWeek day) {
        return switch (workDays) {
            case "mon-fri" -> day.getValue() <= 5;
            case "mon-sat" -> day.getValue() <= 6;
            default -> true;
        };
    }

    /** Quiet hours may cross midnight (22-7) or not (13-14). */
    boolean quiet(LocalTime time) {
        return quietStart.isBefore(quietEnd)
                ? !time.isBefore(quietStart) && time.isBefore(quietEnd)
                : !time.isBefore(quietStart) || time.isBefore(quietEnd);
    }

    /** The minimum spacing operators allow, applied to whatever the profile says. */
    public ReminderSlots atLeast(Duration minimum) {
        if (every <= 0) {
            return this; // reminders off stay off
        }
        int minutes = (int) Math.max(every, minimum.toMinutes());
        return new ReminderSlots(workDays, workStart, workEnd, minutes, quietStart, quietEnd, zone, dailyMax);
    }
}
