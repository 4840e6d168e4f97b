package app.backcoach.profile;

import app.backcoach.chat.Answers;
import app.backcoach.chat.DialogueContext;
import app.backcoach.chat.DialogueDefinition;
import app.backcoach.chat.DialogueEngine;
import app.backcoach.chat.DialogueFlow;
import app.backcoach.chat.Question;
import app.backcoach.text.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Duration;

/**
 * Set-up after the safety screen: every profile question in a row, each skippable.
 *
 * <pre>{@code
 * stateDiagram-v2
 *   [*] --> timezone
 *   timezone --> checkin: tap, type (e.g. Vienna, UTC+2) or skip
 *   checkin --> workdays: tap, type (e.g. 7:15) or skip
 *   workdays --> workhours
 *   workhours --> reminders
 *   reminders --> quiet
 *   quiet --> phase
 *   phase --> equipment
 *   equipment --> length
 *   length --> saved
 *   saved --> [*]: summary; /settings changes any of it; the first check-in follows
 * }</pre>
 */
@ApplicationScoped
public class ProfileFlow implements DialogueFlow {

    public static final String CODE = "pf";
    private static final DialogueDefinition DEFINITION = new DialogueDefinition(CODE, 1, ProfileQuestions.ALL,
            DialogueDefinition.inOrder(ProfileQuestions.ALL, answers -> "saved"), Duration.ofDays(7));

    private final ProfileService profiles;
    private final DialogueEngine engine;
    private final Event<SetUpFinished> finished;

    public ProfileFlow(ProfileService profiles, DialogueEngine engine, Event<SetUpFinished> finished) {
        this.profiles = profiles;
        this.engine = engine;
        this.finished = finished;
    }

    @Override
    public DialogueDefinition definition() {
        return DEFINITION;
    }

    /** Set-up counts its questions, and says what skipping one means. */
    @Override
    public String prompt(DialogueContext context, Question question, Texts texts) {
        String language = context.languageCode();
        String html = texts.get(language, "profile.heading", "position",
                String.valueOf(ProfileQuestions.ALL.indexOf(question) + 1), "count", String.valueOf(ProfileQuestions.ALL.size()))
                + "\n\n" + texts.get(language, question.promptKey());
        return ProfileQuestions.SKIP_NOTED.contains(question)
                ? html + " " + texts.get(language, "profile.skip." + question.id()) : html;
    }

    @Override
    public void finish(DialogueContext context, String outcome, Answers answers) {
        UserProfile profile = profiles.save(context.userId(), answers, true);
        engine.show(context, profiles.summary(profile, context.languageCode()));
        finished.fire(new SetUpFinished(context.below()));
    }
}
