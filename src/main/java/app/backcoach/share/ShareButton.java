package app.backcoach.share;

import app.backcoach.chat.ButtonAction;
import app.backcoach.chat.Incoming;
import app.backcoach.privacy.ConsentService;
import app.backcoach.profile.ProfileService;
import app.backcoach.sender.MessageSender;
import app.backcoach.text.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** "Create the report" under /share ({@code shr:make}): makes the PDF, sends it to the person only, logs it. */
@ApplicationScoped
@Transactional
public class ShareButton implements ButtonAction {

    static final String PREFIX = "shr";
    static final String MAKE = "make";
    /** Taps this close to a report made before are the same wish. */
    static final Duration DOUBLE_TAP = Duration.ofSeconds(30);

    private final ShareService shares;
    private final ConsentService consent;
    private final ProfileService profiles;
    private final MessageSender sender;
    private final Texts texts;
    private final Clock clock;

    public ShareButton(ShareService shares, ConsentService consent, ProfileService profiles, MessageSender sender,
                       Texts texts, Clock clock) {
        this.shares = shares;
        this.consent = consent;
        this.profiles = profiles;
        this.sender = sender;
        this.texts = texts;
        this.clock = clock;
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
        // A double tap reaches us before the first answer removed the button: one report is enough.
        Instant recently = clock.instant().minus(DOUBLE_TAP);
        if (ShareLog.of(userId).stream().anyMatch(share -> share.createdAt.isAfter(recently))) {
            return Optional.of(texts.get(language, "share.already-made"));
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
