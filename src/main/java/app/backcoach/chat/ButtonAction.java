package app.backcoach.chat;

import java.util.Optional;

/** What a tapped inline button does. A feature adds buttons by providing a bean of this type. */
public interface ButtonAction {

    /** The callback data prefix this action owns (see {@link CallbackData}). */
    String prefix();

    /** Whether the argument is one this action gave out; anything else is treated as a closed question. */
    boolean accepts(String argument);

    /**
     * Handles a tap that passed the router's checks (a private chat, tapped by its own user).
     *
     * @return a short toast for the tapped button, if any
     */
    Optional<String> handle(Incoming.ButtonTap tap, String argument);
}
