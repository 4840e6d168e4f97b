package app.backcoach.day;

import app.backcoach.catalogue.Catalogue;
import app.backcoach.coaching.Tolerance;
import app.backcoach.share.ReportPeriod;
import app.backcoach.share.ReportSection;
import app.backcoach.text.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report's exercises that bothered the back: each with what happened and when (too hard, hurt,
 * symptoms into a leg, part of a painful session or of one that flared up the next morning), and
 * where the tolerance memory stands with it now (easier version, resting).
 */
@ApplicationScoped
public class ExercisesReportSection implements ReportSection {

    private final PlanService plans;
    private final Catalogue catalogue;
    private final Texts texts;

    public ExercisesReportSection(PlanService plans, Catalogue catalogue, Texts texts) {
        this.plans = plans;
        this.catalogue = catalogue;
        this.texts = texts;
    }

    @Override
    public String key() {
        return "exercises";
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public String title(String language) {
        return text(language, "share.exercises.title");
    }

    @Override
    public List<String> lines(long userId, ReportPeriod period, String language) {
        List<DailyPlan> sessions = DailyPlan.between(userId, period.from().minusDays(Tolerance.MEMORY_DAYS), period.end())
                .stream().filter(plan -> plan.status.happened()).toList();
        if (sessions.isEmpty()) {
            return List.of();
        }
        List<Tolerance.Signal> signals = plans.signals(sessions, period.end());
        Map<String, Tolerance.Level> now = Tolerance.of(signals, period.end());
        Map<String, List<String>> events = new LinkedHashMap<>();
        signals.stream()
                .filter(signal -> signal.kind() != Tolerance.Kind.DONE && period.contains(signal.date()))
                .sorted(java.util.Comparator.comparing(Tolerance.Signal::date))
                .forEach(signal -> events.computeIfAbsent(signal.exerciseId(), id -> new ArrayList<>())
                        .add(text(language, "share.exercises.kind." + signal.kind().name().toLowerCase(java.util.Locale.ROOT))
                                + " (" + period.day(signal.date()) + ")"));
        List<String> lines = new ArrayList<>();
        events.forEach((exercise, what) -> {
            String name = catalogue.find(exercise).map(found -> found.text(language).name()).orElse(exercise);
            Tolerance.Level level = now.getOrDefault(exercise, Tolerance.Level.GREEN);
            lines.add("• " + name + ": " + String.join(", ", what) + ". "
                    + text(language, "share.exercises.now." + level.name().toLowerCase(java.util.Locale.ROOT)));
        });
        return lines;
    }

    private String text(String language, String key, Object... arguments) {
        return texts.plain(language, key, arguments).orElseThrow(() -> new IllegalStateException("No text " + key));
    }
}
