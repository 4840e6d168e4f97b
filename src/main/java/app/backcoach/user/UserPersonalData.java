package app.backcoach.user;

import app.backcoach.personal.PersonalData;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;

@ApplicationScoped
public class UserPersonalData implements PersonalData {

    record Profile(long telegramUserId, String languageCode, Instant firstSeenAt, Instant lastSeenAt,
                   Instant blockedAt, String startPayload, String preferredLanguage, Instant eraseAskedAt) {
    }

    @Override
    public String section() {
        return "user";
    }

    @Override
    public Object export(long userId) {
        Optional<BotUser> user = BotUser.findByTelegramId(userId);
        return user.map(u -> new Profile(u.telegramUserId, u.languageCode, u.firstSeenAt, u.lastSeenAt, u.blockedAt,
                        u.startPayload, u.preferredLanguage, u.eraseAskedAt))
                .orElse(null);
    }

    @Override
    public void erase(long userId) {
        // Through the entity manager, so an instance loaded earlier in this transaction goes too.
        BotUser.deleteById(userId);
    }
}
