package app.backcoach.chat;

import app.backcoach.sender.MessageSender;
import app.backcoach.text.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The menu with what works today, and what is still on its way. */
@ApplicationScoped
public class HelpCommand implements Command {

    private final MessageSender sender;
    private final Texts texts;
    private final CommandContainer commands;

    public HelpCommand(MessageSender sender, Texts texts, CommandContainer commands) {
        this.sender = sender;
        this.texts = texts;
        this.commands = commands;
    }

    @Override
    public CommandName name() {
        return CommandName.HELP;
    }

    @Override
    public void execute(CommandContext context) {
        String language = context.languageCode();
        List<CommandName> all = Arrays.stream(CommandName.values()).filter(CommandName::inMenu).toList();
        String available = lines(language, all.stream().filter(commands::isAvailable).toList());
        List<CommandName> coming = all.stream().filter(name -> !commands.isAvailable(name)).toList();
        String text = texts.get(language, "help.available") + "\n" + available;
        if (!coming.isEmpty()) {
            text += "\n\n" + texts.get(language, "help.coming") + "\n" + lines(language, coming);
        }
        sender.send(context.chatId(), text + "\n\n" + texts.get(language, "help.footer"));
    }

    private String lines(String language, List<CommandName> names) {
        return names.stream()
                .map(name -> texts.get(language, "help.line", "command", "/" + name.command(),
                        "description", texts.get(language, name.descriptionKey())))
                .collect(Collectors.joining("\n"));
    }
}
