package app.backcoach.day;

import app.backcoach.personal.PersonalData;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Where a guided session stands; part of the session, so health data. */
@ApplicationScoped
public class GuidedPersonalData implements PersonalData {

    record Guided(long planId, String state, int exercise, int set, Instant startedAt) {
    }

    @Override
    public String section() {
        return "guidedSession";
    }

    @Override
    public Object export(long userId) {
        return GuidedSession.<GuidedSession>findByIdOptional(userId)
                .map(g -> new Guided(g.planId, g.state.name(), g.itemIndex, g.setIndex, g.startedAt)).orElse(null);
    }

    @Override
    public boolean isHealthData() {
        return true;
    }

    @Override
    public void erase(long userId) {
        GuidedSession.deleteById(userId);
    }
}
