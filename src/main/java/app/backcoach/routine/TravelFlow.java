package app.backcoach.routine;

import app.backcoach.catalogue.Catalogue;
import app.backcoach.conditions.ConditionsService;
import app.backcoach.coaching.PlannedItem;
import app.backcoach.chat.Answers;
import app.backcoach.chat.DialogueContext;
import app.backcoach.chat.DialogueDefinition;
import app.backcoach.chat.DialogueEngine;
import app.backcoach.chat.DialogueFlow;
import app.backcoach.chat.Question;
import app.backcoach.chat.Question.Choice;
import app.backcoach.day.DailyPlan;
import app.backcoach.profile.ProfileService;
import app.backcoach.text.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * /travel: where are you (a seat, a hotel room, standing at a gate)? Then a 3-5 minute routine
 * for that place, easing-only when this morning's check-in asked for relief.
 *
 * <pre>{@code
 * stateDiagram-v2
 *   [*] --> place
 *   place --> [*]: seat, hotel room or standing → the routine in place
 * }</pre>
 */
@ApplicationScoped
public class TravelFlow implements DialogueFlow {

    public static final String CODE = "tv";
    static final Question PLACE = new Question("place", "routine.travel.q.place", List.of(
            new Choice("seat", "routine.travel.place.seat"), new Choice("hotel", "routine.travel.place.hotel"),
            new Choice("standing", "routine.travel.place.standing")), false);
    private static final DialogueDefinition DEFINITION = new DialogueDefinition(CODE, 1, List.of(PLACE),
            (answered, answers) -> new DialogueDefinition.Next.End("chosen"), Duration.ofHours(1));

    private final DialogueEngine dialogues;
    private final RoutineMessages messages;
    private final Catalogue catalogue;
    private final ProfileService profiles;
    private final Texts texts;
    private final ConditionsService conditions;

    public TravelFlow(DialogueEngine dialogues, RoutineMessages messages, Catalogue catalogue, ProfileService profiles,
                      Texts texts, ConditionsService conditions) {
        this.conditions = conditions;
        this.dialogues = dialogues;
        this.messages = messages;
        this.catalogue = catalogue;
        this.profiles = profiles;
        this.texts = texts;
    }

    @Override
    public DialogueDefinition definition() {
        return DEFINITION;
    }

    @Override
    public void finish(DialogueContext context, String outcome, Answers answers) {
        ShortRoutines.Where where = answers.get(PLACE.id()).flatMap(ShortRoutines.Where::of).orElseThrow();
        String language = context.languageCode();
        java.time.LocalDate today = profiles.today(context.userId());
        Optional<DailyPlan> plan = DailyPlan.on(context.userId(), today);
        boolean relief = plan.filter(DailyPlan::easingOnly).isPresent();
        List<PlannedItem> routine = new ShortRoutines(catalogue, conditions.inForce(context.userId(), today)).travel(where, (int) today.toEpochDay(), relief);
        String note = plan.isEmpty() ? null
                : texts.get(language, relief ? "routine.travel.note.relief" : "routine.travel.note.checked-in");
        dialogues.show(context, messages.routine("routine.travel.title", routine, language, note),
                messages.routineButtons(RoutineMessages.Kind.TRAVEL, where.code(), language));
    }
}
