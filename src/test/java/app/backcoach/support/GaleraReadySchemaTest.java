package app.backcoach.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What a MariaDB Galera cluster needs of the migrated schema and the code: every table has a primary key
 * (rows without one replicate badly or not at all) and is InnoDB (the only engine Galera replicates), and
 * nothing relies on what a node keeps to itself: named locks, table locks, temporary tables.
 */
@QuarkusTest
class GaleraReadySchemaTest {

    /** Statements Galera does not replicate, or replicates in a way a cluster cannot rely on. */
    private static final Pattern NODE_LOCAL = Pattern.compile(
            "(?i)\\b(GET_LOCK|RELEASE_LOCK|IS_FREE_LOCK|LOCK\\s+TABLES?|CREATE\\s+TEMPORARY|MyISAM)\\b|(?-i:ENGINE)\\s*=\\s*(?!\\s|InnoDB)");

    @Inject
    EntityManager entityManager;

    @Test
    void everyTableHasAPrimaryKey() {
        List<?> withoutKey = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                SELECT t.TABLE_NAME FROM information_schema.TABLES t
                WHERE t.TABLE_SCHEMA = DATABASE() AND t.TABLE_TYPE = 'BASE TABLE'
                  AND NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS c
                                  WHERE c.TABLE_SCHEMA = t.TABLE_SCHEMA AND c.TABLE_NAME = t.TABLE_NAME
                                    AND c.CONSTRAINT_TYPE = 'PRIMARY KEY')""").getResultList());
        assertThat(withoutKey).isEmpty();
        assertThat(tableCount()).as("the migrated schema is there").isGreaterThan(15);
    }

    @Test
    void everyTableIsInnoDb() {
        List<?> otherEngines = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                SELECT CONCAT(TABLE_NAME, ' ', ENGINE) FROM information_schema.TABLES
                WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' AND ENGINE <> 'InnoDB'""").getResultList());
        assertThat(otherEngines).isEmpty();
    }

    @Test
    void noCodeOrMigrationReliesOnWhatANodeKeepsToItself() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path root : List.of(Path.of("src/main/java"), Path.of("src/main/resources/db/migration"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    List<String> lines = Files.readAllLines(file);
                    for (int i = 0; i < lines.size(); i++) {
                        String line = lines.get(i).strip();
                        boolean comment = line.startsWith("--") || line.startsWith("*") || line.startsWith("//")
                                || line.startsWith("/*");
                        if (!comment && NODE_LOCAL.matcher(line).find()) {
                            found.add(file + ":" + (i + 1) + ": " + line);
                        }
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }

    private long tableCount() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()").getSingleResult())
                .longValue());
    }
}
