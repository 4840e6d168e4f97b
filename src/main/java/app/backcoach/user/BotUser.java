package app.backcoach.user;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** A person who talked to the bot, keyed by Telegram user id (their private chat has the same id). */
@Entity
@Table(name = "bot_user")
public class BotUser extends PanacheEntityBase {

    @Id
    @Column(name = "telegram_user_id")
    public long telegramUserId;

    @Column(name = "language_code")
    public String languageCode;

    @Column(name = "first_seen_at", nullable = false)
    public Instant firstSeenAt;

    @Column(name = "last_seen_at", nullable = false)
    public Instant lastSeenAt;

    @Column(name = "blocked_at")
    public Instant blockedAt;

    /** The deep-link payload of the first /start, for attribution; never an identity. */
    @Column(name = "start_payload")
    public String startPayload;

    /** Chosen in /settings; null follows Telegram's language. */
    @Column(name = "preferred_language")
    public String preferredLanguage;

    /** When /delete asked "erase everything?" and the question is still open; only then may it be answered. */
    @Column(name = "erase_asked_at")
    public Instant eraseAskedAt;

    /** The language to answer in. */
    public String language() {
        return preferredLanguage != null ? preferredLanguage : languageCode;
    }

    public boolean isBlocked() {
        return blockedAt != null;
    }

    public static Optional<BotUser> findByTelegramId(long telegramUserId) {
        return findByIdOptional(telegramUserId);
    }
}
