package app.backcoach.plan;

import app.backcoach.privacy.PersonalData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Plans and session ratings follow from health data, so they are health data too. */
@ApplicationScoped
public class PlanPersonalData implements PersonalData {

    private final ObjectMapper json;

    public PlanPersonalData(ObjectMapper json) {
        this.json = json;
    }

    record Plan(String date, String version, String shape, int step, boolean demanding, JsonNode exercises,
                JsonNode reasons, String status, Integer painDuring, String effort, String feeling, JsonNode outcomes,
                Instant finishedAt) {
    }

    @Override
    public String section() {
        return "plans";
    }

    @Override
    public Object export(long userId) {
        return DailyPlan.of(userId).stream().map(p -> new Plan(p.localDate.toString(), p.version, p.shape, p.step,
                p.demanding, PersonalData.storedJson(json, p.items), PersonalData.storedJson(json, p.reasons),
                p.status.name(), p.painDuring, p.effort, p.feeling, PersonalData.storedJson(json, p.outcomes),
                p.finishedAt)).toList();
    }

    @Override
    public boolean isHealthData() {
        return true;
    }

    @Override
    public void erase(long userId) {
        DailyPlan.delete("telegramUserId", userId);
    }
}
