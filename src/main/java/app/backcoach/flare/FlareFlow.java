package app.backcoach.flare;

import static app.backcoach.chat.DialogueDefinition.from;

import app.backcoach.chat.Answers;
import app.backcoach.chat.DialogueContext;
import app.backcoach.chat.DialogueDefinition;
import app.backcoach.chat.DialogueDefinition.Next;
import app.backcoach.chat.DialogueFlow;
import app.backcoach.chat.Question;
import app.backcoach.chat.Question.Choice;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writing the flare-up plan, on a calm day: a few taps and an optional note in the person's own words.
 *
 * <pre>{@code
 * stateDiagram-v2
 *   [*] --> position: /flare or the first week's offer → write my own
 *   position --> position_2: a position that eases
 *   position --> walk: I don't know yet
 *   position_2 --> walk: a second one, or just that one
 *   walk --> breathing
 *   breathing --> avoid
 *   avoid --> note
 *   note --> WRITTEN: a typed note, or no note
 *   WRITTEN --> [*]: the plan is stored and shown in place
 * }</pre>
 */
@ApplicationScoped
public class FlareFlow implements DialogueFlow {

    public static final String CODE = "fl";
    static final String WRITTEN = "written";
    /** Longer notes are refused (the question is asked again); Telegram's own limit is far above. */
    static final int NOTE_MAX = 200;

    /** Positions of ease, in the order they are offered; "walking" is one too. */
    static final List<String> POSITIONS = List.of("back-chair", "side-pillow", "front", "walking");
    static final String UNKNOWN = "unknown";
    static final String JUST_ONE = "just-one";

    static final Question POSITION = new Question("position", "flare.q.position", choices(POSITIONS, UNKNOWN), true);
    static final Question POSITION_2 = new Question("position-2", "flare.q.position-2",
            choices(POSITIONS, JUST_ONE), true);
    static final Question WALK = new Question("walk", "flare.q.walk",
            choices(List.of("hourly", "two-hourly", "short-often", "worse"), null), true);
    static final Question BREATHING = new Question("breathing", "flare.q.breathing",
            choices(List.of("slow-out", "belly", "none"), null), true);
    static final Question AVOID = new Question("avoid", "flare.q.avoid",
            choices(List.of("sitting", "bending", "driving", "standing", "nothing"), null), true);
    static final Question NOTE = new Question("note", "flare.q.note", List.of(new Choice("none", "flare.note.none")),
            false, FlareFlow::readNote);

    static final List<Question> ALL = List.of(POSITION, POSITION_2, WALK, BREATHING, AVOID, NOTE);

    /** The table: in order, except that "I don't know yet" (or a skip) leaves out the second position. */
    static final DialogueDefinition.Routes ROUTES = DialogueDefinition.table(
            from(POSITION, answers -> answers.get(POSITION.id()).filter(POSITIONS::contains).isPresent()
                    ? new Next.Step(POSITION_2.id()) : new Next.Step(WALK.id())),
            from(POSITION_2, answers -> new Next.Step(WALK.id())),
            from(WALK, answers -> new Next.Step(BREATHING.id())),
            from(BREATHING, answers -> new Next.Step(AVOID.id())),
            from(AVOID, answers -> new Next.Step(NOTE.id())),
            from(NOTE, answers -> new Next.End(WRITTEN)));

    private static final DialogueDefinition DEFINITION = new DialogueDefinition(CODE, 1, ALL, ROUTES,
            Duration.ofHours(12));

    private final FlareService flares;

    public FlareFlow(FlareService flares) {
        this.flares = flares;
    }

    @Override
    public DialogueDefinition definition() {
        return DEFINITION;
    }

    @Override
    public void finish(DialogueContext context, String outcome, Answers answers) {
        flares.written(context, answers);
    }

    /** The positions chosen, best first, without repeats or "don't know". */
    static List<String> positions(Answers answers) {
        List<String> chosen = new ArrayList<>();
        for (Question question : List.of(POSITION, POSITION_2)) {
            answers.get(question.id()).filter(POSITIONS::contains).filter(value -> !chosen.contains(value))
                    .ifPresent(chosen::add);
        }
        return chosen;
    }

    /** A note is kept as typed (trimmed), if it is short enough to read at a glance on a bad day. */
    static Optional<String> readNote(String text) {
        String note = text.strip();
        return note.isEmpty() || note.length() > NOTE_MAX ? Optional.empty() : Optional.of(note);
    }

    private static List<Choice> choices(List<String> values, String last) {
        List<Choice> choices = new ArrayList<>();
        values.forEach(value -> choices.add(new Choice(value, "flare.choice." + value)));
        if (last != null) {
            choices.add(new Choice(last, "flare.choice." + last));
        }
        return choices;
    }
}
