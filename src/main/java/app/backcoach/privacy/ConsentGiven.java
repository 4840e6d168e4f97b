package app.backcoach.privacy;

import app.backcoach.chat.DialogueContext;

/**
 * Fired in the update's transaction when a person agrees to the policy; set-up (onboarding) decides what
 * follows, so consent knows nothing of the screens after it.
 *
 * @param renewing whether they had agreed to an older version of the policy before
 */
public record ConsentGiven(DialogueContext context, boolean renewing) {
}
