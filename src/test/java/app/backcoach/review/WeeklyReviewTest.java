package app.backcoach.review;

import static org.assertj.core.api.Assertions.assertThat;

import app.backcoach.review.WeeklyReview.Day;
import app.backcoach.review.WeeklyReview.Direction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The week in numbers: counts, averages against last week and the first, and what counts as meaningful. */
class WeeklyReviewTest {

    private static final LocalDate START = LocalDate.of(2026, 11, 2);

    /** Weeks of check-ins with the given daily pain, every day with a done session. */
    private static List<Day> weeks(int... painPerWeek) {
        List<Day> days = new ArrayList<>();
        for (int week = 0; week < painPerWeek.length; week++) {
            for (int day = 0; day < 7; day++) {
                days.add(new Day(START.plusDays(week * 7L + day), painPerWeek[week], "lt15", 3, "fair", "fine",
                        "DONE", "desk"));
            }
        }
        return days;
    }

    private static LocalDate endOfWeek(int week) {
        return START.plusDays(week * 7L + 6);
    }

    static Stream<Arguments> painChanges() {
        return Stream.of(
                Arguments.of("5 → 3: two points down", weeks(5, 4, 3), Direction.BETTER, -2.0, true),
                Arguments.of("5 → 4: one point, 20%", weeks(5, 5, 4), Direction.BETTER, -1.0, false),
                Arguments.of("3 → 2: 33%, but one point is not enough", weeks(3, 3, 2), Direction.BETTER, -1.0, false),
                Arguments.of("1 → 0: all of it, but one point", weeks(1, 1, 0), Direction.BETTER, -1.0, false),
                Arguments.of("4 → 4: steady", weeks(4, 4, 4), Direction.SAME, 0.0, false),
                Arguments.of("2 → 4: two points up", weeks(2, 3, 4), Direction.WORSE, 2.0, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("painChanges")
    void painAgainstLastWeekAndTheFirst(String name, List<Day> history, Direction direction, double change,
                                        boolean meaningful) {
        WeeklyReview.Summary summary = WeeklyReview.of(history, endOfWeek(2));

        assertThat(summary.pain()).isEqualTo(direction);
        assertThat(summary.painChangeFromStart()).hasValue(change);
        assertThat(summary.meaningful()).isEqualTo(meaningful);
    }

    @Test
    void theFirstWeekHasNothingToCompareWith() {
        WeeklyReview.Summary summary = WeeklyReview.of(weeks(4), endOfWeek(0));

        assertThat(summary.pain()).isEqualTo(Direction.UNKNOWN);
        assertThat(summary.painChangeFromStart()).isEmpty();
        assertThat(summary.meaningful()).isFalse();
    }

    @Test
    void sessionsAndNextDaySignalsAreCounted() {
        List<Day> week = List.of(
                new Day(START, 3, "none", 4, "good", null, "DONE", "desk"),
                new Day(START.plusDays(1), 3, "lt15", 4, "good", "fine", "PARTIAL", "desk"),
                new Day(START.plusDays(2), 4, "15-60", 3, "poor", "sore", "SKIPPED", "desk"),
                new Day(START.plusDays(3), null, null, null, null, null, null, null),
                new Day(START.plusDays(4), 2, "gt60", 5, "fair", null, "DONE", "desk"),
                new Day(START.plusDays(5), 5, null, 2, null, "flared", "STARTED", "desk"));

        WeeklyReview.Summary summary = WeeklyReview.of(week, START.plusDays(6));

        assertThat(summary.checkins()).isEqualTo(5);
        assertThat(summary.sessionsDone()).isEqualTo(2);
        assertThat(summary.sessionsPartial()).isEqualTo(2);
        assertThat(summary.sessionsSkipped()).isEqualTo(1);
        assertThat(summary.nextDay()).containsEntry("fine", 1).containsEntry("sore", 1).containsEntry("flared", 1)
                .containsEntry("same", 0);
        assertThat(summary.thisWeek().pain()).isEqualTo(OptionalDouble.of(3.4));
        assertThat(summary.thisWeek().stiffness()).isEqualTo(OptionalDouble.of(1.5)); // 0, 1, 2, 3
        assertThat(summary.thisWeek().sleep()).isEqualTo(OptionalDouble.of(1.25)); // 2, 2, 0, 1
    }
}
