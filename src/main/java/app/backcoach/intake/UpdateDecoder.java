package app.backcoach.intake;

import app.backcoach.conversation.Incoming;

/** Turns a stored platform update into the bot's own terms; the Telegram adapter implements it. */
public interface UpdateDecoder {

    Incoming decode(String payload);
}
