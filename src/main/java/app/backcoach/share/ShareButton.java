package app.backcoach.share;

import app.backcoach.chat.ButtonAction;
import app.backcoach.chat.Incoming;
import app.backcoach.privacy.ConsentService;
import app.backcoach.profile.ProfileService;
import app.backcoach.sender.MessageSender;
import app.backcoach.text.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** "Create the report" under /share ({@code shr:make}): makes the PDF, sends it to the person only, logs it. */
@ApplicationScoped
@Transactional
public class ShareButton implements ButtonAction {

    static final String PREFIX = "shr";
    static final String MAKE = "make";

    private final ShareService shares;
    private final ConsentService consent;
    private final ProfileService profiles;
    private final MessageSender sender;
    private final Texts texts;

    public ShareButton(ShareService shares, ConsentService consent, ProfileService profiles, MessageSender sender,
                       Texts texts) {
        this.shares = shares;
        this.consent = consent;
        this.profiles = profiles;
        this.sender = sender;
        this.texts = texts;
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public boolean accepts(String argument) {
        return MAKE.equals(argument);
    }

    @Override
    public Optional<String> handle(Incoming.ButtonTap tap, String argument) {
        long userId = tap.from().userId();
        String language = tap.from().languageCode();
        if (!consent.hasConsent(userId)) {
            return Optional.of(texts.get(language, "callback.closed"));
        }
        ShareService.Created report = shares.create(userId, profiles.today(userId), language);
        if (tap.messageId() != null) {
            // One tap, one report: the button goes once it has done its work.
            sender.editKeyboard(tap.chat().id(), tap.messageId(), null);
        }
        sender.sendDocument(tap.chat().id(), report.fileName(), report.pdf(), texts.get(language, "share.caption",
                "from", report.period().date(report.period().from()), "to", report.period().date(report.period().to())));
        return Optional.empty();
    }
}
