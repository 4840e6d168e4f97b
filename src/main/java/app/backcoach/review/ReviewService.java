package app.backcoach.review;

import app.backcoach.day.DailyCheckin;
import app.backcoach.day.DailyPlan;
import app.backcoach.profile.ProfileService;
import app.backcoach.questionnaire.Questionnaire;
import app.backcoach.questionnaire.QuestionnaireResults;
import app.backcoach.safety.SafetyScreen;
import app.backcoach.review.WeeklyReview.Day;
import app.backcoach.review.WeeklyReview.Summary;
import app.backcoach.sender.MessageSender;
import app.backcoach.text.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.Function;

/** The weekly review: the week's numbers in words, and the chart of the last weeks as a picture. */
@ApplicationScoped
@Transactional
public class ReviewService {

    /** How far back the chart looks. */
    static final int CHART_DAYS = 42;

    private final ProfileService profiles;
    private final TweakService tweaks;
    private final MessageSender sender;
    private final Texts texts;
    private final QuestionnaireResults questionnaires;

    public ReviewService(ProfileService profiles, TweakService tweaks, MessageSender sender, Texts texts,
                         QuestionnaireResults questionnaires) {
        this.profiles = profiles;
        this.tweaks = tweaks;
        this.sender = sender;
        this.texts = texts;
        this.questionnaires = questionnaires;
    }

    /** Sends the review of the week up to today: the chart with a short caption, then the details. */
    public void send(long chatId, long userId, String language) {
        LocalDate today = profiles.today(userId);
        List<Day> history = history(userId);
        if (history.stream().noneMatch(day -> day.pain() != null || day.confidence() != null)) {
            sender.send(chatId, texts.get(language, "review.nothing-yet"));
            return;
        }
        Summary summary = WeeklyReview.of(history, today);
        List<Day> recent = history.stream().filter(day -> day.date().isAfter(today.minusDays(CHART_DAYS))).toList();
        List<Weekly> weekly = weekly(userId, today);
        if (recent.stream().filter(day -> day.pain() != null).count() >= 2) {
            // Beside daily pain on its 0-10 axis: the weekly questionnaires that score on the same range (PEG).
            List<ProgressChart.Weekly> lines = weekly.stream().filter(Weekly::fitsPainAxis)
                    .map(line -> new ProgressChart.Weekly(texts.get(language, "review.chart.weekly",
                            "title", line.questionnaire().id().toUpperCase(Locale.ROOT)), line.recent(today)))
                    .filter(line -> !line.points().isEmpty()).toList();
            byte[] chart = ProgressChart.png(recent, new ProgressChart.Labels(
                    texts.get(language, "review.chart.title"), texts.get(language, "review.chart.pain"),
                    texts.get(language, "review.chart.confidence"), texts.get(language, "review.chart.session")),
                    lines);
            String caption = caption(summary, language);
            for (ProgressChart.Weekly line : lines) {
                caption += " " + texts.get(language, "review.caption.weekly", "title", line.label());
            }
            sender.sendPhoto(chatId, "progress-" + today + ".png", chart, caption);
        }
        sender.send(chatId, details(summary, language, weekly.stream()
                .map(line -> line.inWords(summary, language)).flatMap(java.util.Optional::stream).toList()));
        // While a red flag waits for a clinician the plan is theirs to decide, not ours to tweak.
        if (summary.checkins() > 0 && SafetyScreen.pausingPlan(userId).isEmpty()) {
            tweaks.propose(chatId, userId, language, summary);
        }
    }

    /** A few words for people who do not look at pictures (and for screen readers). */
    String caption(Summary summary, String language) {
        return texts.get(language, "review.caption", "pain", number(summary.thisWeek().pain()),
                "direction", texts.get(language, "review.direction." + summary.pain().name().toLowerCase(Locale.ROOT)),
                "sessions", String.valueOf(summary.sessionsDone() + summary.sessionsPartial()),
                "checkins", String.valueOf(summary.checkins()));
    }

    String details(Summary summary, String language) {
        return details(summary, language, List.of());
    }

