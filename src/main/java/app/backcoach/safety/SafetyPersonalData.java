package app.backcoach.safety;

import app.backcoach.privacy.PersonalData;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class SafetyPersonalData implements PersonalData {

    record Screen(String outcome, String source, String answers, Instant screenedAt, Instant clearanceAskedAt,
                  Instant clinicianClearedAt) {
    }

    @Override
    public String section() {
        return "safetyScreens";
    }

    @Override
    public Object export(long userId) {
        List<SafetyScreen> screens = SafetyScreen.list("telegramUserId = ?1 order by screenedAt, id", userId);
        return screens.stream().map(s -> new Screen(s.outcome.name(), s.source, s.answers, s.screenedAt,
                s.clearanceAskedAt, s.clearedAt)).toList();
    }

    @Override
    public boolean isHealthData() {
        return true;
    }

    @Override
    public void erase(long userId) {
        SafetyScreen.delete("telegramUserId", userId);
    }
}
