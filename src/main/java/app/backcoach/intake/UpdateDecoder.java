package app.backcoach.intake;

import app.backcoach.chat.Incoming;

/** Turns a stored platform update into the bot's own terms; the Telegram adapter implements it. */
public interface UpdateDecoder {

    Incoming decode(String payload);
}
