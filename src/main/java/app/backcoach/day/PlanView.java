package app.backcoach.day;

import app.backcoach.catalogue.Catalogue;
import app.backcoach.catalogue.Dose;
import app.backcoach.catalogue.Exercise;
import app.backcoach.coaching.Decision;
import app.backcoach.coaching.PlannedItem;
import app.backcoach.coaching.SessionComposer;
import app.backcoach.coaching.Version;
import app.backcoach.text.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.stream.Collectors;

/** The day's plan in words: version, minutes, numbered exercises with dose and a cue, and why. */
@ApplicationScoped
public class PlanView {

    private final Texts texts;
    private final Catalogue catalogue;
    private final PlanService plans;

    public PlanView(Texts texts, Catalogue catalogue, PlanService plans) {
        this.texts = texts;
        this.catalogue = catalogue;
        this.plans = plans;
    }

    public String render(DailyPlan plan, String language) {
        Version version = Version.valueOf(plan.version);
        if (version == Version.STOP_AND_REFER) {
            return texts.get(language, "plan.stop-and-refer");
        }
        List<PlannedItem> items = plans.items(plan);
        StringBuilder html = new StringBuilder(texts.get(language, "plan.header." + version.code(),
                "minutes", minutes(SessionComposer.total(items))));
        if (version == Version.RELIEF_ONLY) {
            html.append("\n").append(texts.get(language, "plan.relief-advice"));
        }
        PlannedItem.Part part = null;
        for (int i = 0; i < items.size(); i++) {
            PlannedItem item = items.get(i);
            if (item.part() != PlannedItem.Part.MAIN && item.part() != part) {
                html.append("\n\n").append(texts.get(language, "plan.part." + item.part().name().toLowerCase()));
            }
            part = item.part();
            html.append(i == 0 && part == PlannedItem.Part.MAIN ? "\n\n" : "\n").append(item(i + 1, item, language));
        }
        html.append("\n\n").append(texts.get(language, "plan.why.title")).append("\n")
                .append(reasons(plan, language))
                .append("\n\n").append(texts.get(language, "plan.stop-rule"));
        if (plan.status != DailyPlan.Status.PLANNED && plan.status != DailyPlan.Status.STARTED) {
            html.append("\n\n").append(texts.get(language, "plan.status." + plan.status.name().toLowerCase()));
        }
        return html.toString();
    }

    /** One numbered line of a plan or routine: name and dose, and the first cue under it. */
    public String item(int number, PlannedItem item, String language) {
        Exercise.ExerciseText text = catalogue.get(item.exerciseId()).text(language);
        return texts.get(language, "plan.item", "number", String.valueOf(number), "name", text.name(),
                "dose", dose(item.dose(), language)) + "\n" + texts.get(language, "plan.cue", "cue", text.cues().get(0));
    }

    /** All of an exercise's cues as bullet lines (catalogue text, escaped). */
    public static String cues(Exercise.ExerciseText text) {
        return text.cues().stream().map(cue -> "• " + app.backcoach.sender.Html.escape(cue))
                .collect(Collectors.joining("\n"));
    }

    /** "Why this?": what the exercise does for the back, and which of today's areas it covers. */
    public String whyThis(PlannedItem item, String language) {
        Exercise exercise = catalogue.get(item.exerciseId());
        Exercise.ExerciseText text = exercise.text(language);
        String areas = exercise.purposes().stream().sorted()
                .map(purpose -> texts.get(language, "purpose." + purpose.name().toLowerCase(java.util.Locale.ROOT)))
                .collect(Collectors.joining(", "));
        return texts.get(language, "plan.why-this", "name", text.name(), "why", text.why(), "areas", areas,
                "stop", text.stop());
    }

    /** /why: every reason, with the signals it read. */
    public String why(DailyPlan plan, String language) {
        return texts.get(language, "plan.why.title") + "\n" + reasons(plan, language) + "\n\n"
                + texts.get(language, "plan.why.footer", "version", texts.get(language,
                "plan.version." + Version.valueOf(plan.version).code()), "step", String.valueOf(plan.step + 1));
    }

    private String reasons(DailyPlan plan, String language) {
        List<Decision> reasons = plans.reasons(plan);
        if (reasons.isEmpty()) {
            return "• " + texts.get(language, "rule.nothing-special");
        }
        return reasons.stream().map(reason -> "• " + texts.get(language, reason.reason(), reason.factArguments()))
                .collect(Collectors.joining("\n"));
    }

    /** "2 × 8 reps, hold 5 s, each side", "6-4-2 reps (3 sets), hold 10 s", "10 min". */
    public String dose(Dose dose, String language) {
        String amount;
        if (dose.byTime()) {
            String time = dose.seconds() % 60 == 0 && dose.seconds() >= 120
                    ? texts.get(language, "dose.minutes", "minutes", String.valueOf(dose.seconds() / 60))
                    : texts.get(language, "dose.seconds", "seconds", String.valueOf(dose.seconds()));
            amount = dose.sets() > 1 ? texts.get(language, "dose.sets-of", "sets", String.valueOf(dose.sets()),
                    "each", time) : time;
        } else if (dose.reps().size() > 1) {
            String pyramid = java.util.stream.IntStream.range(0, dose.sets())
                    .mapToObj(set -> String.valueOf(dose.repsInSet(set))).collect(Collectors.joining("-"));
            amount = texts.get(language, "dose.pyramid", "reps", pyramid, "sets", String.valueOf(dose.sets()));
        } else {
            amount = texts.get(language, "dose.reps", "sets", String.valueOf(dose.sets()),
                    "reps", String.valueOf(dose.repsInSet(0)));
        }
        if (dose.holdSeconds() > 0) {
            amount += texts.get(language, "dose.hold", "seconds", String.valueOf(dose.holdSeconds()));
        }
        if (dose.perSide()) {
            amount += texts.get(language, "dose.per-side");
        }
        return amount;
    }

    static String minutes(double minutes) {
        return String.valueOf(Math.max(1, Math.round(minutes)));
    }
}
