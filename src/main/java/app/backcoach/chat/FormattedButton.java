package app.backcoach.chat;

import java.util.Optional;

/**
 * A button action whose data has a declared {@link ButtonFormat}: the prefix, the check that a tap is
 * one of ours and the reading of its fields all come from the format.
 */
public interface FormattedButton extends ButtonAction {

    ButtonFormat format();

    /** Handles a tap whose data fits the format (and passed the router's checks). */
    Optional<String> handle(Incoming.ButtonTap tap, ButtonFormat.Values values);

    @Override
    default String prefix() {
        return format().prefix();
    }

    @Override
    default boolean accepts(String argument) {
        return format().read(argument).isPresent();
    }

    @Override
    default Optional<String> handle(Incoming.ButtonTap tap, String argument) {
        return handle(tap, format().read(argument).orElseThrow());
    }
}
