package app.backcoach.review;

import app.backcoach.chat.Command;
import app.backcoach.chat.CommandContext;
import app.backcoach.chat.CommandName;
import app.backcoach.privacy.ConsentRenewal;
import app.backcoach.privacy.ConsentService;
import app.backcoach.sender.MessageSender;
import app.backcoach.text.Texts;
import jakarta.enterprise.context.ApplicationScoped;

/** /progress: the week at a glance, on demand. */
@ApplicationScoped
public class ProgressCommand implements Command {

    private final ReviewService reviews;
    private final ConsentService consent;
    private final MessageSender sender;
    private final Texts texts;
    private final ConsentRenewal renewal;

    public ProgressCommand(ReviewService reviews, ConsentService consent, MessageSender sender, Texts texts,
                           ConsentRenewal renewal) {
        this.renewal = renewal;
        this.reviews = reviews;
        this.consent = consent;
        this.sender = sender;
        this.texts = texts;
    }

    @Override
    public CommandName name() {
        return CommandName.PROGRESS;
    }

    @Override
    public void execute(CommandContext context) {
        if (renewal.askIfPolicyChanged(context.newMessage())) {
            return;
        }
        if (!consent.hasConsent(context.userId())) {
            sender.send(context.chatId(), texts.get(context.languageCode(), "review.nothing-yet"));
            return;
        }
        reviews.send(context.chatId(), context.userId(), context.languageCode());
    }
}
