package app.backcoach.profile;

/** Fired in the saving transaction whenever a profile is created or changed (times, zone, days). */
public record ProfileChanged(UserProfile profile) {
}
