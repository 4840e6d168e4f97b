package app.backcoach.database;

import java.nio.file.Path;
import org.jboss.logging.Logger;

/**
 * Decides at launch whether the service uses an external MariaDB ({@code DB_URL}) or starts the
 * embedded one, and hands the embedded server's address to Quarkus through system properties.
 */
public final class EmbeddedDatabaseBootstrap {

    static final String DEFAULT_DIRECTORY = "data/mariadb";
    static final String DATABASE_NAME = "backcoach";
    private static final Logger LOG = Logger.getLogger(EmbeddedDatabaseBootstrap.class);

    private EmbeddedDatabaseBootstrap() {
    }

    public static void startUnlessExternalDatabase() {
        if (isSet(setting("DB_URL"))) {
            return;
        }
        Path directory = Path.of(isSet(setting("EMBEDDED_DB_DIR")) ? setting("EMBEDDED_DB_DIR") : DEFAULT_DIRECTORY);
        EmbeddedMariaDb database;
        try {
            database = EmbeddedMariaDb.start(directory, DATABASE_NAME);
        } catch (NoClassDefFoundError missing) {
            // Container images are built without the embedded server (-DnoEmbeddedDb).
            throw new IllegalStateException(
                    "DB_URL is not set and this build carries no embedded MariaDB: set DB_URL, DB_USER and DB_PASSWORD.");
        }
        Runtime.getRuntime().addShutdownHook(new Thread(database::close, "embedded-mariadb-stop"));
        System.setProperty("quarkus.datasource.jdbc.url", database.jdbcUrl());
        System.setProperty("quarkus.datasource.username", EmbeddedMariaDb.USER);
        System.setProperty("quarkus.datasource.password", "");
        LOG.infof("No DB_URL set: using the embedded MariaDB with its data in %s", directory.toAbsolutePath());
    }

    private static String setting(String name) {
        String fromSystem = System.getProperty(name);
        return fromSystem != null ? fromSystem : System.getenv(name);
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
