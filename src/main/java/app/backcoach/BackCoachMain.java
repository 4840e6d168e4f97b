package app.backcoach;

import app.backcoach.database.EmbeddedDatabaseBootstrap;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Entry point of the packaged application. Without {@code DB_URL} it first starts the embedded
 * MariaDB, because the datasource URL must be known before Quarkus reads its runtime configuration.
 */
@QuarkusMain
public final class BackCoachMain {

    private static final String LOG_MANAGER = "java.util.logging.manager";

    private BackCoachMain() {
    }

    public static void main(String... args) {
        // Quarkus' launcher sets this before it calls us; started as the image's single jar, nothing does, and the
        // first library to log would fix the JDK's own log manager, bypassing Quarkus' format and redaction.
        if (System.getProperty(LOG_MANAGER) == null) {
            System.setProperty(LOG_MANAGER, "org.jboss.logmanager.LogManager");
        }
        EmbeddedDatabaseBootstrap.startUnlessExternalDatabase();
        // Our exit handler, not Quarkus' default: that one calls System.exit, which never returns
        // during a shutdown, and the embedded database must hear that the service has stopped.
        Quarkus.run(null, (exitCode, failure) -> {
            EmbeddedDatabaseBootstrap.serviceStopped();
            System.exit(exitCode);
        }, args);
    }
}
