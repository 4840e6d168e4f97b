package app.backcoach.support;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs a transaction again when the database gave it up for a conflict that a new attempt resolves: a
 * deadlock (1213), a lock wait timeout (1205), or, on a Galera cluster, a certification conflict, which
 * arrives as 1213 at commit when another node committed a write to the same rows first. Every attempt is
 * a whole new transaction that reads afresh, so whatever it claims is decided by its own commit: the
 * losing attempt left nothing behind, and the next one sees the winner's rows (a job already run, an
 * update already handled) and does not do the work again.
 *
 * <p>Inside a transaction that is already running this does not retry: that transaction is rolled back
 * as a whole, and whoever began it decides.
 */
public final class ConflictRetry {

    private static final Logger LOG = Logger.getLogger(ConflictRetry.class);
    /** Enough for a burst of conflicting claims between instances; then the caller's own fallback applies. */
    static final int MAX_ATTEMPTS = 6;
    private static final long BASE_DELAY_MILLIS = 10;
    private static final long MAX_DELAY_MILLIS = 400;
    private static final int DEADLOCK = 1213;
    private static final int LOCK_WAIT_TIMEOUT = 1205;
    private static final String SERIALIZATION_FAILURE = "40001";

    private ConflictRetry() {
    }

    /** Runs {@code work} in a new transaction, retried on a conflict; {@code what} names it in the log. */
    public static <T> T callInNewTransaction(String what, Supplier<T> work) {
        return call(what, () -> QuarkusTransaction.requiringNew().call(work::get));
    }

    /** Runs {@code work} in a new transaction, retried on a conflict. */
    public static void runInNewTransaction(String what, Runnable work) {
        call(what, () -> {
            QuarkusTransaction.requiringNew().run(work);
            return null;
        });
    }

    /**
     * Retries {@code transaction} on a conflict. It must be a whole transaction of its own (a method with
     * {@code REQUIRES_NEW}, or one called where none is active); after the last attempt the conflict is thrown.
     */
    public static <T> T call(String what, Supplier<T> transaction) {
        if (QuarkusTransaction.isActive()) {
            return transaction.get();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (RuntimeException e) {
                if (attempt >= MAX_ATTEMPTS || !isConflict(e)) {
                    if (attempt > 1) {
                        LOG.warnf("%s: %s after %d attempts", what, e.getClass().getSimpleName(), attempt);
                    }
                    throw e;
                }
                LOG.debugf("%s: conflict (%s), attempt %d of %d", what, e.getClass().getSimpleName(), attempt,
                        MAX_ATTEMPTS);
                if (!sleep(delay(attempt))) {
                    throw e;
                }
            }
        }
    }

    /** Retries {@code transaction} on a conflict (see {@link #call(String, Supplier)}). */
    public static void run(String what, Runnable transaction) {
        call(what, () -> {
            transaction.run();
            return null;
        });
    }

    /**
     * Whether the failure is a conflict worth a new attempt. The SQL error can sit deep: Hibernate wraps
     * it, and a failed commit comes back from the transaction manager as a rollback that carries it as a
     * cause or a suppressed exception.
     */
    public static boolean isConflict(Throwable failure) {
        return isConflict(failure, new IdentityHashMap<>());
    }

    private static boolean isConflict(Throwable failure, Map<Throwable, Boolean> seen) {
        if (failure == null || seen.put(failure, Boolean.TRUE) != null) {
            return false;
        }
        if (failure instanceof SQLException sql) {
            int code = sql.getErrorCode();
            if (code == DEADLOCK || code == LOCK_WAIT_TIMEOUT || SERIALIZATION_FAILURE.equals(sql.getSQLState())) {
                return true;
            }
            if (isConflict(sql.getNextException(), seen)) {
                return true;
            }
        }
        for (Throwable suppressed : failure.getSuppressed()) {
            if (isConflict(suppressed, seen)) {
                return true;
            }
        }
        return isConflict(failure.getCause(), seen);
    }

    /** Doubling with full jitter, so two instances that collided do not collide again in step. */
    static long delay(int attempt) {
        long cap = Math.min(MAX_DELAY_MILLIS, BASE_DELAY_MILLIS << Math.min(attempt, 10));
        return ThreadLocalRandom.current().nextLong(BASE_DELAY_MILLIS, cap + 1);
    }

    private static boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
