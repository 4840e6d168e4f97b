package app.backcoach.settings;

import app.backcoach.command.Command;
import app.backcoach.command.CommandContext;
import app.backcoach.command.CommandName;
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
        menu.show(context.newMessage());
    }
}
