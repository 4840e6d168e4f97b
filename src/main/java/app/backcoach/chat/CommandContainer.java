package app.backcoach.chat;

import app.backcoach.sender.MessageSender;
import app.backcoach.text.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Looks commands up by name. Menu entries without an implementation answer honestly that they are
 * coming; the answer disappears by itself when a feature registers its {@link Command}.
 */
@ApplicationScoped
public class CommandContainer {

    private final Map<CommandName, Command> commands;
    private final MessageSender sender;
    private final Texts texts;

    public CommandContainer(Instance<Command> available, MessageSender sender, Texts texts) {
        this.commands = available.stream().collect(Collectors.toMap(Command::name, Function.identity(),
                (a, b) -> {
                    throw new IllegalStateException("Two implementations of /" + a.name().command());
                },
                () -> new EnumMap<>(CommandName.class)));
        this.sender = sender;
        this.texts = texts;
    }

    public boolean isAvailable(CommandName name) {
        return commands.containsKey(name);
    }

    /** Runs {@code /command}; {@code command} is lower case without slash or @bot suffix. */
    public void execute(String command, CommandContext context) {
        CommandName.fromCommand(command).ifPresentOrElse(
                name -> {
                    Command implementation = commands.get(name);
                    if (implementation != null) {
                        implementation.execute(context);
                    } else {
                        reply(context, "command.coming-soon", name.command());
                    }
                },
                () -> reply(context, "command.unknown", command));
    }

    private void reply(CommandContext context, String key, String command) {
        sender.send(context.chatId(), texts.get(context.languageCode(), key, "command", "/" + command));
    }
}
