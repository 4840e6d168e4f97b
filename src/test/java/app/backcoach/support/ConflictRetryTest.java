package app.backcoach.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A real deadlock (1213) on the local MariaDB, the error a Galera cluster gives at commit when another
 * node certified a write to the same rows first: two connections take row locks in crossing order; the
 * lighter transaction, ours, is rolled back by InnoDB, and the retry runs it once more to completion.
 */
@QuarkusTest
class ConflictRetryTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 1);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EntityManager entityManager;

    @Test
    void aTransactionThatLosesADeadlockIsRunAgainAndTakesEffectOnce() throws Exception {
        long base = 5_100_000_000L + (System.nanoTime() % 1_000_000) * 100;
        List<Long> ids = jobs(base, 30);
        long first = ids.get(0);
        long second = ids.get(1);
        AtomicInteger attempts = new AtomicInteger();
        List<Throwable> conflicts = new ArrayList<>();

        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            // The other transaction holds the second row and many more (each by its key, so no scan locks the
            // first row too): InnoDB rolls back the lighter transaction of a deadlock.
            try (PreparedStatement hold = other.prepareStatement("UPDATE scheduled_job SET updated_at = NOW(6) WHERE id = ?")) {
                for (long id : ids.subList(1, ids.size())) {
                    hold.setLong(1, id);
                    assertThat(hold.executeUpdate()).isEqualTo(1);
                }
            }
            CompletableFuture<Void> retried = CompletableFuture.runAsync(() ->
                    ConflictRetry.runInNewTransaction("crossing locks", () -> {
                        attempts.incrementAndGet();
                        try {
                            nextDay(first);
                            nextDay(second); // waits for the other transaction on the first attempt
                        } catch (RuntimeException e) {
                            conflicts.add(e);
                            throw e;
                        }
                    }));
            await().atMost(Duration.ofSeconds(20)).until(this::someoneWaitsForALock);
            try (PreparedStatement cross = other.prepareStatement(
                    "UPDATE scheduled_job SET updated_at = NOW(6) WHERE id = ?")) {
                cross.setLong(1, first); // the crossing: a deadlock, and our transaction is its victim
                cross.executeUpdate();
            }
            other.commit();
            retried.get(30, TimeUnit.SECONDS);
        }

        assertThat(conflicts).hasSize(1);
        assertThat(ConflictRetry.isConflict(conflicts.get(0))).as("a deadlock, 1213").isTrue();
        assertThat(sqlErrorCode(conflicts.get(0))).isEqualTo(1213);
        assertThat(attempts).hasValue(2);
        assertThat(localDate(first)).isEqualTo(DAY.plusDays(1));
        assertThat(localDate(second)).isEqualTo(DAY.plusDays(1));
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "DELETE FROM scheduled_job WHERE telegram_user_id > ?1 AND telegram_user_id <= ?2")
                .setParameter(1, base).setParameter(2, base + 30).executeUpdate());
    }

    @Test
    void otherFailuresAreNotRetried() {
        AtomicInteger attempts = new AtomicInteger();
        try {
            ConflictRetry.run("failing", () -> {
                attempts.incrementAndGet();
                throw new IllegalStateException("not a conflict");
            });
        } catch (IllegalStateException expected) {
            // thrown at once
        }
        assertThat(attempts).hasValue(1);
    }

    @Test
    void aConflictThatPersistsIsGivenUpAfterTheLastAttempt() {
        AtomicInteger attempts = new AtomicInteger();
        SQLException deadlock = new SQLException("Deadlock found when trying to get lock", "40001", 1213);
        try {
            ConflictRetry.run("always conflicting", () -> {
                attempts.incrementAndGet();
                // As a failed commit arrives: a rollback carrying the SQL error as a suppressed exception.
                RuntimeException rollback = new RuntimeException("could not commit");
                rollback.addSuppressed(new IllegalStateException(deadlock));
                throw rollback;
            });
        } catch (RuntimeException expected) {
            assertThat(ConflictRetry.isConflict(expected)).isTrue();
        }
        assertThat(attempts).hasValue(ConflictRetry.MAX_ATTEMPTS);
    }

    private void nextDay(long id) {
        entityManager.createNativeQuery("UPDATE scheduled_job SET local_date = local_date + INTERVAL 1 DAY WHERE id = ?1")
                .setParameter(1, id).executeUpdate();
    }

    private boolean someoneWaitsForALock() throws SQLException {
        try (Connection look = dataSource.getConnection();
             PreparedStatement waits = look.prepareStatement(
                     "SELECT COUNT(*) FROM information_schema.INNODB_TRX WHERE trx_state = 'LOCK WAIT'");
             ResultSet result = waits.executeQuery()) {
            return result.next() && result.getInt(1) > 0;
        }
    }

    private LocalDate localDate(long id) {
        return QuarkusTransaction.requiringNew().call(() -> (LocalDate) entityManager.createNativeQuery(
                "SELECT local_date FROM scheduled_job WHERE id = ?1").setParameter(1, id).getSingleResult());
    }

    @SuppressWarnings("unchecked")
    private List<Long> jobs(long base, int count) {
        return QuarkusTransaction.requiringNew().call(() -> {
            for (int i = 1; i <= count; i++) {
                entityManager.createNativeQuery("INSERT INTO scheduled_job (telegram_user_id, kind, due_at, local_date,"
                                + " updated_at) VALUES (?1, 'REMINDER', '2099-01-01', ?2, NOW(6))")
                        .setParameter(1, base + i).setParameter(2, DAY).executeUpdate();
            }
            List<Number> found = entityManager.createNativeQuery("SELECT id FROM scheduled_job WHERE telegram_user_id > ?1"
                    + " AND telegram_user_id <= ?2 ORDER BY telegram_user_id").setParameter(1, base)
                    .setParameter(2, base + count).getResultList();
            return found.stream().map(Number::longValue).toList();
        });
    }

    private static int sqlErrorCode(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql.getErrorCode();
            }
        }
        return -1;
    }
}
