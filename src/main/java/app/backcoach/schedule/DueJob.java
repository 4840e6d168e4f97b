package app.backcoach.schedule;

import java.time.Instant;

/** What happens when a job of one kind is due. A feature adds a kind by providing a bean. */
public interface DueJob {

    ScheduledJob.Kind kind();

    /**
     * Runs in the job's own transaction with the row locked: sends what is due (through the
     * outbox, so it commits with the row) and either moves {@code job} to its next time or deletes it.
     */
    void run(ScheduledJob job, Instant now);
}
