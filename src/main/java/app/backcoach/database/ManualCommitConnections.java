package app.backcoach.database;

import io.agroal.api.AgroalPoolInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import org.jboss.logging.Logger;

/**
 * Keeps the pool's connections in manual-commit mode. The pool hands out autocommit connections, so
 * every JTA transaction switched autocommit off before its first statement and on again after its
 * commit: two of every three statements of transaction control, a third of all a /help sent.
 *
 * <p>Used outside a transaction (a read in autocommit's place, the leases' own JDBC), a connection
 * behaves as before by the time it is back in the pool: what it did is committed then, so no write is
 * lost and no later read sees an old snapshot. The driver sends that COMMIT only when a transaction is
 * open, so a connection returned after a JTA commit costs nothing.
 */
@ApplicationScoped
public class ManualCommitConnections implements AgroalPoolInterceptor {

    private static final Logger LOG = Logger.getLogger(ManualCommitConnections.class);

    @Override
    public void onConnectionCreate(Connection connection) {
        try {
            // The driver's own connection: through the pool's wrapper the change would be undone at every return.
            driver(connection).setAutoCommit(false);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not switch a new connection to manual commit", e);
        }
    }

    @Override
    public void onConnectionReturn(Connection connection) {
        try {
            Connection driver = driver(connection);
            if (driver.getAutoCommit()) {
                driver.setAutoCommit(false); // someone switched it on (the leases do); the switch committed their work
            } else {
                driver.commit();
            }
        } catch (SQLException e) {
            // A broken connection fails its next use, where the pool sees it and drops it. Never thrown from here:
            // the pool would not take the connection back.
            LOG.warnf("A connection's work outside a transaction could not be committed on its return (%s)",
                    e.getClass().getSimpleName());
        }
    }

    private static Connection driver(Connection pooled) throws SQLException {
        return pooled.unwrap(org.mariadb.jdbc.Connection.class);
    }
}
