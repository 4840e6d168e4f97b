package app.backcoach.privacy;

import app.backcoach.command.Command;
import app.backcoach.command.CommandContext;
import app.backcoach.command.CommandName;
import app.backcoach.sender.MessageSender;
import app.backcoach.text.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** A JSON copy of everything stored about the user, sent as a document. */
@ApplicationScoped
public class ExportCommand implements Command {

    private final PersonalDataService personalData;
    private final MessageSender sender;
    private final Texts texts;
    private final Clock clock;

    public ExportCommand(PersonalDataService personalData, MessageSender sender, Texts texts, Clock clock) {
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
                texts.get(context.languageCode(), "export.caption"));
    }
}
