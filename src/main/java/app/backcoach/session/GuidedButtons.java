package app.backcoach.session;

import app.backcoach.conversation.ButtonAction;
import app.backcoach.conversation.Incoming;
import app.backcoach.dialogue.DialogueContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Taps on a guided card: {@code gs:<tap>.<plan>.<exercise>.<set>}. */
@ApplicationScoped
public class GuidedButtons implements ButtonAction {

    private static final Pattern ARGUMENT = Pattern.compile("([a-z]{3,6})\\.(\\d{1,18})\\.(\\d{1,2})\\.(\\d{1,2})");

    private final GuidedSessionService guided;

    public GuidedButtons(GuidedSessionService guided) {
        this.guided = guided;
    }

    @Override
    public String prefix() {
        return GuidedSessionService.PREFIX;
    }

    @Override
    public boolean accepts(String argument) {
        Matcher parts = ARGUMENT.matcher(argument);
        return parts.matches() && GuidedSteps.Tap.of(parts.group(1)).isPresent();
    }

    @Override
    public Optional<String> handle(Incoming.ButtonTap tap, String argument) {
        Matcher parts = ARGUMENT.matcher(argument);
        parts.matches();
        DialogueContext context = new DialogueContext(tap.chat().id(), tap.from().userId(), tap.from().languageCode(),
                tap.messageId());
        return guided.tap(context, GuidedSteps.Tap.of(parts.group(1)).orElseThrow(), Long.parseLong(parts.group(2)),
                Integer.parseInt(parts.group(3)), Integer.parseInt(parts.group(4)));
    }
}
