package app.backcoach.command;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The command menu, in the order Telegram shows it. */
public enum CommandName {
    START, CHECKIN, TODAY, TRAVEL, STIFF, PROGRESS, SETTINGS, PAUSE, RESUME, PRIVACY, EXPORT, DELETE, HELP;

    /** The command as typed, without the slash. */
    public String command() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Key of the one-line description shown in Telegram's menu and in /help. */
    public String descriptionKey() {
        return "command." + command() + ".description";
    }

    public static Optional<CommandName> fromCommand(String command) {
        return Arrays.stream(values()).filter(name -> name.command().equals(command)).findFirst();
    }
}
