package app.backcoach.day;

import app.backcoach.chat.ButtonAction;
import app.backcoach.chat.CallbackData;
import app.backcoach.chat.Incoming;
import app.backcoach.profile.ProfileService;
import app.backcoach.profile.UserProfile;
import app.backcoach.sender.Keyboard;
import app.backcoach.sender.MessageSender;
import app.backcoach.text.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Fluency: after four weeks of regular check-ins the person may choose the day's version
 * themselves; the bot then only checks safety (a red flag or pain of 7 or more still decides).
 */
@ApplicationScoped
@Transactional
public class SelfAdjust implements ButtonAction {

    /** Four weeks, with check-ins on at least this many of their days. */
    static final int WEEKS = 4;
    static final int REGULAR_DAYS = 20;
    private static final String PREFIX = "self";

    private final ProfileService profiles;
    private final MessageSender sender;
    private final Texts texts;
    private final Clock clock;

    public SelfAdjust(ProfileService profiles, MessageSender sender, Texts texts, Clock clock) {
        this.profiles = profiles;
        this.sender = sender;
        this.texts = texts;
        this.clock = clock;
    }

    /** Whether someone has checked in regularly for four weeks. */
    static boolean earned(long userId, LocalDate today) {
        long completed = DailyCheckin.between(userId, today.minusDays(WEEKS * 7L - 1), today.plusDays(1)).stream()
                .filter(checkin -> checkin.completedAt != null).count();
        Optional<DailyCheckin> first = DailyCheckin.find("telegramUserId = ?1 order by localDate", userId)
                .firstResultOptional();
        boolean longEnough = first.filter(checkin -> !checkin.localDate.isAfter(today.minusDays(WEEKS * 7L - 1)))
                .isPresent();
        return completed >= REGULAR_DAYS && longEnough;
    }

    /** Offered once, after the check-in that completes four regular weeks. */
    void maybeOffer(long chatId, UserProfile profile, String language) {
        if (profile.selfAdjust || profile.selfAdjustOfferedAt != null
                || !earned(profile.telegramUserId, profiles.today(profile.telegramUserId))) {
            return;
        }
        profile.selfAdjustOfferedAt = clock.instant();
        sender.send(chatId, texts.get(language, "self-adjust.offer"), Keyboard.singleRow(
                new CallbackData(PREFIX, "on").button(texts.get(language, "self-adjust.button.on")),
                new CallbackData(PREFIX, "off").button(texts.get(language, "self-adjust.button.off"))));
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public boolean accepts(String argument) {
        return argument.equals("on") || argument.equals("off");
    }

    @Override
    public Optional<String> handle(Incoming.ButtonTap tap, String argument) {
        String language = tap.from().languageCode();
        Optional<UserProfile> profile = profiles.find(tap.from().userId());
        if (profile.isEmpty()) {
            return Optional.of(texts.get(language, "callback.closed"));
        }
        profile.get().selfAdjust = argument.equals("on");
        sender.editKeyboard(tap.chat().id(), tap.messageId(), null);
        sender.send(tap.chat().id(), texts.get(language, "self-adjust." + argument));
        return Optional.empty();
    }
}
