package app.backcoach.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

@ApplicationScoped
@Transactional
public class UserService {

    private static final Logger LOG = Logger.getLogger(UserService.class);
    /** What Telegram allows in a deep-link payload. */
    private static final Pattern START_PAYLOAD = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final Clock clock;

    public UserService(Clock clock) {
        this.clock = clock;
    }

    /** Creates the user on first contact and keeps their Telegram language current. */
    public BotUser recordSeen(long telegramUserId, String languageCode) {
        Instant now = clock.instant();
        BotUser user = BotUser.<BotUser>findByIdOptional(telegramUserId).orElseGet(() -> {
            BotUser created = new BotUser();
            created.telegramUserId = telegramUserId;
            created.firstSeenAt = now;
            created.lastSeenAt = now;
            created.persist();
            return created;
        });
        user.lastSeenAt = now;
        if (languageCode != null && !languageCode.isBlank()) {
            user.languageCode = languageCode;
        }
        return user;
    }

    /** Keeps the first deep-link payload (t.me/bot?start=...), if it is one Telegram could have sent. */
    public void recordStartPayload(long telegramUserId, String payload) {
        if (payload == null || !START_PAYLOAD.matcher(payload).matches()) {
            return;
        }
        BotUser.<BotUser>findByIdOptional(telegramUserId)
                .filter(user -> user.startPayload == null)
                .ifPresent(user -> user.startPayload = payload);
    }

    /** null goes back to following Telegram's language. */
    public void setPreferredLanguage(long telegramUserId, String language) {
        BotUser.<BotUser>findByIdOptional(telegramUserId).ifPresent(user -> user.preferredLanguage = language);
    }

    /** From a 403 or a my_chat_member "kicked": send nothing more until they come back. */
    public void markBlocked(long telegramUserId) {
        BotUser.<BotUser>findByIdOptional(telegramUserId).ifPresent(user -> {
            if (user.blockedAt == null) {
                user.blockedAt = clock.instant();
                LOG.infof("User %d blocked the bot; sends stop", telegramUserId);
            }
        });
    }

    /** From a my_chat_member "member": the user restarted the bot. */
    public void markUnblocked(long telegramUserId) {
        BotUser user = recordSeen(telegramUserId, null);
        if (user.blockedAt != null) {
            user.blockedAt = null;
            LOG.infof("User %d is back; sends resume", telegramUserId);
        }
    }

    public boolean isBlocked(long chatId) {
        return BotUser.isChatBlocked(chatId);
    }
}
