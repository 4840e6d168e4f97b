package app.backcoach.review;

import app.backcoach.coaching.MeaningfulChange;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A week in numbers, pure: check-ins and sessions, averages against last week and the first week,
 * the next-day signals, and whether the change in pain counts as meaningful
 * ({@link MeaningfulChange}: two points, or 30% of the first week's level when that is at least 1.5).
 */
public final class WeeklyReview {

    private WeeklyReview() {
    }

    /** One day as stored: the check-in's answers (null when skipped) and what happened to the plan. */
    public record Day(LocalDate date, Integer pain, String stiffness, Integer confidence, String sleep,
                      String yesterday, String planStatus, String dayType) {
    }

    /** Averages over a week; empty when nothing was answered. */
    public record Averages(OptionalDouble pain, OptionalDouble stiffness, OptionalDouble confidence,
                           OptionalDouble sleep) {
    }

    public enum Direction { BETTER, SAME, WORSE, UNKNOWN }

    /**
     * @param stiffness stiffness on waking as a score: 0 none, 1 under 15 min, 2 15-60 min, 3 over an hour
     * @param sleep 0 poor, 1 fair, 2 good
     * @param heavyDays days of training or physical work this week
     */
    public record Summary(LocalDate from, LocalDate to, int checkins, int sessionsDone, int sessionsPartial,
                          int sessionsSkipped, Averages thisWeek, Averages lastWeek, Averages firstWeek,
                          Map<String, Integer> nextDay, Direction pain, Optional<Double> painChangeFromStart,
                          boolean meaningful, int heavyDays) {
    }

    /** The week ending with {@code lastDay} (seven days), from the whole history. */
    public static Summary of(List<Day> history, LocalDate lastDay) {
        LocalDate from = lastDay.minusDays(6);
        List<Day> week = between(history, from, lastDay);
        List<Day> previous = between(history, from.minusDays(7), from.minusDays(1));
        Optional<LocalDate> start = history.stream().map(Day::date).min(LocalDate::compareTo);
        List<Day> first = start.map(day -> between(history, day, day.plusDays(6))).orElse(List.of());
        Averages now = averages(week);
        Averages before = averages(previous);
        Averages beginning = averages(first);
        Map<String, Integer> nextDay = new LinkedHashMap<>();
        for (String signal : List.of("fine", "same", "sore", "flared")) {
            nextDay.put(signal, (int) week.stream().filter(day -> signal.equals(day.yesterday())).count());
        }
        Optional<Double> change = now.pain().isPresent() && beginning.pain().isPresent() && !week.equals(first)
                ? Optional.of(now.pain().getAsDouble() - beginning.pain().getAsDouble()) : Optional.empty();
        boolean meaningful = change.map(delta -> MeaningfulChange.between(beginning.pain().getAsDouble(),
                now.pain().getAsDouble())).orElse(false);
        return new Summary(from, lastDay, (int) week.stream().filter(day -> day.pain() != null
                        || day.stiffness() != null || day.confidence() != null || day.sleep() != null).count(),
                count(week, "DONE"::equals), count(week, status -> "PARTIAL".equals(status) || "STARTED".equals(status)),
                count(week, "SKIPPED"::equals), now, before, beginning, nextDay,
                direction(now.pain(), before.pain()), change, meaningful,
                (int) week.stream().filter(day -> "training".equals(day.dayType()) || "physical".equals(day.dayType()))
                        .count());
    }

    /** Lower pain is better; within half a point it is the same. */
    static Direction direction(OptionalDouble now, OptionalDouble before) {
        if (now.isEmpty() || before.isEmpty()) {
            return Direction.UNKNOWN;
        }
        double delta = now.getAsDouble() - before.getAsDouble();
        return Math.abs(delta) < 0.5 ? Direction.SAME : delta < 0 ? Direction.BETTER : Direction.WORSE;
    }

    static Averages averages(List<Day> days) {
        return new Averages(average(days, Day::pain), average(days, day -> score(day.stiffness(),
                List.of("none", "lt15", "15-60", "gt60"))), average(days, Day::confidence),
                average(days, day -> score(day.sleep(), List.of("poor", "fair", "good"))));
    }

    private static Integer score(String value, List<String> scale) {
        int index = value == null ? -1 : scale.indexOf(value);
        return index < 0 ? null : index;
    }

    private static OptionalDouble average(List<Day> days, Function<Day, Integer> value) {
        return days.stream().map(value).filter(java.util.Objects::nonNull).mapToInt(Integer::intValue).average();
    }

    private static int count(List<Day> days, Predicate<String> status) {
        return (int) days.stream().filter(day -> day.planStatus() != null && status.test(day.planStatus())).count();
    }

    private static List<Day> between(List<Day> history, LocalDate from, LocalDate to) {
        return history.stream().filter(day -> !day.date().isBefore(from) && !day.date().isAfter(to)).toList();
    }
}
