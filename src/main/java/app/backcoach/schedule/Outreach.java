package app.backcoach.schedule;

import app.backcoach.privacy.ConsentService;
import app.backcoach.profile.UserProfile;
import app.backcoach.user.BotUser;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether the bot may write to someone who did not just write to it: they consented, did not
 * block the bot, and did not pause. Every scheduled message asks this first.
 */
@ApplicationScoped
public class Outreach {

    private final ConsentService consent;

    public Outreach(ConsentService consent) {
        this.consent = consent;
    }

    /**
     * The person's language when they could be contacted now but for consent given to an older policy (they are
     * asked again), empty otherwise.
     */
    public Optional<String> mayAskToRenewConsent(UserProfile profile, Instant now) {
        if (profile.pausedUntil != null && profile.pausedUntil.isAfter(now)
                || !consent.needsRenewal(profile.telegramUserId)) {
            return Optional.empty();
        }
        return BotUser.findByTelegramId(profile.telegramUserId).filter(user -> !user.isBlocked())
                .map(user -> user.language() == null ? "en" : user.language());
    }

    /** The person's language when they may be contacted now, empty otherwise. */
    public Optional<String> mayContact(UserProfile profile, Instant now) {
        if (profile.pausedUntil != null && profile.pausedUntil.isAfter(now)) {
            return Optional.empty();
        }
        Optional<BotUser> user = BotUser.findByTelegramId(profile.telegramUserId);
        if (user.isEmpty() || user.get().isBlocked() || !consent.hasConsent(profile.telegramUserId)) {
            return Optional.empty();
        }
        return Optional.of(user.get().language() == null ? "en" : user.get().language());
    }
}
