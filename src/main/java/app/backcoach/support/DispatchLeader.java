package app.backcoach.support;

import io.agroal.api.AgroalDataSource;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;

/**
 * One instance at a time talks to Telegram: the holder of a lease row in {@code dispatch_lease}
 * (holder, epoch, expiry), taken and renewed in ordinary transactions. Those replicate and are
 * certified on a Galera cluster, where a named lock would only be local to one node; on a single
 * server it is the same two statements. Several instances share a database (and in webhook mode all
 * of them take updates into the inbox), but only the leader polls, handles and sends, so the bot's
 * per-chat order and Telegram's global limit hold and nothing is sent twice.
 *
 * <p>The leader renews every {@code leader.retry}; a lease not renewed for {@code leader.lease}
 * expires and a standby takes it with the next epoch. A leader that cannot renew (a pause, a lost
 * database) stops by its own clock before the lease could have passed to anyone else:
 * {@link #mayCall()} turns false a margin before expiry, so a deposed leader stops before its next
 * call to Telegram. Expiry is judged by the database's clock, renewal by this JVM's monotonic clock.
 */
public class DispatchLeader {

    private static final Logger LOG = Logger.getLogger(DispatchLeader.class);

    /** Leadership settings. */
    @ConfigMapping(prefix = "leader")
    public interface Config {
        /** How often a standby tries to lead, and how often the leader renews its lease. */
        @WithDefault("5s")
        Duration retry();

        /** How long a lease holds without renewal; a standby takes over at most this long after a leader dies. */
        @WithDefault("15s")
        Duration lease();
    }

    private final AgroalDataSource dataSource;
    private final String name;
    private final Duration retry;
    private final Duration lease;
    private final String holder;
    private final LongSupplier nanoTime;
    private ScheduledExecutorService loop;
    private volatile boolean leading;
    private volatile long epoch = -1;
    /** Monotonic deadline after which this instance no longer counts as leader unless it renewed. */
    private volatile long validUntilNanos;
    private Runnable onLead;
    private Runnable onLost;

    public DispatchLeader(AgroalDataSource dataSource, String name, Duration retry, Duration lease) {
        this(dataSource, name, retry, lease, System::nanoTime);
    }

    DispatchLeader(AgroalDataSource dataSource, String name, Duration retry, Duration lease, LongSupplier nanoTime) {
        if (lease.compareTo(retry.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("leader.lease must be at least twice leader.retry");
        }
        this.dataSource = dataSource;
        this.name = name;
        this.retry = retry;
        this.lease = lease;
        this.nanoTime = nanoTime;
        this.holder = LeaseHolder.newName();
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

    /**
     * Whether this instance may make its next call to Telegram: it leads and renewed recently enough
     * that no one else can hold the lease yet. Checked before every poll and send.
     */
    public boolean mayCall() {
        return leading && nanoTime.getAsLong() - validUntilNanos < 0;
    }

    /** The epoch of this instance's lease, or -1 when it does not lead. */
    public long epoch() {
        return leading ? epoch : -1;
    }

    /** Gives leadership up (on shutdown) by expiring the lease, so a standby takes over at once. */
    public synchronized void stop() {
        if (loop != null) {
            loop.shutdownNow();
        }
        if (leading) {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement release = connection.prepareStatement(
                         "UPDATE dispatch_lease SET expires_at = NOW(6) - INTERVAL 1 SECOND "
                                 + "WHERE name = ? AND holder = ? AND epoch = ?")) {
                release.setString(1, name);
                release.setString(2, holder);
                release.setLong(3, epoch);
                release.executeUpdate();
            } catch (SQLException e) {
                LOG.debugf("Could not release the lease (it expires by itself): %s", e.getMessage());
            }
        }
        leading = false;
    }

    /** For tests: stops renewing without letting go, as a paused or cut-off leader would. */
    synchronized void freeze() {
        loop.shutdownNow();
    }

    private synchronized void check() {
        long started = nanoTime.getAsLong();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            if (leading) {
                if (renew(connection)) {
                    validUntilNanos = started + safeWindow();
                } else {
                    lose("the lease expired or passed to another instance");
                }
                return;
            }
            OptionalLong taken = acquire(connection);
            if (taken.isPresent()) {
                epoch = taken.getAsLong();
                validUntilNanos = started + safeWindow();
                leading = true;
                LOG.infof("Leading: this instance talks to Telegram (lease %s, epoch %d)", name, epoch);
                onLead.run();
            }
        } catch (SQLException | RuntimeException e) {
            // A lost database or a certification conflict (1213 on Galera): keep leading while the
            // lease surely holds, so a short outage does not stop delivery; lose it once it may not.
            if (leading && !mayCall()) {
                lose(e.getClass().getSimpleName());
            } else if (!leading) {
                LOG.debugf("Could not try for leadership: %s", e.getMessage());
            }
        }
    }

    /** Renewal counts only for the same holder and epoch, and only before expiry. */
    private boolean renew(Connection connection) throws SQLException {
        try (PreparedStatement renew = connection.prepareStatement(
                "UPDATE dispatch_lease SET expires_at = NOW(6) + INTERVAL ? MICROSECOND "
                        + "WHERE name = ? AND holder = ? AND epoch = ? AND expires_at > NOW(6)")) {
            renew.setLong(1, lease.toNanos() / 1000);
            renew.setString(2, name);
            renew.setString(3, holder);
            renew.setLong(4, epoch);
            return renew.executeUpdate() == 1;
        }
    }

    /** Takes an expired (or never held) lease with the next epoch. */
    private OptionalLong acquire(Connection connection) throws SQLException {
        try (PreparedStatement create = connection.prepareStatement(
                "INSERT IGNORE INTO dispatch_lease (name, holder, epoch, expires_at) VALUES (?, '', 0, '1970-01-02')")) {
            create.setString(1, name);
            create.executeUpdate();
        }
        try (PreparedStatement take = connection.prepareStatement(
                "UPDATE dispatch_lease SET holder = ?, epoch = epoch + 1, expires_at = NOW(6) + INTERVAL ? MICROSECOND "
                        + "WHERE name = ? AND expires_at <= NOW(6)")) {
            take.setString(1, holder);
            take.setLong(2, lease.toNanos() / 1000);
            take.setString(3, name);
            if (take.executeUpdate() != 1) {
                return OptionalLong.empty();
            }
        }
        try (PreparedStatement read = connection.prepareStatement(
                "SELECT epoch FROM dispatch_lease WHERE name = ? AND holder = ?")) {
            read.setString(1, name);
            read.setString(2, holder);
            try (ResultSet result = read.executeQuery()) {
                return result.next() ? OptionalLong.of(result.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    /** The lease less one retry interval: the margin covers a renewal's own time and clock drift. */
    private long safeWindow() {
        return lease.minus(retry).toNanos();
    }

    private void lose(String why) {
        leading = false;
        LOG.warnf("Leadership lost (%s): stopping delivery until this instance leads again", why);
        onLost.run();
    }
}
