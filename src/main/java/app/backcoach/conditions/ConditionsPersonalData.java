package app.backcoach.conditions;

import app.backcoach.catalogue.Restriction;
import app.backcoach.personal.PersonalData;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The conditions a clinician set: health data, erased on withdrawal too. */
@ApplicationScoped
public class ConditionsPersonalData implements PersonalData {

    record Conditions(List<String> restrictions, LocalDate until, Instant recordedAt, Instant updatedAt) {
    }

    @Override
    public String section() {
        return "clearanceConditions";
    }

    @Override
    public Object export(long userId) {
        return ClearanceConditions.of(userId).map(stored -> new Conditions(
                stored.restrictionSet().stream().map(Restriction::code).toList(), stored.untilDate,
                stored.recordedAt, stored.updatedAt)).orElse(null);
    }

    @Override
    public void erase(long userId) {
        ClearanceConditions.deleteById(userId);
    }

    @Override
    public boolean isHealthData() {
        return true;
    }
}
