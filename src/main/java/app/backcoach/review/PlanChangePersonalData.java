package app.backcoach.review;

import app.backcoach.privacy.PersonalData;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** The plan's history: each proposed change and the decision. */
@ApplicationScoped
public class PlanChangePersonalData implements PersonalData {

    record Change(Instant proposedAt, String proposed, String reason, String decision, String applied,
                  Instant decidedAt) {
    }

    @Override
    public String section() {
        return "planChanges";
    }

    @Override
    public Object export(long userId) {
        return PlanChange.of(userId).stream().map(c -> new Change(c.proposedAt, c.kind, c.reason, c.decision.name(),
                c.chosen, c.decidedAt)).toList();
    }

    @Override
    public boolean isHealthData() {
        return true;
    }

    @Override
    public void erase(long userId) {
        PlanChange.delete("telegramUserId", userId);
    }
}
