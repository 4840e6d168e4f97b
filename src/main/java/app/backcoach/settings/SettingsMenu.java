package app.backcoach.settings;

import app.backcoach.conditions.ConditionsEditor;
import app.backcoach.conditions.ConditionsService;
import app.backcoach.chat.ButtonAction;
import app.backcoach.chat.CallbackData;
import app.backcoach.chat.Incoming;
import app.backcoach.chat.DialogueContext;
import app.backcoach.chat.DialogueEngine;
import app.backcoach.chat.Question;
import app.backcoach.privacy.ConsentService;
import app.backcoach.privacy.WithdrawConsentButton;
import app.backcoach.profile.ProfileService;
import app.backcoach.profile.UserProfile;
import app.backcoach.sender.Keyboard;
import app.backcoach.sender.MessageSender;
import app.backcoach.text.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The /settings menu: the profile in words, a button per field; a tap opens that field's question in place. */
@ApplicationScoped
public class SettingsMenu implements ButtonAction {

    static final String PREFIX = "set";

    private final ProfileService profiles;
    private final DialogueEngine dialogues;
    private final MessageSender sender;
    private final Texts texts;
    private final ConsentService consent;
    private final ConditionsService conditions;

    public SettingsMenu(ProfileService profiles, DialogueEngine dialogues, MessageSender sender, Texts texts,
                        ConsentService consent, ConditionsService conditions) {
        this.conditions = conditions;
        this.consent = consent;
        this.profiles = profiles;
        this.dialogues = dialogues;
        this.sender = sender;
        this.texts = texts;
    }

    /** Shows the menu: in place when the context has a message, else as a new one. */
    public void show(DialogueContext context) {
        String language = context.languageCode();
        Optional<UserProfile> profile = profiles.find(context.userId());
        if (profile.isEmpty()) {
            sender.send(context.chatId(), texts.get(language, "settings.no-profile"));
            return;
        }
        String html = texts.get(language, "settings.title") + "\n\n" + profiles.details(profile.get(), language);
        if (consent.hasConsent(context.userId())) {
            html += "\n\n" + texts.get(language, "conditions.settings") + "\n"
                    + conditions.describe(context.userId(), profiles.today(context.userId()), language);
        }
        List<List<Keyboard.Button>> rows = new ArrayList<>();
        List<Keyboard.Button> row = new ArrayList<>();
        for (Question field : SettingsFlow.FIELDS) {
            row.add(new CallbackData(PREFIX, field.id()).button(texts.get(language, "settings.field." + field.id())));
            if (row.size() == 2) {
                rows.add(row);
                row = new ArrayList<>();
            }
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        if (consent.hasConsent(context.userId())) {
            rows.add(List.of(ConditionsEditor.openButton(texts, language)));
            rows.add(List.of(WithdrawConsentButton.button(texts, language)));
        }
        sender.replace(context.chatId(), context.messageId(), html, Keyboard.of(rows));
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public boolean accepts(String argument) {
        return SettingsFlow.FIELDS.stream().anyMatch(field -> field.id().equals(argument));
    }

    @Override
    public Optional<String> handle(Incoming.ButtonTap tap, String argument) {
        DialogueContext context = new DialogueContext(tap.chat().id(), tap.from().userId(),
                tap.from().languageCode(), tap.messageId());
        if (profiles.find(context.userId()).isEmpty()) {
            return Optional.of(texts.get(context.languageCode(), "callback.closed"));
        }
        dialogues.start(context, SettingsFlow.CODE, argument);
        return Optional.empty();
    }
}
