package app.backcoach.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** One instance delivers at a time; when it goes, or its connection dies, another takes over. */
@QuarkusTest
class DispatchLeaderTest {

    private static final Duration RETRY = Duration.ofMillis(100);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    DispatchLeader application;

    @Test
    void theRunningServiceLeads() {
        await().until(application::isLeading);
    }

    @Test
    void onlyOneOfTwoLeadsAndTheOtherTakesOverWhenItStops() throws InterruptedException {
        String lock = "test-" + System.nanoTime();
        DispatchLeader first = new DispatchLeader(dataSource, lock, RETRY);
        DispatchLeader second = new DispatchLeader(dataSource, lock, RETRY);
        AtomicInteger secondLed = new AtomicInteger();
        first.start(() -> { }, () -> { });
        await().until(first::isLeading);
        second.start(secondLed::incrementAndGet, () -> { });

        Thread.sleep(10 * RETRY.toMillis());
        assertThat(second.isLeading()).isFalse();
        assertThat(secondLed).hasValue(0);

        first.stop();
        await().atMost(Duration.ofSeconds(5)).until(second::isLeading);
        assertThat(secondLed).hasValue(1);
        second.stop();
    }

    @Test
    void aLeaderWhoseConnectionDiesStepsDownAndAStandbyLeads() throws Exception {
        String lock = "test-" + System.nanoTime();
        DispatchLeader first = new DispatchLeader(dataSource, lock, RETRY);
        DispatchLeader second = new DispatchLeader(dataSource, lock, RETRY);
        AtomicInteger firstLost = new AtomicInteger();
        first.start(() -> { }, firstLost::incrementAndGet);
        await().until(first::isLeading);
        second.start(() -> { }, () -> { });

        try (Connection admin = dataSource.getConnection(); Statement statement = admin.createStatement()) {
            ResultSet holder = statement.executeQuery("SELECT IS_USED_LOCK('back-coach:" + admin.getCatalog() + ":"
                    + lock + "')");
            holder.next();
            statement.execute("KILL " + holder.getLong(1));
        }

        await().atMost(Duration.ofSeconds(5)).until(() -> firstLost.get() == 1 && !first.isLeading());
        await().atMost(Duration.ofSeconds(5)).until(second::isLeading);
        first.stop();
        second.stop();
    }
}
