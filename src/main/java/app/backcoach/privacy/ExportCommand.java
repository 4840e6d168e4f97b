package app.backcoach.privacy;

import app.backcoach.chat.Command;
import app.backcoach.chat.CommandContext;
import app.backcoach.chat.CommandName;
import app.backcoach.sender.MessageSender;
import app.backcoach.text.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/** A JSON copy of everything stored about the user, sent as a document. */
@ApplicationScoped
public class ExportCommand implements Command {

    private final PersonalDataService personalData;
    private final MessageSender sender;
    private final Texts texts;
    private final Clock clock;
    private final PrivacyConfig config;

    public ExportCommand(PersonalDataService personalData, MessageSender sender, Texts texts, Clock clock,
                         PrivacyConfig config) {
        this.config = config;
        this.personalData = personalData;
        this.sender = sender;
        this.texts = texts;
        this.clock = clock;
    }

    @Override
    public CommandName name() {
        return CommandName.EXPORT;
    }

    @Override
    public void execute(CommandContext context) {
        String fileName = "back-coach-export-" + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) + ".json";
        sender.sendDocument(context.chatId(), fileName, personalData.export(context.userId()),
                caption(texts, context.languageCode(), config.exportFormatUrl()));
    }

    /** A link only where the operator published the format; otherwise the caption says honestly where it is. */
    static String caption(Texts texts, String language, Optional<String> formatUrl) {
        return formatUrl.filter(url -> url.startsWith("https://") || url.startsWith("http://"))
                .map(url -> texts.get(language, "export.caption.link", "url", url))
                .orElseGet(() -> texts.get(language, "export.caption"));
    }
}
