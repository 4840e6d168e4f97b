package app.backcoach.profile;

import app.backcoach.personal.PersonalData;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

@ApplicationScoped
public class ProfilePersonalData implements PersonalData {

    record Profile(String timeZone, String checkinTime, String workDays, String workStart, String workEnd,
                   int reminderMinutes, String quietStart, String quietEnd, String phase, String equipment,
                   int sessionMinutes, Instant pausedUntil, Instant updatedAt) {
    }

    @Override
    public String section() {
        return "profile";
    }

    @Override
    public Object export(long userId) {
        return UserProfile.<UserProfile>findByIdOptional(userId)
                .map(p -> new Profile(p.timeZone, String.valueOf(p.checkinTime), p.workDays, str(p.workStart),
                        str(p.workEnd), p.reminderMinutes, String.valueOf(p.quietStart), String.valueOf(p.quietEnd),
                        p.phase, p.equipment, p.sessionMinutes, p.pausedUntil, p.updatedAt))
                .orElse(null);
    }

    @Override
    public void erase(long userId) {
        UserProfile.deleteById(userId);
    }

    private static String str(Object value) {
        return value == null ? null : value.toString();
    }
}
