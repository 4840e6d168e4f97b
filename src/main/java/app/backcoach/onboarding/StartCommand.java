package app.backcoach.onboarding;

import app.backcoach.chat.Command;
import app.backcoach.chat.CommandContext;
import app.backcoach.chat.CommandName;
import app.backcoach.chat.ShowHelpButton;
import app.backcoach.chat.DialogueContext;
import app.backcoach.chat.DialogueEngine;
import app.backcoach.privacy.ConsentFlow;
import app.backcoach.privacy.ConsentRenewal;
import app.backcoach.privacy.ConsentService;
import app.backcoach.profile.ProfileFlow;
import app.backcoach.profile.ProfileService;
import app.backcoach.safety.SafetyPause;
import app.backcoach.safety.SafetyScreen;
import app.backcoach.safety.SafetyScreenFlow;
import app.backcoach.sender.Keyboard;
import app.backcoach.sender.MessageSender;
import app.backcoach.user.UserService;
import app.backcoach.text.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** First contact: what the bot is for and what it is not, then set-up (consent, safety screen). */
@ApplicationScoped
public class StartCommand implements Command {

    private final MessageSender sender;
    private final Texts texts;
    private final ConsentService consent;
    private final DialogueEngine dialogues;
    private final UserService users;
    private final ProfileService profiles;
    private final SafetyPause pause;
    private final ConsentRenewal renewal;

    public StartCommand(MessageSender sender, Texts texts, ConsentService consent, DialogueEngine dialogues,
                        UserService users, ProfileService profiles, SafetyPause pause, ConsentRenewal renewal) {
        this.pause = pause;
        this.renewal = renewal;
        this.users = users;
        this.profiles = profiles;
        this.sender = sender;
        this.texts = texts;
        this.consent = consent;
        this.dialogues = dialogues;
    }

    @Override
    public CommandName name() {
        return CommandName.START;
    }

    @Override
    public void execute(CommandContext context) {
        sender.send(context.chatId(), texts.get(context.languageCode(), "start.welcome"),
                Keyboard.singleRow(ShowHelpButton.SHOW.button(texts.get(context.languageCode(), "start.button.help"))));
        users.recordStartPayload(context.userId(), context.arguments());
        DialogueContext dialogue = context.newMessage();
        // A red flag's advice comes before anything else; then set-up goes on where it stopped:
        // consent (again, when the policy changed), the safety screen, the profile.
        if (pause.remindIfPaused(context.chatId(), context.userId(), context.languageCode())
                || renewal.askIfPolicyChanged(dialogue)) {
            return;
        }
        Optional<SafetyScreen> screen = SafetyScreen.latest(context.userId());
        if (!consent.hasConsent(context.userId())) {
            dialogues.start(dialogue, ConsentFlow.CODE);
        } else if (screen.isEmpty()) {
            dialogues.start(dialogue, SafetyScreenFlow.CODE);
        } else if (profiles.find(context.userId()).isEmpty()) {
            dialogues.start(dialogue, ProfileFlow.CODE);
        }
    }
}
