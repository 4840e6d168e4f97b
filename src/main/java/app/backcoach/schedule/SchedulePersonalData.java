package app.backcoach.schedule;

import app.backcoach.personal.PersonalData;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** What is scheduled for a person (prompts, reminders) and the routines they ticked off. */
@ApplicationScoped
public class SchedulePersonalData implements PersonalData {

    record Job(String kind, Instant dueAt, String localDate) {
    }

    @Override
    public String section() {
        return "scheduled";
    }

    @Override
    public Object export(long userId) {
        List<ScheduledJob> jobs = ScheduledJob.list("telegramUserId = ?1 order by dueAt", userId);
        return jobs.stream().map(j -> new Job(j.kind.name(), j.dueAt, j.localDate.toString())).toList();
    }

    @Override
    public void erase(long userId) {
        ScheduledJob.delete("telegramUserId", userId);
    }
}
