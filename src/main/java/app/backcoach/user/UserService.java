package app.backcoach.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

@ApplicationScoped
@Transactional
public class UserService {

    private static final Logger LOG = Logger.getLogger(UserService.class);
    /** What Telegram allows in a deep-link payload. */
    private static final Pattern START_PAYLOAD = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    /** An IETF language tag as Telegram sends it ("en", "pt-br"), within the column's 16 characters. */
    private static final Pattern LANGUAGE_CODE = Pattern.compile("(?=.{2,16}$)[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");

    /** How exactly last_seen_at follows a person's updates. */
    static final Duration LAST_SEEN_PRECISION = Duration.ofMinutes(1);

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
        // To the minute: set on every update it cost an UPDATE per update, for a time only /export shows.
        if (!now.isBefore(user.lastSeenAt.plus(LAST_SEEN_PRECISION))) {
            user.lastSeenAt = now;
        }
        // Anything else (a 35-character code, say) is not a language we could answer in: keep what we had.
        if (languageCode != null && LANGUAGE_CODE.matcher(languageCode).matches()) {
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

    /** Whether the person is known: everyone who was ever sent a button is, until they erase their data. */
    public boolean exists(long telegramUserId) {
        // By id, not a count: the row then stays in the transaction's session, where recordSeen finds it.
        return BotUser.findById(telegramUserId) != null;
    }

    /** /delete asked its question: from now on (until answered) it may be answered. */
    public void eraseAsked(long telegramUserId) {
        BotUser.<BotUser>findByIdOptional(telegramUserId).ifPresent(user -> user.eraseAskedAt = clock.instant());
    }

    /**
     * Takes the answer to /delete's question if it is open, closing it.
     *
     * @return false when no question is open (answered already, or never asked)
     */
    public boolean takeEraseAnswer(long telegramUserId) {
        return BotUser.<BotUser>findByIdOptional(telegramUserId)
                .filter(user -> user.eraseAskedAt != null)
                .map(user -> {
                    user.eraseAskedAt = null;
                    return true;
                })
                .orElse(false);
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
        // By id: while an update is handled the person is in the session already (recordSeen), so no query.
        return BotUser.<BotUser>findByIdOptional(chatId).map(BotUser::isBlocked).orElse(false);
    }
}
