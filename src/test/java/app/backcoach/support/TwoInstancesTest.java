package app.backcoach.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.backcoach.intake.InboxService;
import app.backcoach.intake.IntakeConfig;
import app.backcoach.intake.IntakeDispatcher;
import app.backcoach.intake.UpdateProcessor;
import app.backcoach.testing.Chats;
import app.backcoach.testing.FakeBotApi;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances handle updates from one database: the running service and a second intake beside
 * it, with its own partition leases and its own workers, as another process would have (it shares
 * only the stateless handling beans). The chats spread over both; when the second stops or dies
 * mid-load, its chats move to the first, and every chat still gets each reply exactly once, in order.
 */
@QuarkusTest
class TwoInstancesTest {

    private static final int CHATS = 24;
    private static final int ROUNDS = 6;
    private static final String HELP = "What I can do";
    private static final String CANCEL = "nothing to cancel";

    private final FakeBotApi fake = FakeBotApi.instance();

    @Inject
    AgroalDataSource dataSource;

    @Inject
    PartitionLeases first;

    @Inject
    PartitionLeases.Config config;

    @Inject
    InboxService inbox;

    @Inject
    UpdateProcessor processor;

    @Inject
    IntakeConfig intakeConfig;

    @Inject
    Clock clock;

    @Inject
    app.backcoach.database.Sql sql;

    private PartitionLeases secondLeases;
    private IntakeDispatcher second;

    @AfterEach
    void stopTheSecond() {
        if (second != null) {
            second.stop(Duration.ofSeconds(5));
        }
        // The service alone again holds every partition, as the other tests expect.
        await().atMost(Duration.ofSeconds(15)).until(first::handlesAll);
    }

    @Test
    void chatsSpreadOverBothAndWhenOneStopsItsChatsGoOnAtTheOtherWithNothingTwiceLostOrReordered() throws Exception {
        startSecond();
        List<Long> chats = pushLoad();

        await().atMost(Duration.ofSeconds(20)).until(() -> handledBy(secondLeases.holder(), chats) >= 10);
        second.stop(Duration.ofSeconds(5)); // a clean stop: it finishes what it started and gives its partitions back
        second = null;

        assertEveryChatAnsweredOnceInOrder(chats);
        assertThat(handledBy(first.holder(), chats)).isPositive();
        assertThat(handledBy(secondLeases.holder(), chats)).isPositive();
    }

    @Test
    void whenOneDiesMidLoadItsChatsMoveOnAfterItsLeaseRunsOutWithNothingTwiceLostOrReordered() throws Exception {
        startSecond();
        List<Long> chats = pushLoad();

        await().atMost(Duration.ofSeconds(20)).until(() -> handledBy(secondLeases.holder(), chats) >= 10);
        // As a killed or paused process: it stops renewing and gives nothing back. Its workers go on
        // running (a paused process that wakes up again would), but stop taking its chats by its own
        // clock before the lease can pass; the service takes them over once the lease has run out.
        secondLeases.freeze();
        await().atMost(config.lease()).until(() -> secondLeases.handling().isEmpty());

        assertEveryChatAnsweredOnceInOrder(chats);
        assertThat(handledBy(first.holder(), chats)).isPositive();
    }

    @Test
    void aNewcomerGetsAboutHalfThePartitions() {
        startSecond();
        await().atMost(Duration.ofSeconds(10)).until(() -> secondLeases.handling().size() == first.count() / 2
                && first.handling().size() == first.count() / 2);
        assertThat(first.members()).isEqualTo(2);
        assertThat(first.handlesAll()).isFalse();
    }

