package app.backcoach.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The pool's connections stay in manual-commit mode, so a JTA transaction sends no autocommit switches;
 * used outside a transaction, a connection still ends as autocommit would have left it.
 */
@QuarkusTest
class ManualCommitConnectionsTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EntityManager entityManager;

    /**
     * The pool switches autocommit off at a transaction's start only when it finds it on, and back on at
     * its end only when it switched it: a connection found off between transactions costs neither.
     */
    @Test
    void aConnectionBetweenTransactionsIsInManualCommitMode() throws SQLException {
        for (int i = 0; i < 3; i++) {
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("SELECT 1").getSingleResult());
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT @@autocommit")) {
            row.next();
            assertThat(row.getInt(1)).isZero();
        }
    }

    @Test
    void aWriteOutsideATransactionIsCommittedWhenTheConnectionGoesBack() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS manual_commit_probe (id INT PRIMARY KEY, seen INT NOT NULL)");
            statement.execute("REPLACE INTO manual_commit_probe VALUES (1, 1)");
        }
        assertThat(seenFromAnotherClient()).isEqualTo(1);

        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("UPDATE manual_commit_probe SET seen = 2 WHERE id = 1");
        }
        assertThat(seenFromAnotherClient()).isEqualTo(2);
    }

    @Test
    void aReadOutsideATransactionLeavesNoOldSnapshotBehind() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS manual_commit_probe (id INT PRIMARY KEY, seen INT NOT NULL)");
            statement.execute("REPLACE INTO manual_commit_probe VALUES (2, 10)");
        }
        assertThat(seenThroughThePool(2)).isEqualTo(10);
        try (Connection other = java.sql.DriverManager.getConnection(url(), user(), password());
             Statement statement = other.createStatement()) {
            statement.execute("UPDATE manual_commit_probe SET seen = 11 WHERE id = 2");
        }
        // Had the read above left its transaction open, this read would still see its snapshot: 10.
        assertThat(seenThroughThePool(2)).isEqualTo(11);
    }

    private int seenThroughThePool(int id) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT seen FROM manual_commit_probe WHERE id = " + id)) {
            row.next();
            return row.getInt(1);
        }
    }

    private int seenFromAnotherClient() throws SQLException {
        try (Connection other = java.sql.DriverManager.getConnection(url(), user(), password());
             Statement statement = other.createStatement();
             ResultSet row = statement.executeQuery("SELECT seen FROM manual_commit_probe WHERE id = 1")) {
            row.next();
            return row.getInt(1);
        }
    }

    private static String url() {
        return ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
    }

    private static String user() {
        return ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.username", String.class).orElse("root");
    }

    private static String password() {
        return ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.password", String.class).orElse("");
    }
}
