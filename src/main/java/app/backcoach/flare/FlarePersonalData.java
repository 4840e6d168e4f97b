package app.backcoach.flare;

import app.backcoach.personal.PersonalData;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The flare-up plan as written, and when it was offered and last shown: health data. */
@ApplicationScoped
public class FlarePersonalData implements PersonalData {

    record Plan(List<String> positions, String walking, String breathing, String avoid, String note,
                Instant offeredAt, Instant writtenAt, LocalDate shownOn, Instant updatedAt) {
    }

    @Override
    public String section() {
        return "flarePlan";
    }

    @Override
    public Object export(long userId) {
        return FlarePlan.of(userId).map(p -> new Plan(p.positionList(), p.walking, p.breathing, p.avoid, p.note,
                p.offeredAt, p.writtenAt, p.shownOn, p.updatedAt)).orElse(null);
    }

    @Override
    public boolean isHealthData() {
        return true;
    }

    @Override
    public void erase(long userId) {
        FlarePlan.deleteById(userId);
    }
}
