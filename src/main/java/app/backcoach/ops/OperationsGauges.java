package app.backcoach.ops;

import app.backcoach.support.DispatchLeader;
import app.backcoach.support.PartitionLeases;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * What the alert rules look at besides the counters: the outbox and inbox backlogs and their age,
 * how late due jobs are, and whether this instance leads (and under which epoch, so Prometheus can
 * count leader changes). Read from the database at most every {@link #FRESH_FOR}, on scrape.
 */
@ApplicationScoped
@Startup
public class OperationsGauges {

    private static final Logger LOG = Logger.getLogger(OperationsGauges.class);
    static final Duration FRESH_FOR = Duration.ofSeconds(10);

    record Reading(double outboxBacklog, double outboxOldestSeconds, double inboxBacklog, double scheduleLagSeconds) {
        static final Reading NONE = new Reading(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    private final AgroalDataSource dataSource;
    private volatile Reading reading = Reading.NONE;
    private volatile long readAtNanos;

    public OperationsGauges(AgroalDataSource dataSource, MeterRegistry registry, DispatchLeader leader,
                            PartitionLeases partitions) {
        this.dataSource = dataSource;
        Gauge.builder("backcoach.outbox.backlog", this, gauges -> gauges.fresh().outboxBacklog())
                .description("Messages waiting to be sent").register(registry);
        Gauge.builder("backcoach.outbox.oldest.seconds", this, gauges -> gauges.fresh().outboxOldestSeconds())
                .description("Age of the oldest message waiting to be sent").register(registry);
        Gauge.builder("backcoach.inbox.backlog", this, gauges -> gauges.fresh().inboxBacklog())
                .description("Updates received and not yet handled").register(registry);
        Gauge.builder("backcoach.schedule.lag.seconds", this, gauges -> gauges.fresh().scheduleLagSeconds())
                .description("How late the most overdue scheduled job is").register(registry);
        Gauge.builder("backcoach.leader", leader, current -> current.isLeading() ? 1 : 0)
                .description("1 while this instance talks to Telegram").register(registry);
        Gauge.builder("backcoach.leader.epoch", leader, DispatchLeader::epoch)
                .description("The epoch of this instance's lease (-1 when it does not lead)").register(registry);
        Gauge.builder("backcoach.handling.partitions", partitions, current -> current.handling().size())
                .description("Partitions of the chats this instance handles now").register(registry);
        Gauge.builder("backcoach.handling.instances", partitions, PartitionLeases::members)
                .description("Instances sharing the handling, as this one last counted").register(registry);
    }

    private synchronized Reading fresh() {
        long now = System.nanoTime();
        if (reading != Reading.NONE && now - readAtNanos < FRESH_FOR.toNanos()) {
            return reading;
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            double backlog;
            double oldest;
            try (ResultSet outbox = statement.executeQuery("SELECT COUNT(*), "
                    + "COALESCE(TIMESTAMPDIFF(MICROSECOND, MIN(created_at), UTC_TIMESTAMP(6)) / 1e6, 0) "
                    + "FROM outbox_message WHERE status = 'PENDING'")) {
                outbox.next();
                backlog = outbox.getDouble(1);
                oldest = outbox.getDouble(2);
            }
            double inbox;
            try (ResultSet pending = statement.executeQuery(
                    "SELECT COUNT(*) FROM inbox_update WHERE status = 'PENDING'")) {
                pending.next();
                inbox = pending.getDouble(1);
            }
            double lag;
            try (ResultSet due = statement.executeQuery("SELECT COALESCE(TIMESTAMPDIFF(MICROSECOND, MIN(due_at), "
                    + "UTC_TIMESTAMP(6)) / 1e6, 0) FROM scheduled_job WHERE due_at <= UTC_TIMESTAMP(6)")) {
                due.next();
                lag = Math.max(0, due.getDouble(1));
            }
            reading = new Reading(backlog, oldest, inbox, lag);
            readAtNanos = now;
        } catch (SQLException e) {
            LOG.debugf("Gauges not read: %s", e.getMessage());
            reading = Reading.NONE;
        }
        return reading;
    }
}
