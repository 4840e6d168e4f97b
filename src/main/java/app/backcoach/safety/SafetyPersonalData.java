package app.backcoach.safety;

import app.backcoach.personal.PersonalData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class SafetyPersonalData implements PersonalData {

    private final ObjectMapper json;

    public SafetyPersonalData(ObjectMapper json) {
        this.json = json;
    }

    /** The answers as a JSON object (question → answer), not as a string holding JSON. */
    record Screen(String outcome, String source, JsonNode answers, Instant screenedAt, Instant clearanceAskedAt,
                  Instant clinicianClearedAt) {
    }

    @Override
    public String section() {
        return "safetyScreens";
    }

    @Override
    public Object export(long userId) {
        List<SafetyScreen> screens = SafetyScreen.list("telegramUserId = ?1 order by screenedAt, id", userId);
        return screens.stream().map(s -> new Screen(s.outcome.name(), s.source, PersonalData.storedJson(json, s.answers),
                s.screenedAt, s.clearanceAskedAt, s.clearedAt)).toList();
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
