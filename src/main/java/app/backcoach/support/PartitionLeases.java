package app.backcoach.support;

import io.agroal.api.AgroalDataSource;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Spreads the chats over the instances that share a database: a chat belongs to partition
 * {@code |chat id| mod count}, and each partition is leased to one instance at a time by a row in
 * {@code lane_partition} (holder, epoch, expiry), taken and renewed in ordinary transactions like
 * {@link DispatchLeader}'s lease, so a take-over is decided by a committed (on Galera: certified)
 * transaction, never by a node-local lock.
 *
 * <p>Every instance counts the live instances ({@code lane_member}) and holds about its share:
 * it takes expired partitions up to its share, and gives back what exceeds it (a newcomer joined)
 * once no chat of that partition is being handled here. A dead instance's partitions pass on when
 * their lease runs out. An instance that cannot renew stops handling by its own monotonic clock a
 * margin before its leases could pass to anyone else ({@link #mayHandle}).
 *
 * <p>The lease keeps two instances from working on one chat; it is not what keeps an update from
 * being handled twice: the handling transaction locks the update's row and checks it is still
 * pending, so even an instance paused past its lease cannot repeat or reorder work.
 */
public class PartitionLeases {

    private static final Logger LOG = Logger.getLogger(PartitionLeases.class);

    /** How handling is spread over instances. */
    @ConfigMapping(prefix = "handling")
    public interface Config {
        /** Partitions the chats fall into; every instance on a database must use the same count. */
        @WithDefault("32")
        int partitions();

        /** How often an instance renews its partitions and looks for its share. */
        @WithDefault("2s")
        Duration retry();

        /** How long a partition stays with an instance that stopped renewing (one that died). */
        @WithDefault("10s")
        Duration lease();

        /**
         * With other instances about, work they queue (updates they received, replies they wrote)
         * wakes no one here: the queues are looked at this often instead of the usual poll interval.
         */
        @WithDefault("100ms")
        Duration peerPollInterval();
    }

    private final AgroalDataSource dataSource;
    private final int count;
    private final Duration retry;
    private final Duration lease;
    private final Duration peerPollInterval;
    private final String holder;
    private final LongSupplier nanoTime;
    private ScheduledExecutorService loop;
    private volatile boolean rowsCreated;
    /** Partitions this instance holds (as of its last renewal). */
    private volatile Set<Integer> held = Set.of();
    /** Held partitions being given back: no new work is taken from them. */
    private volatile Set<Integer> releasing = Set.of();
    private volatile int members = 1;
    /** Monotonic deadline after which the held partitions no longer count unless renewed. */
    private volatile long validUntilNanos;
    private Runnable onGain = () -> { };
    private Supplier<Set<Long>> busyLanes = Set::of;

    public PartitionLeases(AgroalDataSource dataSource, Config config) {
        this(dataSource, config.partitions(), config.retry(), config.lease(), config.peerPollInterval(), System::nanoTime);
    }

    PartitionLeases(AgroalDataSource dataSource, int count, Duration retry, Duration lease, Duration peerPollInterval,
                    LongSupplier nanoTime) {
        if (lease.compareTo(retry.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("handling.lease must be at least twice handling.retry");
        }
        if (count < 1) {
            throw new IllegalArgumentException("handling.partitions must be at least 1");
        }
        this.dataSource = dataSource;
        this.count = count;
        this.retry = retry;
        this.lease = lease;
        this.peerPollInterval = peerPollInterval;
        this.nanoTime = nanoTime;
        this.holder = LeaseHolder.newName();
    }

    /**
     * Takes part now and then every retry interval. {@code whenGained} runs after partitions were
     * taken (to look at their queue at once); {@code lanesBusy} tells which chats are being handled
     * here, so a partition is given back only between two of its updates.
     */
    public synchronized void start(Runnable whenGained, Supplier<Set<Long>> lanesBusy) {
        if (loop != null) {
            return;
        }
        this.onGain = whenGained;
        this.busyLanes = lanesBusy;
        loop = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "lane-partitions");
            thread.setDaemon(true);
            return thread;
        });
        loop.scheduleWithFixedDelay(this::check, 0, retry.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Gives every partition back and leaves (on shutdown, after the handling stopped): others take over at once. */
    public synchronized void stop() {
        if (loop != null) {
            loop.shutdownNow();
            loop = null;
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            try (PreparedStatement release = connection.prepareStatement(
                    "UPDATE lane_partition SET expires_at = NOW(6) - INTERVAL 1 SECOND WHERE holder = ?");
                 PreparedStatement leave = connection.prepareStatement("DELETE FROM lane_member WHERE holder = ?")) {
                release.setString(1, holder);
                release.executeUpdate();
                leave.setString(1, holder);
                leave.executeUpdate();
            }
        } catch (SQLException e) {
            LOG.debugf("Could not give the partitions back (they expire by themselves): %s", e.getMessage());
        }
        held = Set.of();
        releasing = Set.of();
    }

    /** For tests: stops renewing without letting go, as a paused, cut-off or killed instance would. */
    synchronized void freeze() {
        if (loop != null) {
            loop.shutdownNow();
            loop = null;
        }
    }

    /** This instance's name in the lease rows and in {@code inbox_update.handled_by}. */
    public String holder() {
        return holder;
    }

    public int partitionOf(long chatId) {
        return (int) (Math.abs(chatId) % count);
    }

    public int count() {
        return count;
    }

    /** Whether this instance may start handling an update of the chat now. Checked right before handling. */
    public boolean mayHandle(long chatId) {
        int partition = partitionOf(chatId);
        return valid() && held.contains(partition) && !releasing.contains(partition);
    }

    /** The partitions new work may be taken from now (empty while the leases are not surely held). */
    public Set<Integer> handling() {
        if (!valid()) {
            return Set.of();
        }
        Set<Integer> open = new HashSet<>(held);
        open.removeAll(releasing);
        return open;
    }

    /** Whether every chat is this instance's now, as when it runs alone: then no filter is needed. */
    public boolean handlesAll() {
        return valid() && releasing.isEmpty() && held.size() == count;
    }

    /** Live instances seen at the last renewal, this one included. */
    public int members() {
        return members;
    }

    /** How often to look at the shared queues when nothing here signalled: {@code alone} while no one else is about. */
    public Duration pollInterval(Duration alone) {
        return members > 1 && peerPollInterval.compareTo(alone) < 0 ? peerPollInterval : alone;
    }

    private boolean valid() {
        return nanoTime.getAsLong() - validUntilNanos < 0;
    }

    private synchronized void check() {
        long started = nanoTime.getAsLong();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            createRows(connection);
            members = announce(connection);
            Set<Integer> now = renew(connection);
            Set<Integer> lost = new HashSet<>(held);
            lost.removeAll(now);
            if (!lost.isEmpty()) {
                LOG.warnf("Partitions %s passed to another instance", lost);
            }
            Set<Integer> giving = new HashSet<>(releasing);
            giving.retainAll(now);
            // What is held now first, then how long: a partition renewed no more never looks valid.
            held = Set.copyOf(now);
            releasing = Set.copyOf(giving);
            validUntilNanos = started + lease.minus(retry).toNanos();
            int share = (count + members - 1) / members;
            if (now.size() < share) {
                List<Integer> taken = take(connection, share - now.size(), now);
                Set<Integer> mine = new HashSet<>(now);
                mine.addAll(taken);
                held = Set.copyOf(mine);
                releasing = Set.of();
                if (!taken.isEmpty()) {
                    LOG.infof("Handling %d of %d partitions (%d instances)", mine.size(), count, members);
                    onGain.run();
                }
                return;
            }
            // Above its share (a newcomer joined): the highest partitions go, the same ones every round.
            releasing = now.stream().sorted().skip(share).collect(java.util.stream.Collectors.toUnmodifiableSet());
            giveBack(connection);
        } catch (SQLException | RuntimeException e) {
            // A lost database or a certification conflict (1213 on Galera): keep handling while the
            // leases surely hold; valid() ends it once they may not.
            LOG.debugf("Could not renew the partitions: %s", e.getMessage());
        }
    }

    private void createRows(Connection connection) throws SQLException {
        if (rowsCreated) {
            return;
        }
        StringBuilder sql = new StringBuilder("INSERT IGNORE INTO lane_partition (part, holder, epoch, expires_at) VALUES ");
        for (int part = 0; part < count; part++) {
            sql.append(part == 0 ? "" : ", ").append('(').append(part).append(", '', 0, '1970-01-02')");
        }
        try (PreparedStatement create = connection.prepareStatement(sql.toString());
             PreparedStatement forget = connection.prepareStatement(
                     "DELETE FROM lane_member WHERE expires_at < NOW(6) - INTERVAL 1 HOUR")) {
            create.executeUpdate();
            forget.executeUpdate(); // instances that died without leaving
        }
        rowsCreated = true;
    }

    /**
     * Renews this instance's presence and counts the live ones. Presence lasts one retry less than a
     * partition lease: a dead instance stops counting before its partitions expire, so the others do
     * not give partitions back just before taking the dead one's over.
     */
    private int announce(Connection connection) throws SQLException {
        try (PreparedStatement renew = connection.prepareStatement(
                "INSERT INTO lane_member (holder, expires_at) VALUES (?, NOW(6) + INTERVAL ? MICROSECOND) "
                        + "ON DUPLICATE KEY UPDATE expires_at = VALUES(expires_at)");
             PreparedStatement live = connection.prepareStatement(
                     "SELECT COUNT(*) FROM lane_member WHERE expires_at > NOW(6)")) {
            renew.setString(1, holder);
            renew.setLong(2, lease.minus(retry).toNanos() / 1000);
            renew.executeUpdate();
            try (ResultSet result = live.executeQuery()) {
                result.next();
                return Math.max(1, result.getInt(1));
            }
        }
    }

    /** Renews every unexpired partition of this holder and returns them. */
    private Set<Integer> renew(Connection connection) throws SQLException {
        try (PreparedStatement renew = connection.prepareStatement(
                "UPDATE lane_partition SET expires_at = NOW(6) + INTERVAL ? MICROSECOND "
                        + "WHERE holder = ? AND expires_at > NOW(6)")) {
            renew.setLong(1, lease.toNanos() / 1000);
            renew.setString(2, holder);
            renew.executeUpdate();
        }
        return held(connection);
    }

    private Set<Integer> held(Connection connection) throws SQLException {
        try (PreparedStatement read = connection.prepareStatement(
                "SELECT part FROM lane_partition WHERE holder = ? AND expires_at > NOW(6) AND part < ?")) {
            read.setString(1, holder);
            read.setInt(2, count);
            Set<Integer> parts = new HashSet<>();
            try (ResultSet result = read.executeQuery()) {
                while (result.next()) {
                    parts.add(result.getInt(1));
                }
            }
            return parts;
        }
    }

    /**
     * Takes up to {@code wanted} expired partitions in one conditional update (of several instances
     * trying at once, one holder wins each row) and returns those it got.
     */
    private List<Integer> take(Connection connection, int wanted, Set<Integer> mine) throws SQLException {
        List<Integer> free = new ArrayList<>();
        try (PreparedStatement find = connection.prepareStatement(
                "SELECT part FROM lane_partition WHERE expires_at <= NOW(6) AND part < ? ORDER BY RAND() LIMIT ?")) {
            find.setInt(1, count);
            find.setInt(2, wanted);
            try (ResultSet result = find.executeQuery()) {
                while (result.next()) {
                    free.add(result.getInt(1));
                }
            }
        }
        if (free.isEmpty()) {
            return List.of();
        }
        String parts = free.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
        try (PreparedStatement take = connection.prepareStatement(
                "UPDATE lane_partition SET holder = ?, epoch = epoch + 1, expires_at = NOW(6) + INTERVAL ? MICROSECOND "
                        + "WHERE part IN (" + parts + ") AND expires_at <= NOW(6)")) {
            take.setString(1, holder);
            take.setLong(2, lease.toNanos() / 1000);
            if (take.executeUpdate() == 0) {
                return List.of();
            }
        }
        List<Integer> taken = new ArrayList<>(held(connection));
        taken.removeAll(mine);
        return taken;
    }

    /** Expires the partitions being given back that have no chat under way here; the rest wait for the next round. */
    private void giveBack(Connection connection) throws SQLException {
        if (releasing.isEmpty()) {
            return;
        }
        Set<Integer> busy = new HashSet<>();
        for (long chat : busyLanes.get()) {
            busy.add(partitionOf(chat));
        }
        Set<Integer> gone = new HashSet<>();
        try (PreparedStatement release = connection.prepareStatement(
                "UPDATE lane_partition SET expires_at = NOW(6) - INTERVAL 1 SECOND WHERE part = ? AND holder = ?")) {
            for (int part : releasing) {
                if (!busy.contains(part)) {
                    release.setInt(1, part);
                    release.setString(2, holder);
                    release.executeUpdate();
                    gone.add(part);
                }
            }
        }
        if (!gone.isEmpty()) {
            Set<Integer> keep = new HashSet<>(held);
            keep.removeAll(gone);
            Set<Integer> stillGiving = new HashSet<>(releasing);
            stillGiving.removeAll(gone);
            releasing = Set.copyOf(stillGiving);
            held = Set.copyOf(keep);
            LOG.infof("Gave %d partitions back for another instance; handling %d of %d (%d instances)", gone.size(),
                    held.size(), count, members);
        }
    }
}
