package app.backcoach.share;

import app.backcoach.chat.Command;
import app.backcoach.chat.CommandContext;
import app.backcoach.chat.CommandName;
import app.backcoach.chat.CallbackData;
import app.backcoach.sender.Html;
import app.backcoach.privacy.ConsentService;
import app.backcoach.profile.ProfileService;
import app.backcoach.sender.Keyboard;
import app.backcoach.sender.MessageSender;
import app.backcoach.text.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;

/**
 * /share: says what the report for a clinician contains and over which days, with one button that
 * makes it. Nothing is made or sent before that tap.
 */
@ApplicationScoped
public class ShareCommand implements Command {

    private final ShareService shares;
    private final ConsentService consent;
    private final ProfileService profiles;
    private final MessageSender sender;
    private final Texts texts;

    public ShareCommand(ShareService shares, ConsentService consent, ProfileService profiles, MessageSender sender,
                        Texts texts) {
        this.shares = shares;
        this.consent = consent;
        this.profiles = profiles;
        this.sender = sender;
        this.texts = texts;
    }

    @Override
    public CommandName name() {
        return CommandName.SHARE;
    }

    @Override
    public void execute(CommandContext context) {
        String language = context.languageCode();
        if (!consent.hasConsent(context.userId())) {
            sender.send(context.chatId(), texts.get(language, "share.no-consent"));
            return;
        }
        LocalDate today = profiles.today(context.userId());
        ReportPeriod period = ReportPeriod.endingOn(today, language, ShareService.zone(context.userId()));
        StringBuilder contents = new StringBuilder();
        for (ReportSection section : shares.sections()) {
            contents.append("\n• ").append(Html.escape(section.title(language)));
        }
        sender.send(context.chatId(), texts.get(language, "share.offer", "from", period.date(period.from()),
                        "to", period.date(period.to())) + contents + "\n\n" + texts.get(language, "share.offer.after"),
                Keyboard.singleRow(new CallbackData(ShareButton.PREFIX, ShareButton.MAKE)
                        .button(texts.get(language, "share.button.make"))));
    }
}