    /**
     * The last line of defence: an instance paused past its lease that wakes up mid-update, beside the
     * new holder handling the same update. Both take it at the same moment; it is handled once.
     */
    @Test
    void anUpdateTwoInstancesTakeAtTheSameMomentIsHandledOnce() throws Exception {
        await().atMost(Duration.ofSeconds(15)).until(first::handlesAll);
        // A holder of half the chats that handles none of them: their updates are stored and wait.
        secondLeases = new PartitionLeases(dataSource, config);
        secondLeases.start(() -> { }, Set::of);
        await().atMost(Duration.ofSeconds(10)).until(() -> secondLeases.handling().size() == first.count() / 2);
        List<Long> chats = new ArrayList<>();
        ExecutorService both = Executors.newFixedThreadPool(2);
        try {
            for (long chat = Chats.newChat(); chats.size() < 20; chat = Chats.newChat()) {
                if (!secondLeases.handling().contains(secondLeases.partitionOf(chat))) {
                    continue;
                }
                long updateId = fake.pushText(chat, "/help");
                chats.add(chat);
                await().until(() -> count("SELECT COUNT(*) FROM inbox_update WHERE update_id = ?", updateId) == 1);
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<?>> runs = new ArrayList<>();
                for (String instance : List.of("one", "two")) {
                    runs.add(both.submit(() -> {
                        together.await();
                        processor.handle(updateId, instance);
                        return null;
                    }));
                }
                for (Future<?> run : runs) {
                    run.get(30, TimeUnit.SECONDS);
                }
            }
        } finally {
            both.shutdownNow();
            secondLeases.stop();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> chats.stream()
                .allMatch(chat -> !fake.sentMessages(chat).isEmpty()));
        Thread.sleep(500); // a double would come within this
        assertThat(chats).allSatisfy(chat -> assertThat(fake.sentMessages(chat)).hasSize(1));
    }

    private void startSecond() {
        await().atMost(Duration.ofSeconds(15)).until(first::handlesAll);
        secondLeases = new PartitionLeases(dataSource, config);
        second = new IntakeDispatcher(inbox, processor, intakeConfig, clock, secondLeases, sql);
        second.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> !secondLeases.handling().isEmpty() && !first.handlesAll());
    }

    /** Each chat sends /help and /cancel by turns, all at once: six updates per chat, queued together. */
    private List<Long> pushLoad() {
        List<Long> chats = new ArrayList<>();
        for (int i = 0; i < CHATS; i++) {
            chats.add(Chats.newChat());
        }
        for (int round = 0; round < ROUNDS; round++) {
            for (long chat : chats) {
                fake.pushText(chat, round % 2 == 0 ? "/help" : "/cancel");
            }
        }
        return chats;
    }

    private void assertEveryChatAnsweredOnceInOrder(List<Long> chats) throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> chats.stream()
                .allMatch(chat -> fake.sentMessages(chat).size() >= ROUNDS && pending(chat) == 0));
        Thread.sleep(500); // a double would come within this
        Map<Long, List<String>> wrong = new HashMap<>();
        for (long chat : chats) {
            List<String> replies = fake.sentMessages(chat).stream().map(FakeBotApi.Call::text).toList();
            boolean inOrder = replies.size() == ROUNDS;
            for (int round = 0; inOrder && round < ROUNDS; round++) {
                inOrder = replies.get(round).contains(round % 2 == 0 ? HELP : CANCEL);
            }
            if (!inOrder) {
                wrong.put(chat, replies);
            }
            assertThat(handledTimesInUpdateOrder(chat)).as("chat %d handled in update order", chat).isSorted();
        }
        assertThat(wrong).as("chats whose replies were missing, doubled or out of order").isEmpty();
        assertThat(fake.violations()).isEmpty();
    }

    private long handledBy(String holder, List<Long> chats) {
        return count("SELECT COUNT(*) FROM inbox_update WHERE handled_by = ? AND chat_id BETWEEN ? AND ?",
                holder, chats.get(0), chats.get(chats.size() - 1));
    }

    private long pending(long chat) {
        return count("SELECT COUNT(*) FROM inbox_update WHERE status <> 'DONE' AND chat_id = ?", chat);
    }

    private List<Timestamp> handledTimesInUpdateOrder(long chat) throws Exception {
        List<Timestamp> times = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(
                "SELECT handled_at FROM inbox_update WHERE chat_id = ? ORDER BY update_id")) {
            query.setLong(1, chat);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    times.add(result.getTimestamp(1));
                }
            }
        }
        assertThat(times).hasSize(ROUNDS);
        return times;
    }

    private long count(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
