package app.backcoach.profile;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Pausing reminders and prompts for a while, or until /resume. */
@ApplicationScoped
@Transactional
public class PauseService {

    /** "Until I resume": far enough to outlive any plan, and still a valid DATETIME. */
    public static final Instant UNTIL_RESUMED = Instant.parse("9999-12-31T00:00:00Z");

    private final Clock clock;
    private final Event<ProfileChanged> changed;

    public PauseService(Clock clock, Event<ProfileChanged> changed) {
        this.clock = clock;
        this.changed = changed;
    }

    /** @return the end of the pause, or empty when there is no profile to pause */
    public Optional<Instant> pause(long userId, Duration length) {
        return UserProfile.<UserProfile>findByIdOptional(userId).map(profile -> {
            profile.pausedUntil = length == null ? UNTIL_RESUMED : clock.instant().plus(length);
            profile.updatedAt = clock.instant();
            changed.fire(new ProfileChanged(profile));
            return profile.pausedUntil;
        });
    }

    /** @return whether there was a pause to end */
    public boolean resume(long userId) {
        Optional<UserProfile> profile = UserProfile.<UserProfile>findByIdOptional(userId)
                .filter(p -> p.pausedUntil != null && p.pausedUntil.isAfter(clock.instant()));
        profile.ifPresent(p -> {
            p.pausedUntil = null;
            p.updatedAt = clock.instant();
            // Reminders planned past the pause come back to today's slots.
            changed.fire(new ProfileChanged(p));
        });
        return profile.isPresent();
    }
}