    /** @param weeklyLines a line for each weekly questionnaire, under the averages */
    String details(Summary summary, String language, List<String> weeklyLines) {
        DateTimeFormatter format = DateTimeFormatter.ofPattern("d MMM", Locale.forLanguageTag(language == null
                ? "en" : language));
        StringBuilder html = new StringBuilder(texts.get(language, "review.title",
                "from", summary.from().format(format), "to", summary.to().format(format)));
        html.append("\n\n").append(texts.get(language, "review.counts", "checkins", String.valueOf(summary.checkins()),
                "done", String.valueOf(summary.sessionsDone()), "partial", String.valueOf(summary.sessionsPartial()),
                "skipped", String.valueOf(summary.sessionsSkipped())));
        html.append("\n\n").append(texts.get(language, "review.averages.title"));
        html.append("\n").append(line(language, "pain", summary, WeeklyReview.Averages::pain));
        html.append("\n").append(line(language, "stiffness", summary, WeeklyReview.Averages::stiffness));
        html.append("\n").append(line(language, "confidence", summary, WeeklyReview.Averages::confidence));
        html.append("\n").append(line(language, "sleep", summary, WeeklyReview.Averages::sleep));
        weeklyLines.forEach(weeklyLine -> html.append("\n").append(weeklyLine));
        Map<String, Integer> tally = summary.nextDay();
        html.append("\n\n").append(texts.get(language, "review.next-day", "fine", tally.get("fine").toString(),
                "same", tally.get("same").toString(), "sore", tally.get("sore").toString(),
                "flared", tally.get("flared").toString()));
        html.append("\n\n").append(summary.painChangeFromStart()
                .map(change -> texts.get(language, summary.meaningful()
                                ? (change < 0 ? "review.change.meaningful-better" : "review.change.meaningful-worse")
                                : "review.change.not-yet",
                        "change", String.format(Locale.ROOT, "%+.1f", change)))
                .orElse(texts.get(language, "review.change.first-week")));
        return html.toString();
    }

    private String line(String language, String key, Summary summary,
                        Function<WeeklyReview.Averages, OptionalDouble> value) {
        return texts.get(language, "review.line." + key, "now", number(value.apply(summary.thisWeek())),
                "last", number(value.apply(summary.lastWeek())), "first", number(value.apply(summary.firstWeek())));
    }

    private static String number(OptionalDouble value) {
        return value.isPresent() ? String.format(Locale.ROOT, "%.1f", value.getAsDouble()) : "–";
    }

    /** A weekly questionnaire's completed scores, the whole history, oldest first. */
    private record Weekly(Questionnaire questionnaire, List<QuestionnaireResults.Score> scores, Texts texts) {

        boolean fitsPainAxis() {
            return questionnaire.minTotal() >= 0 && questionnaire.maxTotal() <= 10;
        }

        List<ProgressChart.Point> recent(LocalDate today) {
            return scores.stream().filter(score -> score.date().isAfter(today.minusDays(CHART_DAYS)))
                    .map(score -> new ProgressChart.Point(score.date(), score.score())).toList();
        }

        /** This week · last week · the first week, as the averages show them; nothing before the first answer. */
        java.util.Optional<String> inWords(Summary summary, String language) {
            if (scores.isEmpty()) {
                return java.util.Optional.empty();
            }
            LocalDate first = scores.get(0).date();
            return java.util.Optional.of(texts.get(language, "review.line.questionnaire",
                    "title", QuestionnaireResults.title(questionnaire, language),
                    "min", plain(questionnaire.minTotal()), "max", plain(questionnaire.maxTotal()),
                    "now", number(mean(summary.from(), summary.to())),
                    "last", number(mean(summary.from().minusDays(7), summary.from().minusDays(1))),
                    "first", number(mean(first, first.plusDays(6)))));
        }

        private OptionalDouble mean(LocalDate from, LocalDate to) {
            return scores.stream().filter(score -> !score.date().isBefore(from) && !score.date().isAfter(to))
                    .mapToDouble(QuestionnaireResults.Score::score).average();
        }

        private static String plain(double value) {
            return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
        }
    }

    private List<Weekly> weekly(long userId, LocalDate today) {
        return questionnaires.weekly().stream().map(questionnaire -> new Weekly(questionnaire,
                questionnaires.scores(userId, questionnaire.id(), LocalDate.of(2000, 1, 1), today), texts)).toList();
    }

    /** Every day with a check-in or a plan, oldest first. */
    List<Day> history(long userId) {
        Map<LocalDate, DailyCheckin> checkins = new TreeMap<>();
        DailyCheckin.<DailyCheckin>list("telegramUserId = ?1", userId).forEach(c -> checkins.put(c.localDate, c));
        Map<LocalDate, DailyPlan> plans = new TreeMap<>();
        DailyPlan.of(userId).forEach(plan -> plans.put(plan.localDate, plan));
        TreeMap<LocalDate, Day> days = new TreeMap<>();
        for (LocalDate date : union(checkins, plans)) {
            DailyCheckin c = checkins.get(date);
            DailyPlan p = plans.get(date);
            days.put(date, new Day(date, c == null ? null : c.pain, c == null ? null : c.stiffness,
                    c == null ? null : c.confidence, c == null ? null : c.sleep, c == null ? null : c.yesterday,
                    p == null ? null : p.status.name(), c == null ? null : c.dayType));
        }
        return new ArrayList<>(days.values());
    }

    private static java.util.Set<LocalDate> union(Map<LocalDate, ?> a, Map<LocalDate, ?> b) {
        java.util.Set<LocalDate> dates = new java.util.TreeSet<>(a.keySet());
        dates.addAll(b.keySet());
        return dates;
    }
}
