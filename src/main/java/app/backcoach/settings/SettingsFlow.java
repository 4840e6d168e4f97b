package app.backcoach.settings;

import app.backcoach.chat.Answers;
import app.backcoach.chat.DialogueContext;
import app.backcoach.chat.DialogueDefinition;
import app.backcoach.chat.DialogueFlow;
import app.backcoach.chat.Question;
import app.backcoach.profile.ProfileQuestions;
import app.backcoach.profile.ProfileService;
import app.backcoach.text.Texts;
import app.backcoach.user.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One setting at a time: the /settings menu opens the question for a field in the same message,
 * the answer is saved, and the menu comes back in place. Skip keeps the current value.
 *
 * <pre>{@code
 * stateDiagram-v2
 *   [*] --> menu: /settings
 *   menu --> field: tap a field (timezone, checkin, …, language)
 *   field --> menu: answer saved, or skip (nothing changes)
 *   menu --> [*]
 * }</pre>
 */
@ApplicationScoped
public class SettingsFlow implements DialogueFlow {

    public static final String CODE = "st";
    static final Question LANGUAGE = new Question("language", "settings.q.language", List.of(
            new Question.Choice("en", "settings.language.en"), new Question.Choice("de", "settings.language.de"),
            new Question.Choice("auto", "settings.language.auto")), true);
    static final List<Question> FIELDS = fields();
    private static final DialogueDefinition DEFINITION = new DialogueDefinition(CODE, 1, FIELDS,
            (answered, answers) -> new DialogueDefinition.Next.End("saved"), Duration.ofHours(1));

    private final ProfileService profiles;
    private final UserService users;
    private final SettingsMenu menu;

    public SettingsFlow(ProfileService profiles, UserService users, SettingsMenu menu) {
        this.profiles = profiles;
        this.users = users;
        this.menu = menu;
    }

    @Override
    public DialogueDefinition definition() {
        return DEFINITION;
    }

    /** One field on its own: no set-up count, and skipping keeps what is set now. */
    @Override
    public String prompt(DialogueContext context, Question question, Texts texts) {
        return texts.get(context.languageCode(), question.promptKey()) + "\n\n"
                + texts.get(context.languageCode(), "settings.skip-keeps");
    }

    @Override
    public void finish(DialogueContext context, String outcome, Answers answers) {
        String language = context.languageCode();
        if (answers.get(LANGUAGE.id()).isPresent()) {
            String chosen = answers.get(LANGUAGE.id()).get();
            users.setPreferredLanguage(context.userId(), chosen.equals("auto") ? null : chosen);
            language = users.recordSeen(context.userId(), null).language();
        } else {
            profiles.save(context.userId(), answers, false);
        }
        menu.show(new DialogueContext(context.chatId(), context.userId(), language, context.messageId()));
    }

    private static List<Question> fields() {
        List<Question> fields = new ArrayList<>(ProfileQuestions.ALL);
        fields.addAll(ProfileQuestions.SETTINGS_ONLY);
        fields.add(LANGUAGE);
        return List.copyOf(fields);
    }
}
