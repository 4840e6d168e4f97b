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
        try {
            Quarkus.run(args);
        } finally {
            EmbeddedDatabaseBootstrap.serviceStopped();
        }
    }
}
