package app.backcoach.database;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Decides at launch whether the service uses an external MariaDB ({@code DB_URL}) or starts the
 * embedded one, and hands the embedded server's address to Quarkus through system properties.
 */
public final class EmbeddedDatabaseBootstrap {

    static final String DEFAULT_DIRECTORY = "data/mariadb";
    static final String DATABASE_NAME = "backcoach";
    /** Longer than the service's own shutdown timeout, so its in-flight work can still be stored. */
    private static final Duration SERVICE_STOP_WAIT = Duration.ofSeconds(30);
    private static final CountDownLatch SERVICE_STOPPED = new CountDownLatch(1);
    private static final Logger LOG = Logger.getLogger(EmbeddedDatabaseBootstrap.class);

    private EmbeddedDatabaseBootstrap() {
    }

    public static void startUnlessExternalDatabase() {
        if (isSet(setting("DB_URL"))) {
            return;
        }
        Path directory = Path.of(isSet(setting("EMBEDDED_DB_DIR")) ? setting("EMBEDDED_DB_DIR") : DEFAULT_DIRECTORY);
        EmbeddedMariaDb database = EmbeddedMariaDb.start(directory, DATABASE_NAME);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // The service finishes its work and closes its connections first; then the server stops.
            awaitServiceStopped();
            database.close();
        }, "embedded-mariadb-stop"));
        System.setProperty("quarkus.datasource.jdbc.url", database.jdbcUrl(DATABASE_NAME));
        System.setProperty("quarkus.datasource.username", EmbeddedMariaDb.USER);
        System.setProperty("quarkus.datasource.password", database.password());
        LOG.infof("No DB_URL set: using the embedded MariaDB with its data in %s", directory.toAbsolutePath());
    }

    /** Called by the entry point once Quarkus has stopped. */
    public static void serviceStopped() {
        SERVICE_STOPPED.countDown();
    }

    private static void awaitServiceStopped() {
        try {
            SERVICE_STOPPED.await(SERVICE_STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String setting(String name) {
        String fromSystem = System.getProperty(name);
        return fromSystem != null ? fromSystem : System.getenv(name);
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
