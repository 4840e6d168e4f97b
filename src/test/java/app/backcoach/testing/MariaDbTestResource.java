package app.backcoach.testing;

import app.backcoach.database.EmbeddedMariaDb;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.Map;

/**
 * Real MariaDB for every test: the server named by DB_URL when set (CI creates a fresh database),
 * otherwise an embedded MariaDB under target/ with an empty schema.
 */
public class MariaDbTestResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedMariaDb embedded;

    @Override
    public Map<String, String> start() {
        String external = System.getenv("DB_URL");
        if (external != null && !external.isBlank()) {
            return Map.of();
        }
        embedded = EmbeddedMariaDb.start(Path.of("target", "embedded-mariadb"), "backcoach_test", true);
        return Map.of(
                "quarkus.datasource.jdbc.url", embedded.jdbcUrl("backcoach_test"),
                "quarkus.datasource.username", EmbeddedMariaDb.USER,
                "quarkus.datasource.password", embedded.password());
    }

    @Override
    public void stop() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
