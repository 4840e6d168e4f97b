package app.backcoach.routine;

import app.backcoach.catalogue.Catalogue;
import app.backcoach.conditions.ConditionsService;
import app.backcoach.day.DailyPlan;
import app.backcoach.profile.ProfileService;
import app.backcoach.coaching.PlannedItem;
import app.backcoach.chat.Answers;
import app.backcoach.chat.DialogueContext;
import app.backcoach.chat.DialogueDefinition;
import app.backcoach.chat.DialogueEngine;
import app.backcoach.chat.DialogueFlow;
import app.backcoach.chat.Question;
import app.backcoach.chat.Question.Choice;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/**
 * /stiff: "where, right now?" and a three-minute routine for that area, done where the person is.
 *
 * <pre>{@code
 * stateDiagram-v2
 *   [*] --> where
 *   where --> [*]: low back, hips or upper back → the routine in place
 * }</pre>
 */
@ApplicationScoped
public class StiffFlow implements DialogueFlow {

    public static final String CODE = "sf";
    static final Question WHERE = new Question("where", "routine.stiff.q.where", Arrays.stream(ShortRoutines.Area.values())
            .map(area -> new Choice(area.code(), "routine.stiff.area." + area.code())).toList(), false);
    private static final DialogueDefinition DEFINITION = new DialogueDefinition(CODE, 1, List.of(WHERE),
            (answered, answers) -> new DialogueDefinition.Next.End("chosen"), Duration.ofHours(1));

    private final DialogueEngine dialogues;
    private final RoutineMessages messages;
    private final Catalogue catalogue;
    private final Clock clock;
    private final ProfileService profiles;
    private final ConditionsService conditions;

    public StiffFlow(DialogueEngine dialogues, RoutineMessages messages, Catalogue catalogue, Clock clock,
                     ProfileService profiles, ConditionsService conditions) {
        this.conditions = conditions;
        this.profiles = profiles;
        this.dialogues = dialogues;
        this.messages = messages;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    @Override
    public DialogueDefinition definition() {
        return DEFINITION;
    }

    @Override
    public void finish(DialogueContext context, String outcome, Answers answers) {
        ShortRoutines.Area area = answers.get(WHERE.id()).flatMap(ShortRoutines.Area::of).orElseThrow();
        int turn = (int) LocalDate.now(clock.withZone(ZoneOffset.UTC)).toEpochDay();
        LocalDate today = profiles.today(context.userId());
        boolean easing = DailyPlan.on(context.userId(), today).filter(DailyPlan::easingOnly).isPresent();
        List<PlannedItem> routine = new ShortRoutines(catalogue, conditions.inForce(context.userId(), today)).stiff(area, ShortRoutines.Where.OFFICE, turn, easing);
        String language = context.languageCode();
        dialogues.show(context, messages.routine("routine.stiff.title." + area.code(), routine, language, null),
                messages.routineButtons(RoutineMessages.Kind.STIFF, area.code(), language));
    }
}
