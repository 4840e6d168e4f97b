package app.backcoach.telegram;

import static app.backcoach.testing.Chats.awaitReply;
import static app.backcoach.testing.Chats.newChat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.backcoach.testing.FakeBotApi;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The database goes away and comes back while polling goes on (a Galera node dying under the instance, its
 * driver failing over): the update that could not be stored is stored later, though the library never hands
 * a batch it has received over a second time.
 */
@QuarkusTest
class StoreRetryTest {

    private final FakeBotApi fake = FakeBotApi.instance();

    @Inject
    DataSource dataSource;

    @AfterEach
    void restore() throws SQLException {
        restoreInboxTable();
    }

    @Test
    void anUpdateThatCouldNotBeStoredIsStoredOnceTheDatabaseIsBackWithoutARestart() throws Exception {
        long warmUp = newChat();
        fake.pushText(warmUp, "/help");
        awaitReply(warmUp); // polling runs and stores
        long first = newChat();
        long second = newChat();
        execute("RENAME TABLE inbox_update TO inbox_update_away"); // inserts into the inbox fail
        int lost = fake.pushText(first, "/help");
        await().atMost(Duration.ofSeconds(10)).until(() -> fake.deliveredUpdateIds().contains(lost));
        Thread.sleep(500); // refetched and retried a few times meanwhile

        restoreInboxTable();
        fake.pushText(second, "/help"); // a newer update, stored at once: it must not confirm the first unseen

        assertThat(awaitReply(second)).contains("What I can do");
        assertThat(awaitReply(first)).contains("What I can do");
    }

    private void restoreInboxTable() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            if (statement.executeQuery("SHOW TABLES LIKE 'inbox_update_away'").next()) {
                statement.execute("RENAME TABLE inbox_update_away TO inbox_update");
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
