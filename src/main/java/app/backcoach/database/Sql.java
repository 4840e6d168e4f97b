package app.backcoach.database;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Plain JDBC for the queues' own few statements (the inbox's and the outbox's bookkeeping), which run
 * for every update and every message. A JTA transaction with an ORM session around two SQL lines cost
 * more than the lines: interceptors, the coordinator, a session to open and flush. Everything a
 * feature does stays in JPA; these statements name no entity.
 *
 * <p>Timestamps are UTC, as Hibernate writes them ({@code quarkus.hibernate-orm.jdbc.timezone=UTC}).
 */
@ApplicationScoped
public class Sql {

    /** Work on one connection, in one transaction. */
    @FunctionalInterface
    public interface Work<R> {
        R on(Connection connection) throws SQLException;
    }

    /** A statement failed; the cause is the driver's exception (a conflict is recognised by its code). */
    public static final class Failed extends RuntimeException {
        Failed(SQLException cause) {
            super(cause.getClass().getSimpleName() + " (" + cause.getErrorCode() + ")", cause);
        }
    }

    private final AgroalDataSource dataSource;
    private final AgroalDataSource autocommit;
    private final TransactionManager transactions;

    public Sql(AgroalDataSource dataSource, @DataSource("autocommit") AgroalDataSource autocommit,
               TransactionManager transactions) {
        this.dataSource = dataSource;
        this.autocommit = autocommit;
        this.transactions = transactions;
    }

    /**
     * Runs the work in its own transaction, committed when it returns and rolled back when it throws.
     * Never inside a JTA transaction: the pool would enlist the connection in it, and this commit would
     * cut that transaction in two.
     */
    public <R> R transaction(Work<R> work) {
        requireNoTransaction();
        // The pool's connections are in manual-commit mode (ManualCommitConnections).
        return on(dataSource, connection -> {
            try {
                R result = work.on(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        });
    }

    /**
     * Runs work whose statements each stand alone, in autocommit: for work that writes at most once,
     * where a transaction around it would add only its COMMIT, a round trip per step of every message. Its
     * reads see what was committed when each one runs; the write commits as it runs. Never inside a JTA
     * transaction, which it would not be part of.
     */
    public <R> R autocommit(Work<R> work) {
        requireNoTransaction();
        return on(autocommit, work);
    }

    /**
     * Runs the work on the connection of the caller's JTA transaction: the pool hands out the one already
     * enlisted, the ORM session's own, so the work commits or rolls back with everything else the
     * transaction did. For the few statements that every update's handling runs (its inbox row, its replies),
     * where loading, tracking and flushing an entity cost more than the statement.
     */
    public <R> R inCurrentTransaction(Work<R> work) {
        requireTransaction();
        // Closing gives back only this handle: the connection stays with the transaction until it ends.
        return on(dataSource, work);
    }

    private <R> R on(AgroalDataSource pool, Work<R> work) {
        try (Connection connection = pool.getConnection()) {
            return work.on(connection);
        } catch (SQLException e) {
            connectionLost(e);
            throw new Failed(e);
        }
    }

    /**
     * After a failure that says the server went away (a Galera node killed, say): the pool's idle connections
     * to it are dropped, so the next work takes new ones to a server that answers. Out of autocommit, the
     * driver cannot move a connection to another node unnoticed; each of up to twenty idle ones failed its
     * next transaction first, which after a node kill held delivery up for seconds.
     *
     * @return whether it was such a failure
     */
    public boolean connectionLost(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().equals("25S03"))) {
                dataSource.flush(AgroalDataSource.FlushMode.IDLE);
                autocommit.flush(AgroalDataSource.FlushMode.IDLE);
                return true;
            }
        }
        return false;
    }

    /**
     * A connection of the caller's own in autocommit, for one loop's repeated reads (the lane heads): on a
     * connection out of autocommit, every read opened a transaction that needed a COMMIT, about three round
     * trips per update. Held until closed; a failed read gives the connection back to the pool (which checks
     * it) and the next read takes another.
     */
    public Reader reader() {
        return new Reader();
    }

    /** See {@link #reader()}. Its reads run one at a time. */
    public final class Reader implements AutoCloseable {
        private Connection connection;

        private Reader() {
        }

        public synchronized <R> R read(Work<R> work) {
            requireNoTransaction();
            try {
                if (connection == null) {
                    connection = autocommit.getConnection();
                }
                return work.on(connection);
            } catch (SQLException e) {
                close();
                connectionLost(e);
                throw new Failed(e);
            }
        }

        @Override
        public synchronized void close() {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // given back broken; the pool drops it
                }
                connection = null;
            }
        }
    }

    private void requireTransaction() {
        require(Status.STATUS_ACTIVE, "This work belongs to its caller's transaction, and there is none");
    }

    private void requireNoTransaction() {
        require(Status.STATUS_NO_TRANSACTION, "Plain SQL runs in its own transaction, never inside a JTA one");
    }

    private void require(int status, String otherwise) {
        try {
            if (transactions.getStatus() != status) {
                throw new IllegalStateException(otherwise);
            }
        } catch (SystemException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void set(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.TIMESTAMP);
        } else {
            statement.setObject(index, LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
        }
    }

    public static void set(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    public static Instant instant(ResultSet row, int column) throws SQLException {
        LocalDateTime value = row.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    public static Long nullableLong(ResultSet row, int column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }
}
