package app.backcoach.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The queues' plain SQL: one transaction per call, all or nothing, never nested in a JTA transaction. */
@QuarkusTest
class SqlTest {

    @Inject
    Sql sql;

    @Inject
    jakarta.persistence.EntityManager entityManager;

    @BeforeEach
    void table() {
        sql.transaction(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE IF NOT EXISTS sql_probe (id INT PRIMARY KEY, at DATETIME(6) NULL)");
                return statement.executeUpdate("DELETE FROM sql_probe");
            }
        });
    }

    @Test
    void workThatThrowsLeavesNothingBehind() {
        assertThatThrownBy(() -> sql.transaction(connection -> {
            insert(connection, 1, null);
            throw new IllegalStateException("half way");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(count()).isZero();
    }

    @Test
    void aFailedStatementRollsBackTheWholeTransactionAndKeepsTheDriversError() {
        assertThatThrownBy(() -> sql.transaction(connection -> {
            insert(connection, 2, null);
            return insert(connection, 2, null); // duplicate key
        })).isInstanceOf(Sql.Failed.class).hasCauseInstanceOf(java.sql.SQLException.class);

        assertThat(count()).isZero();
    }

    @Test
    void insideAJtaTransactionItRefusesRatherThanCutItInTwo() {
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> sql.transaction(connection -> 0)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void instantsAreStoredAndReadAsUtc() {
        Instant at = Instant.parse("2026-03-29T01:30:00.123456Z"); // a clock change in Europe, to be sure
        sql.transaction(connection -> insert(connection, 3, at));

        Instant read = sql.transaction(connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("SELECT at, DATE_FORMAT(at, '%Y-%m-%dT%H:%i:%s') FROM sql_probe")) {
                row.next();
                assertThat(row.getString(2)).isEqualTo("2026-03-29T01:30:00");
                return Sql.instant(row, 1);
            }
        });
        assertThat(read).isEqualTo(at.truncatedTo(ChronoUnit.MICROS));
    }

    /** A lane loop's reads leave no transaction open, so they need no COMMIT after them. */
    @Test
    void aReadersReadsRunInAutocommitAndItRecoversFromAFailedOne() {
        try (Sql.Reader reader = sql.reader()) {
            long open = reader.read(connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.executeQuery("SELECT COUNT(*) FROM sql_probe").close();
                    try (ResultSet row = statement.executeQuery("SELECT @@in_transaction")) {
                        row.next();
                        return row.getLong(1);
                    }
                }
            });
            assertThat(open).isZero();

            assertThatThrownBy(() -> reader.read(connection -> {
                try (Statement statement = connection.createStatement()) {
                    return statement.executeQuery("SELECT no_such_column FROM sql_probe").next();
                }
            })).isInstanceOf(Sql.Failed.class);
            boolean again = reader.read(connection -> {
                try (Statement statement = connection.createStatement();
                     ResultSet row = statement.executeQuery("SELECT 1")) {
                    return row.next();
                }
            });
            assertThat(again).isTrue();
        }
    }

    /** A server gone away (SQLState 08…, or the driver's "reconnected, transaction lost") drops the idle connections. */
    @Test
    void aLostServerIsToldFromOtherFailuresAndThePoolGoesOnAfterwards() {
        assertThat(sql.connectionLost(new IllegalStateException(new java.sql.SQLException("gone", "08S01")))).isTrue();
        assertThat(sql.connectionLost(new java.sql.SQLTransientConnectionException("reconnected", "25S03"))).isTrue();
        assertThat(sql.connectionLost(new java.sql.SQLException("duplicate key", "23000"))).isFalse();
        assertThat(sql.connectionLost(new IllegalStateException("no SQL at all"))).isFalse();

        assertThat(count()).isZero(); // new connections after the flush
    }

    /** One-statement steps: each statement is committed as it runs, with no transaction left open. */
    @Test
    void autocommitWorkCommitsEachStatementAsItRuns() {
        assertThatThrownBy(() -> sql.autocommit(connection -> {
            insert(connection, 20, null);
            assertThat(count()).as("seen from another connection at once").isEqualTo(1);
            try (Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("SELECT @@in_transaction")) {
                row.next();
                assertThat(row.getInt(1)).as("no transaction open after the write").isZero();
            }
            throw new IllegalStateException("after the write");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(count()).as("nothing to roll back").isEqualTo(1);
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> sql.autocommit(connection -> 0)))
                .isInstanceOf(IllegalStateException.class);
    }

    /** The handling transaction's own statements: on the ORM session's connection, committed or undone with it. */
    @Test
    void workInTheCurrentTransactionSharesTheSessionsConnectionAndItsFate() {
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("INSERT INTO sql_probe VALUES (10, NULL)").executeUpdate();
            // Uncommitted: only the same connection sees the session's row.
            long seen = sql.inCurrentTransaction(connection -> {
                insert(connection, 11, null);
                try (Statement statement = connection.createStatement();
                     ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM sql_probe")) {
                    row.next();
                    return row.getLong(1);
                }
            });
            assertThat(seen).isEqualTo(2);
            throw new IllegalStateException("the handling failed");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(count()).isZero();

        QuarkusTransaction.requiringNew().run(() -> sql.inCurrentTransaction(connection -> insert(connection, 12, null)));
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void workInTheCurrentTransactionRefusesWhenThereIsNone() {
        assertThatThrownBy(() -> sql.inCurrentTransaction(connection -> insert(connection, 13, null)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(count()).isZero();
    }

    private static int insert(java.sql.Connection connection, int id, Instant at) throws java.sql.SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sql_probe VALUES (?, ?)")) {
            insert.setInt(1, id);
            Sql.set(insert, 2, at);
            return insert.executeUpdate();
        }
    }

    private long count() {
        return sql.transaction(connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM sql_probe")) {
                row.next();
                return row.getLong(1);
            }
        });
    }
}
