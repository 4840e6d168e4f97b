package app.backcoach.chat;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The commands, the menu ones in the order Telegram shows them. */
public enum CommandName {
    START, CHECKIN, TODAY, WHY, TRAVEL, STIFF, FLARE, PROGRESS, SHARE, LEARN, SETTINGS, PAUSE, RESUME, PRIVACY, EXPORT, DELETE, HELP,
    /** Leaves any dialogue; understood everywhere, so it needs no place in the menu. */
    CANCEL(false);

    private final boolean inMenu;

    CommandName() {
        this(true);
    }

    CommandName(boolean inMenu) {
        this.inMenu = inMenu;
    }

    public boolean inMenu() {
        return inMenu;
    }

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
