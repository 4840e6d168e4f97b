package app.backcoach.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reminder slots: inside work hours on work days, every N minutes, never in quiet hours, paused or past the daily maximum. */
class ReminderSlotsTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** A Wednesday. */
    private static final LocalDate WEDNESDAY = LocalDate.of(2026, 11, 25);

    private static ReminderSlots slots(String days, int every, int quietStart, int quietEnd, int max) {
        return new ReminderSlots(days, LocalTime.of(9, 0), LocalTime.of(17, 0), every, LocalTime.of(quietStart, 0),
                LocalTime.of(quietEnd, 0), BERLIN, max);
    }

    private static List<LocalTime> day(ReminderSlots slots, LocalDate date) {
        List<LocalTime> times = new ArrayList<>();
        Instant after = ZonedDateTime.of(date, LocalTime.MIDNIGHT, BERLIN).toInstant();
        Instant end = after.plus(Duration.ofDays(1));
        for (Optional<Instant> next = slots.next(after, null); next.isPresent() && next.get().isBefore(end);
             next = slots.next(next.get(), null)) {
            times.add(next.get().atZone(BERLIN).toLocalTime());
        }
        return times;
    }

    @Test
    void everyNinetyMinutesIntoTheWorkBlock() {
        assertThat(day(slots("mon-fri", 90, 22, 7, 6), WEDNESDAY)).containsExactly(
                LocalTime.of(10, 30), LocalTime.of(12, 0), LocalTime.of(13, 30), LocalTime.of(15, 0),
                LocalTime.of(16, 30));
    }

    @Test
    void theDailyMaximumHolds() {
        assertThat(day(slots("mon-fri", 60, 22, 7, 3), WEDNESDAY)).hasSize(3);
    }

    @Test
    void daysOffHaveNone() {
        assertThat(day(slots("mon-fri", 90, 22, 7, 6), WEDNESDAY.plusDays(3))).isEmpty(); // Saturday
        assertThat(day(slots("mon-sat", 90, 22, 7, 6), WEDNESDAY.plusDays(3))).isNotEmpty();
        assertThat(day(slots("mon-sat", 90, 22, 7, 6), WEDNESDAY.plusDays(4))).isEmpty(); // Sunday
    }

    @Test
    void quietHoursWin() {
        assertThat(day(slots("mon-fri", 60, 12, 14, 8), WEDNESDAY))
                .doesNotContain(LocalTime.of(12, 0), LocalTime.of(13, 0)).contains(LocalTime.of(14, 0));
    }

    @Test
    void aPauseSkipsToTheFirstSlotAfterIt() {
        ReminderSlots slots = slots("mon-fri", 90, 22, 7, 6);
        Instant morning = ZonedDateTime.of(WEDNESDAY, LocalTime.of(8, 0), BERLIN).toInstant();
        Instant pausedUntil = ZonedDateTime.of(WEDNESDAY.plusDays(2), LocalTime.of(14, 0), BERLIN).toInstant();

        Instant next = slots.next(morning, pausedUntil).orElseThrow();

        assertThat(next.atZone(BERLIN).toLocalDateTime()).isEqualTo(WEDNESDAY.plusDays(2).atTime(15, 0));
    }

    @Test
    void irregularHoursOrRemindersOffMeanNone() {
        ReminderSlots irregular = new ReminderSlots("mon-fri", null, null, 90, LocalTime.of(22, 0),
                LocalTime.of(7, 0), BERLIN, 6);
        assertThat(irregular.next(Instant.parse("2026-11-25T06:00:00Z"), null)).isEmpty();
        assertThat(slots("mon-fri", 0, 22, 7, 6).atLeast(Duration.ofMinutes(30))
                .next(Instant.parse("2026-11-25T06:00:00Z"), null)).isEmpty();
    }

    @Test
    void theOperatorsMinimumSpacingApplies() {
        assertThat(day(slots("mon-fri", 10, 22, 7, 100).atLeast(Duration.ofMinutes(60)), WEDNESDAY))
                .startsWith(LocalTime.of(10, 0), LocalTime.of(11, 0));
    }

    @Test
    void remindersKeepLocalTimesAcrossTheAutumnChange() {
        LocalDate monday = LocalDate.of(2026, 10, 26); // the day after Berlin's change
        assertThat(day(slots("mon-fri", 90, 22, 7, 6), monday)).first().isEqualTo(LocalTime.of(10, 30));
    }
}
