package app.backcoach.routine;

import app.backcoach.personal.PersonalData;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** The routines and reminders a person ticked off, skipped or snoozed. */
@ApplicationScoped
public class RoutinePersonalData implements PersonalData {

    record Entry(String kind, String date, String outcome, String detail, Instant loggedAt) {
    }

    @Override
    public String section() {
        return "routines";
    }

    @Override
    public Object export(long userId) {
        List<RoutineLog> entries = RoutineLog.list("telegramUserId = ?1 order by loggedAt", userId);
        return entries.stream().map(e -> new Entry(e.kind, e.localDate.toString(), e.outcome, e.detail, e.loggedAt))
                .toList();
    }

    @Override
    public boolean isHealthData() {
        return true;
    }

    @Override
    public void erase(long userId) {
        RoutineLog.delete("telegramUserId", userId);
    }
}
