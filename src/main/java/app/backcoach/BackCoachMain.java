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

    private BackCoachMain() {
    }

    public static void main(String... args) {
        EmbeddedDatabaseBootstrap.startUnlessExternalDatabase();
        // Our exit handler, not Quarkus' default: that one calls System.exit, which never returns
        // during a shutdown, and the embedded database must hear that the service has stopped.
        Quarkus.run(null, (exitCode, failure) -> {
            EmbeddedDatabaseBootstrap.serviceStopped();
            System.exit(exitCode);
        }, args);
    }
}
