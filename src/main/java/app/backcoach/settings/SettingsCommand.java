package app.backcoach.settings;

import app.backcoach.command.Command;
import app.backcoach.command.CommandContext;
import app.backcoach.command.CommandName;
import app.backcoach.dialogue.DialogueContext;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class SettingsCommand implements Command {

    private final SettingsMenu menu;

    public SettingsCommand(SettingsMenu menu) {
        this.menu = menu;
    }

    @Override
    public CommandName name() {
        return CommandName.SETTINGS;
    }

    @Override
    public void execute(CommandContext context) {
        menu.show(new DialogueContext(context.chatId(), context.userId(), context.languageCode(), null));
    }
}
