package app.backcoach.support;

import io.agroal.api.AgroalDataSource;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * One instance at a time talks to Telegram: it holds a MariaDB named lock ({@code GET_LOCK}) on a
 * connection of its own and runs polling, update handling and sending while it does. Several
 * instances can share a database (and in webhook mode all of them take updates into the inbox),
 * but only the leader delivers, so the bot's per-chat order and Telegram's global limit hold, and
 * nothing is sent twice. When the leader dies its connection closes, the lock frees, and a
 * standby takes over within one retry interval.
 */
public class DispatchLeader {

    private static final Logger LOG = Logger.getLogger(DispatchLeader.class);

    /** Leadership settings. */
    @ConfigMapping(prefix = "leader")
    public interface Config {
        /** How often a standby tries to lead, and how often the leader checks it still holds the lock. */
        @WithDefault("5s")
        Duration retry();
    }

    private final AgroalDataSource dataSource;
    private final String lockSuffix;
    private final Duration retry;
    private ScheduledExecutorService loop;
    private Connection connection;
    private String lockName;
    private volatile boolean leading;
    private Runnable onLead;
    private Runnable onLost;

    public DispatchLeader(AgroalDataSource dataSource, String lockSuffix, Duration retry) {
        this.dataSource = dataSource;
        this.lockSuffix = lockSuffix;
        this.retry = retry;
    }

    /** Tries to lead now and then every retry interval; runs {@code onLead} on gaining and {@code onLost} on losing it. */
    public synchronized void start(Runnable whenLeading, Runnable whenLost) {
        this.onLead = whenLeading;
        this.onLost = whenLost;
        loop = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "dispatch-leader");
            thread.setDaemon(true);
            return thread;
        });
        loop.scheduleWithFixedDelay(this::check, 0, retry.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean isLeading() {
        return leading;
    }

    /** Gives leadership up (on shutdown), so a standby takes over at once. */
    public synchronized void stop() {
        if (loop != null) {
            loop.shutdownNow();
        }
        if (connection != null) {
            try (PreparedStatement release = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
                release.setString(1, lockName);
                release.execute();
            } catch (SQLException e) {
                // closing the connection below frees it anyway
            }
            close();
        }
        leading = false;
    }

    private synchronized void check() {
        try {
            if (leading) {
                if (!stillHeld()) {
                    lose("the lock is no longer held");
                }
                return;
            }
            connection = dataSource.getConnection();
            lockName = "back-coach:" + connection.getCatalog() + ":" + lockSuffix;
            if (acquire()) {
                leading = true;
                LOG.infof("Leading: this instance talks to Telegram (lock %s)", lockName);
                onLead.run();
            } else {
                close();
            }
        } catch (SQLException | RuntimeException e) {
            if (leading) {
                lose(e.getClass().getSimpleName());
            } else {
                close();
                LOG.debugf("Could not try for leadership: %s", e.getMessage());
            }
        }
    }

    private boolean acquire() throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT GET_LOCK(?, 0)")) {
            lock.setString(1, lockName);
            try (ResultSet result = lock.executeQuery()) {
                return result.next() && result.getInt(1) == 1;
            }
        }
    }

    private boolean stillHeld() throws SQLException {
        try (PreparedStatement held = connection.prepareStatement("SELECT IS_USED_LOCK(?) = CONNECTION_ID()")) {
            held.setString(1, lockName);
            try (ResultSet result = held.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private void lose(String why) {
        leading = false;
        close();
        LOG.warnf("Leadership lost (%s): stopping delivery until this instance leads again", why);
        onLost.run();
    }

    private void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // already gone
            }
            connection = null;
        }
    }
}
