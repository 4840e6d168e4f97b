package app.backcoach.routine;

import app.backcoach.catalogue.Catalogue;
import app.backcoach.catalogue.Exercise;
import app.backcoach.coaching.PlannedItem;
import app.backcoach.coaching.SessionComposer;
import app.backcoach.day.PlanView;
import app.backcoach.sender.Keyboard;
import app.backcoach.text.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** Short routines and reminders in words, with their buttons. */
@ApplicationScoped
public class RoutineMessages {

    static final String PREFIX = "rt";

    /** Which routine a button belongs to, as it travels in callback data. */
    public enum Kind {
        REMINDER("r", "reminder"), STIFF("s", "stiff"), TRAVEL("t", "travel");

        final String code;
        final String logName;

        Kind(String code, String logName) {
            this.code = code;
            this.logName = logName;
        }

        static java.util.Optional<Kind> of(String code) {
            return java.util.Arrays.stream(values()).filter(kind -> kind.code.equals(code)).findFirst();
        }
    }

    private final Texts texts;
    private final Catalogue catalogue;
    private final PlanView planView;

    public RoutineMessages(Texts texts, Catalogue catalogue, PlanView planView) {
        this.texts = texts;
        this.catalogue = catalogue;
        this.planView = planView;
    }

    /** A reminder: one short exercise with all its cues. */
    public String ritual(PlannedItem item, String language) {
        Exercise.ExerciseText text = catalogue.get(item.exerciseId()).text(language);
        return texts.get(language, "routine.ritual.title") + "\n\n"
                + texts.get(language, "routine.ritual.item", "name", text.name(),
                "dose", planView.dose(item.dose(), language))
                + "\n" + PlanView.cues(text)
                + "\n\n" + texts.get(language, "routine.stop-rule");
    }

    /** A routine of a few exercises, each with its dose and first cue. */
    public String routine(String titleKey, List<PlannedItem> items, String language, String note) {
        StringBuilder html = new StringBuilder(texts.get(language, titleKey, "minutes",
                String.valueOf(Math.max(1, Math.round(SessionComposer.total(items))))));
        if (note != null) {
            html.append("\n").append(note);
        }
        for (int i = 0; i < items.size(); i++) {
            html.append(i == 0 ? "\n\n" : "\n").append(planView.item(i + 1, items.get(i), language));
        }
        return html.append("\n\n").append(texts.get(language, "routine.stop-rule")).toString();
    }

    public Keyboard reminderButtons(PlannedItem item, String language) {
        return Keyboard.of(List.of(
                List.of(button("done", Kind.REMINDER, item.exerciseId(), texts.get(language, "routine.button.done")),
                        button("snooze", Kind.REMINDER, item.exerciseId(),
                                texts.get(language, "routine.button.snooze"))),
                List.of(button("skip", Kind.REMINDER, item.exerciseId(), texts.get(language, "routine.button.skip")),
                        button("stiff", Kind.REMINDER, item.exerciseId(),
                                texts.get(language, "routine.button.stiff")))));
    }

    public Keyboard routineButtons(Kind kind, String detail, String language) {
        List<Keyboard.Button> row = new ArrayList<>();
        row.add(button("done", kind, detail, texts.get(language, "routine.button.done")));
        row.add(button("skip", kind, detail, texts.get(language, "routine.button.not-now")));
        return Keyboard.of(List.of(row));
    }

    private static Keyboard.Button button(String action, Kind kind, String detail, String label) {
        return RoutineButtons.FORMAT.data(action, kind.code, detail).button(label);
    }
}
