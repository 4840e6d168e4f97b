package app.backcoach.day;

import app.backcoach.personal.PersonalData;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Check-ins are health data: exported, and erased on /delete and when consent is withdrawn. */
@ApplicationScoped
public class CheckinPersonalData implements PersonalData {

    record Checkin(String date, Integer pain, String stiffness, Integer confidence, String sleep, String yesterday,
                   String leg, String dayType, Instant completedAt) {
    }

    @Override
    public String section() {
        return "checkins";
    }

    @Override
    public Object export(long userId) {
        List<DailyCheckin> checkins = DailyCheckin.list("telegramUserId = ?1 order by localDate", userId);
        return checkins.stream().map(c -> new Checkin(c.localDate.toString(), c.pain, c.stiffness, c.confidence,
                c.sleep, c.yesterday, c.leg, c.dayType, c.completedAt)).toList();
    }

    @Override
    public boolean isHealthData() {
        return true;
    }

    @Override
    public void erase(long userId) {
        DailyCheckin.delete("telegramUserId", userId);
    }
}
