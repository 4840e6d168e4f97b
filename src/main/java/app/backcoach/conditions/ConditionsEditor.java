package app.backcoach.conditions;

import app.backcoach.catalogue.Restriction;
import app.backcoach.chat.ButtonAction;
import app.backcoach.chat.CallbackData;
import app.backcoach.chat.Incoming;
import app.backcoach.chat.DialogueContext;
import app.backcoach.privacy.ConsentService;
import app.backcoach.profile.ProfileService;
import app.backcoach.sender.Keyboard;
import app.backcoach.sender.MessageSender;
import app.backcoach.text.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recording the conditions a clinician set, in one message: a toggle per restriction, an end date
 * (2, 4 or 6 weeks, or none), done, and "no conditions". Offered right after a clearance and reachable
 * from /settings. Each tap is stored at once and the message redrawn, so there is no half-saved state;
 * {@code cnd:<action>}: {@code open}, {@code t.<restriction>}, {@code u.<weeks>}, {@code done}, {@code none}.
 *
 * <pre>{@code
 * stateDiagram-v2
 *   [*] --> editing: cleared by a clinician, or /settings → conditions
 *   editing --> editing: toggle a condition, pick an end date
 *   editing --> [*]: done (what is in force, in words)
 *   editing --> [*]: no conditions (cleared)
 * }</pre>
 */
@ApplicationScoped
@Transactional
public class ConditionsEditor implements ButtonAction {

    static final String PREFIX = "cnd";
    private static final Pattern ARGUMENT = Pattern.compile("open|done|none|t\\.([a-z-]{1,30})|u\\.(0|2|4|6)");

    private final ConditionsService conditions;
    private final ConsentService consent;
    private final ProfileService profiles;
    private final MessageSender sender;
    private final Texts texts;

    public ConditionsEditor(ConditionsService conditions, ConsentService consent, ProfileService profiles,
                            MessageSender sender, Texts texts) {
        this.conditions = conditions;
        this.consent = consent;
        this.profiles = profiles;
        this.sender = sender;
        this.texts = texts;
    }

    /** The button that opens the editor (in /settings). */
    public static Keyboard.Button openButton(Texts texts, String language) {
        return new CallbackData(PREFIX, "open").button(texts.get(language, "conditions.button.open"));
    }

    /** After a clearance: asks, in a new message, whether the clinician set conditions. */
    public void offer(DialogueContext context) {
        show(context.below(), texts.get(context.languageCode(), "conditions.offer"));
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public boolean accepts(String argument) {
        Matcher matcher = ARGUMENT.matcher(argument);
        return matcher.matches() && (matcher.group(1) == null || Restriction.of(matcher.group(1)).isPresent());
    }

    @Override
    public Optional<String> handle(Incoming.ButtonTap tap, String argument) {
        long userId = tap.from().userId();
        String language = tap.from().languageCode();
        DialogueContext context = new DialogueContext(tap.chat().id(), userId, language, tap.messageId());
        if (!consent.hasConsent(userId)) {
            // Conditions are health data: none is stored without consent.
            return Optional.of(texts.get(language, "callback.closed"));
        }
        LocalDate today = profiles.today(userId);
        if (argument.startsWith("t.")) {
            conditions.toggle(userId, Restriction.of(argument.substring(2)).orElseThrow());
        } else if (argument.startsWith("u.")) {
            conditions.until(userId, Integer.parseInt(argument.substring(2)), today);
        } else if (argument.equals("done")) {
            sender.replace(context.chatId(), context.messageId(), texts.get(language, "conditions.saved")
                    + "\n" + conditions.describe(userId, today, language), null);
            return Optional.empty();
        } else if (argument.equals("none")) {
            conditions.clear(userId);
            sender.replace(context.chatId(), context.messageId(), texts.get(language, "conditions.cleared"),
                    null);
            return Optional.empty();
        }
        show(context, texts.get(language, "conditions.intro"));
        return Optional.empty();
    }

    /** The editor: the intro, what is set now, a row per condition, the end dates, done and none. */
    private void show(DialogueContext context, String intro) {
        String language = context.languageCode();
        Optional<ClearanceConditions> stored = conditions.find(context.userId());
        Set<Restriction> set = stored.map(ClearanceConditions::restrictionSet).orElse(Set.of());
        LocalDate until = stored.map(c -> c.untilDate).orElse(null);
        String html = intro + "\n\n" + (set.isEmpty() ? texts.get(language, "conditions.none")
                : conditions.describe(context.userId(), profiles.today(context.userId()), language));
        List<List<Keyboard.Button>> rows = new ArrayList<>();
        for (Restriction restriction : Restriction.values()) {
            String mark = set.contains(restriction) ? "✅ " : "⬜ ";
            rows.add(List.of(new CallbackData(PREFIX, "t." + restriction.code()).button(mark
                    + texts.get(language, "conditions.restriction." + restriction.code()))));
        }
        List<Keyboard.Button> weeks = new ArrayList<>();
        for (int week : ConditionsService.WEEKS) {
            weeks.add(new CallbackData(PREFIX, "u." + week).button(texts.get(language, "conditions.button.weeks",
                    "weeks", String.valueOf(week))));
        }
        weeks.add(new CallbackData(PREFIX, "u.0").button((until == null ? "✅ " : "")
                + texts.get(language, "conditions.button.no-end")));
        rows.add(weeks);
        rows.add(List.of(new CallbackData(PREFIX, "done").button(texts.get(language, "conditions.button.done")),
                new CallbackData(PREFIX, "none").button(texts.get(language, "conditions.button.none"))));
        sender.replace(context.chatId(), context.messageId(), html, Keyboard.of(rows));
    }
}
