package app.backcoach.day;

import app.backcoach.coaching.MeaningfulChange;
import app.backcoach.coaching.Signals;
import app.backcoach.share.ReportPeriod;
import app.backcoach.share.ReportSection;
import app.backcoach.text.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/** The report's morning pain: each day's answer week by week, the weekly averages and the trend. */
@ApplicationScoped
public class PainReportSection implements ReportSection {

    private final Texts texts;

    public PainReportSection(Texts texts) {
        this.texts = texts;
    }

    @Override
    public String key() {
        return "pain";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String title(String language) {
        return texts.plain(language, "share.pain.title").orElseThrow();
    }

    @Override
    public List<String> lines(long userId, ReportPeriod period, String language) {
        Map<LocalDate, DailyCheckin> mornings = DailyCheckin.between(userId, period.from(), period.end()).stream()
                .filter(checkin -> checkin.pain != null)
                .collect(Collectors.toMap(checkin -> checkin.localDate, checkin -> checkin, (a, b) -> a));
        if (mornings.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        lines.add(text(language, "share.pain.mornings", "count", mornings.size(), "days", period.days()));
        List<OptionalDouble> weekly = new ArrayList<>();
        for (LocalDate start = period.from(); !start.isAfter(period.to()); start = start.plusDays(7)) {
            List<String> days = new ArrayList<>();
            List<Integer> pains = new ArrayList<>();
            for (LocalDate day = start; day.isBefore(start.plusDays(7)) && !day.isAfter(period.to()); day = day.plusDays(1)) {
                DailyCheckin checkin = mornings.get(day);
                days.add(period.day(day) + ": " + (checkin == null ? "–" : checkin.pain));
                if (checkin != null) {
                    pains.add(checkin.pain);
                }
            }
            OptionalDouble average = pains.stream().mapToInt(Integer::intValue).average();
            weekly.add(average);
            lines.add("• " + String.join(" · ", days) + (average.isPresent()
                    ? "  " + text(language, "share.pain.week-average", "average", period.decimal(average.getAsDouble()))
                    : ""));
        }
        OptionalDouble first = weekly.get(0);
        OptionalDouble last = weekly.get(weekly.size() - 1);
        if (first.isPresent() && last.isPresent() && weekly.size() > 1) {
            double before = first.getAsDouble();
            double after = last.getAsDouble();
            String trend = MeaningfulChange.improvement(before, after) ? "share.pain.trend.better"
                    : MeaningfulChange.between(before, after) ? "share.pain.trend.worse" : "share.pain.trend.same";
            lines.add(text(language, trend, "first", period.decimal(before), "last", period.decimal(after),
                    "change", period.decimal(Math.abs(after - before))));
        }
        long stiff = mornings.values().stream()
                .filter(checkin -> Signals.Stiffness.OVER_60.code().equals(checkin.stiffness)).count();
        long poorSleep = mornings.values().stream()
                .filter(checkin -> Signals.Sleep.POOR.code().equals(checkin.sleep)).count();
        lines.add(text(language, "share.pain.stiffness-sleep", "stiff", stiff, "poor", poorSleep));
        return lines;
    }

    private String text(String language, String key, Object... arguments) {
        return texts.plain(language, key, arguments).orElseThrow();
    }
}
