package app.backcoach.day;

import static app.backcoach.chat.ButtonFormat.count;
import static app.backcoach.chat.ButtonFormat.id;
import static app.backcoach.chat.ButtonFormat.word;

import app.backcoach.chat.ButtonFormat;
import app.backcoach.chat.DialogueContext;
import app.backcoach.chat.FormattedButton;
import app.backcoach.chat.Incoming;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.Optional;

/** Taps on a guided card: {@code gs:<tap>.<plan>.<exercise>.<set>}. */
@ApplicationScoped
public class GuidedButtons implements FormattedButton {

    static final ButtonFormat FORMAT = ButtonFormat.of(GuidedSessionService.PREFIX,
            word(Arrays.stream(GuidedSteps.Tap.values()).map(GuidedSteps.Tap::code).toArray(String[]::new)),
            id(), count(), count());

    private final GuidedSessionService guided;

    public GuidedButtons(GuidedSessionService guided) {
        this.guided = guided;
    }

    @Override
    public ButtonFormat format() {
        return FORMAT;
    }

    @Override
    public Optional<String> handle(Incoming.ButtonTap tap, ButtonFormat.Values parts) {
        DialogueContext context = new DialogueContext(tap.chat().id(), tap.from().userId(), tap.from().languageCode(),
                tap.messageId());
        return guided.tap(context, GuidedSteps.Tap.of(parts.word(0)).orElseThrow(), parts.id(1), parts.count(2),
                parts.count(3));
    }
}
