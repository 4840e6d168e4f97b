package app.backcoach.schedule;

import app.backcoach.support.ConflictRetry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Runs due jobs. Each instance claims a batch of due rows ({@code FOR UPDATE SKIP LOCKED}, so
 * instances never wait for or take each other's rows) with a lease, then runs each in its own
 * transaction that re-locks the row and checks the claim is still its own. A job's messages go to
 * the outbox in that same transaction, so a job runs once: a crash before commit leaves it due,
 * and the lease lets another instance take it.
 *
 * <p>On a Galera cluster row locks and {@code SKIP LOCKED} are local to a node, so two instances on two
 * nodes may claim the same rows; both claims write the rows, and the one committed second fails with a
 * conflict and is retried ({@link ConflictRetry}), reading the winner's claim. Running a job writes its
 * row too, so of two runs of one job only one commits, with its messages.
 */
@ApplicationScoped
public class Scheduler {

    private static final Logger LOG = Logger.getLogger(Scheduler.class);
    private static final String CLAIM = "SELECT id FROM scheduled_job WHERE due_at <= ?1"
            + " AND (claimed_until IS NULL OR claimed_until < ?1) ORDER BY due_at LIMIT ?2 FOR UPDATE SKIP LOCKED";

    private final EntityManager entityManager;
    private final ScheduleConfig config;
    private final Clock clock;
    private final Map<ScheduledJob.Kind, DueJob> jobs = new EnumMap<>(ScheduledJob.Kind.class);
    private final String instance = UUID.randomUUID().toString();

    public Scheduler(EntityManager entityManager, ScheduleConfig config, Clock clock, Instance<DueJob> available) {
        this.entityManager = entityManager;
        this.config = config;
        this.clock = clock;
        available.forEach(job -> jobs.put(job.kind(), job));
    }

    @Scheduled(every = "${schedule.tick}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "due-jobs")
    void tick() {
        runDue();
    }

    /** Runs everything due now, batch by batch; returns how many jobs ran. */
    public int runDue() {
        int ran = 0;
        while (true) {
            Instant now = clock.instant();
            List<Long> claimed = ConflictRetry.callInNewTransaction("scheduler claim", () -> claim(now));
            for (Long id : claimed) {
                try {
                    if (ConflictRetry.callInNewTransaction("scheduled job " + id, () -> run(id))) {
                        ran++;
                    }
                } catch (RuntimeException e) {
                    // Left claimed: it runs again when the lease ends, not in a tight loop.
                    LOG.warnf(e, "Scheduled job %d failed; it is retried after the lease", id);
                }
            }
            if (claimed.size() < config.batch()) {
                return ran;
            }
        }
    }

    /** Claims up to a batch of due jobs for this instance (the due-scan; also measured by the benchmark). */
    public List<Long> claim(Instant now) {
        @SuppressWarnings("unchecked")
        List<Number> ids = entityManager.createNativeQuery(CLAIM).setParameter(1, now)
                .setParameter(2, config.batch()).getResultList();
        List<Long> claimed = ids.stream().map(Number::longValue).toList();
        if (!claimed.isEmpty()) {
            entityManager.createQuery("update ScheduledJob set claimedBy = ?1, claimedUntil = ?2 where id in ?3")
                    .setParameter(1, instance).setParameter(2, now.plus(config.lease()))
                    .setParameter(3, claimed).executeUpdate();
        }
        return claimed;
    }

    boolean run(long id) {
        ScheduledJob job = entityManager.find(ScheduledJob.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (job == null || !instance.equals(job.claimedBy)) {
            return false; // done meanwhile, or re-claimed by another instance after our lease ran out
        }
        Instant now = clock.instant();
        job.claimedBy = null;
        job.claimedUntil = null;
        job.updatedAt = now;
        DueJob handler = jobs.get(job.kind);
        if (handler == null) {
            job.delete();
            return false;
        }
        handler.run(job, now);
        return true;
    }
}
