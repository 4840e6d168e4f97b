package app.backcoach.chat;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** The "What can you do?" button under the welcome: the same answer as /help. */
@ApplicationScoped
public class ShowHelpButton implements ButtonAction {

    public static final CallbackData SHOW = new CallbackData("help", "show");

    private final HelpCommand help;

    public ShowHelpButton(HelpCommand help) {
        this.help = help;
    }

    @Override
    public String prefix() {
        return SHOW.prefix();
    }

    @Override
    public boolean accepts(String argument) {
        return SHOW.argument().equals(argument);
    }

    @Override
    public Optional<String> handle(Incoming.ButtonTap tap, String argument) {
        help.execute(new CommandContext(tap.chat().id(), tap.from().userId(), tap.from().languageCode(), ""));
        return Optional.empty();
    }
}
