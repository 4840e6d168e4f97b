package app.backcoach.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * One instance delivers at a time, by a lease row: when it stops, freezes or is deposed, another takes
 * over with the next epoch, and the old one stops calling Telegram before the new one can start.
 */
@QuarkusTest
class DispatchLeaderTest {

    private static final Duration RETRY = Duration.ofMillis(100);
    private static final Duration LEASE = Duration.ofMillis(800);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    DispatchLeader application;

    @Test
    void theRunningServiceLeads() {
        await().until(application::isLeading);
        assertThat(application.mayCall()).isTrue();
        assertThat(application.epoch()).isPositive();
    }

    @Test
    void onlyOneOfTwoLeadsAndTheOtherTakesOverAtOnceWhenItStops() throws InterruptedException {
        String name = "test-" + System.nanoTime();
        DispatchLeader first = new DispatchLeader(dataSource, name, RETRY, Duration.ofSeconds(30));
        DispatchLeader second = new DispatchLeader(dataSource, name, RETRY, Duration.ofSeconds(30));
        AtomicInteger secondLed = new AtomicInteger();
        first.start(() -> { }, () -> { });
        await().until(first::isLeading);
        second.start(secondLed::incrementAndGet, () -> { });

        Thread.sleep(10 * RETRY.toMillis());
        assertThat(second.isLeading()).isFalse();
        assertThat(second.mayCall()).isFalse();
        assertThat(secondLed).hasValue(0);

        long firstEpoch = first.epoch();
        first.stop();
        // Stopping expires the lease: no need to wait out its 30 s.
        await().atMost(Duration.ofSeconds(5)).until(second::isLeading);
        assertThat(secondLed).hasValue(1);
        assertThat(second.epoch()).isEqualTo(firstEpoch + 1);
        second.stop();
    }

    @Test
    void aFrozenLeaderStopsCallingBeforeAStandbyCanTakeOver() {
        String name = "test-" + System.nanoTime();
        DispatchLeader first = new DispatchLeader(dataSource, name, RETRY, LEASE);
        DispatchLeader second = new DispatchLeader(dataSource, name, RETRY, LEASE);
        first.start(() -> { }, () -> { });
        await().until(first::mayCall);
        long firstEpoch = first.epoch();
        AtomicInteger firstCouldCallWhenSecondLed = new AtomicInteger();
        second.start(() -> firstCouldCallWhenSecondLed.set(first.mayCall() ? 1 : 0), () -> { });

        first.freeze(); // a long pause or a cut-off network: no renewals, no release

        await().atMost(LEASE).until(() -> !first.mayCall());
        await().atMost(Duration.ofSeconds(5)).until(second::isLeading);
        assertThat(firstCouldCallWhenSecondLed).hasValue(0);
        assertThat(second.epoch()).isEqualTo(firstEpoch + 1);
        second.stop();
    }

    @Test
    void aLeaderWhoseLeasePassedElsewhereStepsDownAtItsNextRenewal() throws Exception {
        String name = "test-" + System.nanoTime();
        DispatchLeader first = new DispatchLeader(dataSource, name, RETRY, Duration.ofSeconds(30));
        AtomicInteger lost = new AtomicInteger();
        first.start(() -> { }, lost::incrementAndGet);
        await().until(first::isLeading);

        // As another node would after the lease ran out there: a new holder with the next epoch.
        try (Connection admin = dataSource.getConnection(); PreparedStatement take = admin.prepareStatement(
                "UPDATE dispatch_lease SET holder = 'elsewhere', epoch = epoch + 1, "
                        + "expires_at = NOW(6) + INTERVAL 1 MINUTE WHERE name = ?")) {
            take.setString(1, name);
            assertThat(take.executeUpdate()).isOne();
        }

        await().atMost(Duration.ofSeconds(5)).until(() -> lost.get() == 1);
        assertThat(first.isLeading()).isFalse();
        assertThat(first.mayCall()).isFalse();
        first.stop();
    }

    @Test
    void whileAnotherInstanceHoldsTheLeaseThisOneNeitherPollsNorSendsAndLaterLosesNothing() throws Exception {
        await().until(application::mayCall);
        long epochBefore = application.epoch();
        setLease("elsewhere", "epoch + 1", "NOW(6) + INTERVAL 1 MINUTE");
        await().atMost(Duration.ofSeconds(5)).until(() -> !application.isLeading());

        long chat = app.backcoach.testing.Chats.newChat();
        app.backcoach.testing.FakeBotApi.instance().pushText(chat, "/help");
        Thread.sleep(1500);
        assertThat(app.backcoach.testing.FakeBotApi.instance().currentMessages(chat)).isEmpty();

        setLease("elsewhere", "epoch", "NOW(6) - INTERVAL 1 SECOND"); // the other instance's lease runs out
        assertThat(app.backcoach.testing.Chats.awaitReply(chat)).contains("What I can do");
        assertThat(application.epoch()).isEqualTo(epochBefore + 2);
        try (Connection admin = dataSource.getConnection(); PreparedStatement sent = admin.prepareStatement(
                "SELECT MIN(sent_epoch) FROM outbox_message WHERE chat_id = ?")) {
            sent.setLong(1, chat);
            var result = sent.executeQuery();
            result.next();
            assertThat(result.getLong(1)).isEqualTo(epochBefore + 2);
        }
    }

    private void setLease(String holder, String epoch, String expiresAt) throws Exception {
        try (Connection admin = dataSource.getConnection(); PreparedStatement take = admin.prepareStatement(
                "UPDATE dispatch_lease SET holder = ?, epoch = " + epoch + ", expires_at = " + expiresAt
                        + " WHERE name = 'dispatch'")) {
            take.setString(1, holder);
            assertThat(take.executeUpdate()).isOne();
        }
    }

    @Test
    void aLeaseShorterThanTwoRenewalsIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        new DispatchLeader(dataSource, "x", Duration.ofSeconds(5), Duration.ofSeconds(9)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("leader.lease");
    }
}
