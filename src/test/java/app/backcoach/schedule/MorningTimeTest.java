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
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The morning prompt's moment across both 2026 daylight-saving changes, in Berlin and New York. */
class MorningTimeTest {

    private static final LocalTime SEVEN = LocalTime.of(7, 0);
    private static final Duration WINDOW = Duration.ofHours(3);

    static Stream<Arguments> transitions() {
        return Stream.of(
                Arguments.of("Europe/Berlin", LocalDate.of(2026, 3, 29), Duration.ofHours(23)),
                Arguments.of("Europe/Berlin", LocalDate.of(2026, 10, 25), Duration.ofHours(25)),
                Arguments.of("America/New_York", LocalDate.of(2026, 3, 8), Duration.ofHours(23)),
                Arguments.of("America/New_York", LocalDate.of(2026, 11, 1), Duration.ofHours(25)));
    }

    @ParameterizedTest(name = "{0} around {1}")
    @MethodSource("transitions")
    void oncePerLocalDayAtSevenAcrossTheChange(String zoneId, LocalDate change, Duration acrossTheChange) {
        ZoneId zone = ZoneId.of(zoneId);
        Instant now = ZonedDateTime.of(change.minusDays(2), LocalTime.NOON, zone).toInstant();
        MorningTime.Prompt prompt = MorningTime.first(SEVEN, zone, now);
        List<MorningTime.Prompt> prompts = new ArrayList<>();
        for (int day = 0; day < 4; day++) {
            prompts.add(prompt);
            prompt = MorningTime.after(prompt.localDate(), SEVEN, zone, prompt.dueAt(), WINDOW);
        }

        assertThat(prompts).extracting(MorningTime.Prompt::localDate)
                .containsExactly(change.minusDays(1), change, change.plusDays(1), change.plusDays(2));
        assertThat(prompts).allSatisfy(p -> assertThat(p.dueAt().atZone(zone).toLocalTime()).isEqualTo(SEVEN));
        // The clocks change in the night before the change day's prompt.
        assertThat(Duration.between(prompts.get(0).dueAt(), prompts.get(1).dueAt())).isEqualTo(acrossTheChange);
        assertThat(Duration.between(prompts.get(1).dueAt(), prompts.get(2).dueAt())).isEqualTo(Duration.ofHours(24));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transitions")
    void aTimeInsideTheChangeStillGivesOnePrompt(String zoneId, LocalDate change, Duration ignored) {
        ZoneId zone = ZoneId.of(zoneId);
        LocalTime inTheChange = LocalTime.of(zoneId.equals("Europe/Berlin") ? 2 : 1, 30);
        Instant due = MorningTime.at(change, inTheChange, zone);

        Instant dayBefore = MorningTime.at(change.minusDays(1), inTheChange, zone);
        Instant dayAfter = MorningTime.at(change.plusDays(1), inTheChange, zone);
        assertThat(due).isAfter(dayBefore).isBefore(dayAfter);
        assertThat(MorningTime.after(change.minusDays(1), inTheChange, zone, dayBefore, WINDOW).dueAt()).isEqualTo(due);
    }

    @org.junit.jupiter.api.Test
    void theSpringGapMovesThePromptLaterByTheGap() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        Instant due = MorningTime.at(LocalDate.of(2026, 3, 29), LocalTime.of(2, 30), berlin);
        assertThat(due.atZone(berlin).toLocalTime()).isEqualTo(LocalTime.of(3, 30));
    }

    @org.junit.jupiter.api.Test
    void theAutumnOverlapTakesTheFirstOfTheTwoTimes() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        Instant due = MorningTime.at(LocalDate.of(2026, 10, 25), LocalTime.of(2, 30), berlin);
        assertThat(due).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
    }

    static Stream<Arguments> weekly() {
        return Stream.of(
                Arguments.of("2026-11-25T12:00:00Z", "2026-11-29T17:00:00Z"), // Wednesday → Sunday 18:00 CET
                Arguments.of("2026-11-29T16:59:00Z", "2026-11-29T17:00:00Z"), // Sunday, before
                Arguments.of("2026-11-29T17:00:00Z", "2026-12-06T17:00:00Z"), // Sunday, on the minute: next week
                Arguments.of("2026-10-21T12:00:00Z", "2026-10-25T17:00:00Z"), // the day the clocks go back
                Arguments.of("2026-03-25T12:00:00Z", "2026-03-29T16:00:00Z")); // the day they go forward (CEST)
    }

    @ParameterizedTest(name = "now {0} → {1}")
    @MethodSource("weekly")
    void theWeeklyReviewComesOnSundayAtSixLocal(String now, String expected) {
        MorningTime.Prompt next = MorningTime.nextWeekly(java.time.DayOfWeek.SUNDAY, LocalTime.of(18, 0),
                ZoneId.of("Europe/Berlin"), Instant.parse(now));
        assertThat(next.dueAt()).isEqualTo(Instant.parse(expected));
    }

    static Stream<Arguments> lateness() {
        Instant due = Instant.parse("2026-11-25T06:00:00Z");
        return Stream.of(
                Arguments.of(due, due, false),
                Arguments.of(due, due.plus(Duration.ofHours(3)), false),
                Arguments.of(due, due.plus(Duration.ofHours(3)).plusSeconds(1), true));
    }

    @ParameterizedTest(name = "due {0}, now {1} → too late: {2}")
    @MethodSource("lateness")
    void aMissedPromptIsSentOnlyWithinTheLateWindow(Instant due, Instant now, boolean tooLate) {
        assertThat(MorningTime.tooLate(due, now, WINDOW)).isEqualTo(tooLate);
    }

    @org.junit.jupiter.api.Test
    void afterDaysDownTheNextPromptIsTheNextOneStillInTime() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        Instant now = ZonedDateTime.of(LocalDate.of(2026, 11, 25), LocalTime.of(9, 0), berlin).toInstant();

        MorningTime.Prompt next = MorningTime.after(LocalDate.of(2026, 11, 20), SEVEN, berlin, now, WINDOW);

        assertThat(next.localDate()).isEqualTo(LocalDate.of(2026, 11, 25)); // 07:00 today is 2 h late: still sent
        MorningTime.Prompt later = MorningTime.after(LocalDate.of(2026, 11, 20), SEVEN, berlin,
                now.plus(Duration.ofHours(2)), WINDOW);
        assertThat(later.localDate()).isEqualTo(LocalDate.of(2026, 11, 26));
    }
}
