package app.backcoach.chat;

/** One command of the menu. A feature adds its command by providing a bean of this type. */
public interface Command {

    CommandName name();

    void execute(CommandContext context);
}
