package app.backcoach.settings;

import app.backcoach.chat.Command;
import app.backcoach.chat.CommandContext;
import app.backcoach.chat.CommandName;
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
