package app.backcoach.safety;

import app.backcoach.personal.PersonalData;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Clinician-review advice given, for /export and /delete. */
@ApplicationScoped
public class EscalationPersonalData implements PersonalData {

    record Advice(String reason, Instant advisedAt) {
    }

    @Override
    public String section() {
        return "safetyEscalations";
    }

    @Override
    public Object export(long userId) {
        List<SafetyEscalation> given = SafetyEscalation.list("telegramUserId = ?1 order by advisedAt, id", userId);
        return given.stream().map(advice -> new Advice(advice.reason, advice.advisedAt)).toList();
    }

    @Override
    public boolean isHealthData() {
        return true;
    }

    @Override
    public void erase(long userId) {
        SafetyEscalation.delete("telegramUserId", userId);
    }
}
