package app.backcoach.profile;

import app.backcoach.chat.Answers;
import app.backcoach.text.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

@ApplicationScoped
@Transactional
public class ProfileService {

    private final Clock clock;
    private final Texts texts;
    private final Event<ProfileChanged> changed;

    public ProfileService(Clock clock, Texts texts, Event<ProfileChanged> changed) {
        this.clock = clock;
        this.texts = texts;
        this.changed = changed;
    }

    public Optional<UserProfile> find(long userId) {
        return UserProfile.findByIdOptional(userId);
    }

    /** Saves answers: in set-up with defaults for what was skipped, in /settings only what was answered. */
    public UserProfile save(long userId, Answers answers, boolean fillDefaults) {
        UserProfile profile = UserProfile.<UserProfile>findByIdOptional(userId).orElseGet(() -> {
            UserProfile created = new UserProfile();
            created.telegramUserId = userId;
            ProfileQuestions.apply(created, Answers.none(), true);
            created.updatedAt = clock.instant();
            created.persist();
            return created;
        });
        ProfileQuestions.apply(profile, answers, fillDefaults);
        profile.updatedAt = clock.instant();
        changed.fire(new ProfileChanged(profile));
        return profile;
    }

    /** The person's calendar day now, in their time zone (UTC before set-up). */
    public LocalDate today(long userId) {
        return LocalDate.now(clock.withZone(zone(userId)));
    }

    /** The person's clock time now, in their time zone (UTC before set-up). */
    public LocalTime timeOfDay(long userId) {
        return LocalTime.now(clock.withZone(zone(userId)));
    }

    private ZoneId zone(long userId) {
        return find(userId).map(profile -> ZoneId.of(profile.timeZone)).orElse(ZoneOffset.UTC);
    }

    /** The end of set-up: the profile in words, and where to change it. */
    public String summary(UserProfile profile, String language) {
        return texts.get(language, "profile.summary", "details", details(profile, language));
    }

    /** The profile in words, a line per field. */
    public String details(UserProfile profile, String language) {
        return texts.get(language, "profile.details",
                "timezone", profile.timeZone,
                "checkin", clock(profile.checkinTime),
                "workdays", texts.get(language, "profile.workdays." + profile.workDays),
                "workhours", profile.workStart == null ? texts.get(language, "profile.workhours.irregular")
                        : clock(profile.workStart) + "–" + clock(profile.workEnd),
                "reminders", profile.reminderMinutes == 0 ? texts.get(language, "profile.reminders.off")
                        : texts.get(language, "profile.reminders." + profile.reminderMinutes),
                "quiet", clock(profile.quietStart) + "–" + clock(profile.quietEnd),
                "phase", texts.get(language, "profile.phase." + profile.phase),
                "equipment", texts.get(language, "profile.equipment." + profile.equipment),
                "length", texts.get(language, "profile.length." + profile.sessionMinutes),
                "review", texts.get(language, "profile.review." + (profile.reviewDay == null ? "off"
                        : profile.reviewDay + "-" + clock(profile.reviewTime).replace(":", ""))));
    }

    private static String clock(LocalTime time) {
        return String.format("%02d:%02d", time.getHour(), time.getMinute());
    }
}
