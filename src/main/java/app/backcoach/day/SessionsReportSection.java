package app.backcoach.day;

import app.backcoach.coaching.Signals;
import app.backcoach.share.ReportPeriod;
import app.backcoach.share.ReportSection;
import app.backcoach.text.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The report's sessions: done, partly done, skipped and left open; pain during them; and how the
 * mornings after felt (the next-day signals the plan adapts to).
 */
@ApplicationScoped
public class SessionsReportSection implements ReportSection {

    private final Texts texts;

    public SessionsReportSection(Texts texts) {
        this.texts = texts;
    }

    @Override
    public String key() {
        return "sessions";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public String title(String language) {
        return text(language, "share.sessions.title");
    }

    @Override
    public List<String> lines(long userId, ReportPeriod period, String language) {
        List<DailyPlan> plans = DailyPlan.between(userId, period.from(), period.end());
        if (plans.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        lines.add(text(language, "share.sessions.counts", "planned", plans.size(),
                "done", count(plans, DailyPlan.Status.DONE), "partly", count(plans, DailyPlan.Status.PARTIAL),
                "skipped", count(plans, DailyPlan.Status.SKIPPED),
                "open", count(plans, DailyPlan.Status.PLANNED) + count(plans, DailyPlan.Status.STARTED)));
        List<DailyPlan> rated = plans.stream().filter(plan -> plan.painDuring != null).toList();
        if (!rated.isEmpty()) {
            DailyPlan worst = rated.stream().max(Comparator.comparingInt((DailyPlan plan) -> plan.painDuring)
                    .thenComparing(plan -> plan.localDate)).orElseThrow();
            lines.add(text(language, "share.sessions.pain-during", "average",
                    period.decimal(rated.stream().mapToInt(plan -> plan.painDuring).average().orElseThrow()),
                    "highest", worst.painDuring, "date", period.day(worst.localDate), "rated", rated.size()));
        }
        // The morning after a session says how it settled: the signal the next plan follows.
        List<String> nextDay = DailyCheckin.between(userId, period.from().plusDays(1), period.end().plusDays(1)).stream()
                .map(checkin -> checkin.yesterday).filter(Objects::nonNull).toList();
        if (!nextDay.isEmpty()) {
            List<String> counts = new ArrayList<>();
            for (Signals.NextDay signal : Signals.NextDay.values()) {
                long times = nextDay.stream().filter(signal.code()::equals).count();
                counts.add(text(language, "share.sessions.next-day." + signal.code(), "count", times));
            }
            lines.add(text(language, "share.sessions.next-day") + " " + String.join(", ", counts) + ".");
        }
        Optional<DailyPlan> latest = plans.stream().filter(plan -> plan.status.happened()).findFirst();
        latest.ifPresent(plan -> lines.add(text(language, "share.sessions.level", "step", plan.step,
                "level", Math.min(3, 1 + plan.step / 2))));
        return lines;
    }

    private static long count(List<DailyPlan> plans, DailyPlan.Status status) {
        return plans.stream().filter(plan -> plan.status == status).count();
    }

    private String text(String language, String key, Object... arguments) {
        return texts.plain(language, key, arguments).orElseThrow(() -> new IllegalStateException("No text " + key));
    }
}
