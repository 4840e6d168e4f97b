package app.backcoach.profile;

import app.backcoach.chat.DialogueContext;

/** Fired in the update's transaction when set-up has saved the profile; the check-in follows it. */
public record SetUpFinished(DialogueContext below) {
}
