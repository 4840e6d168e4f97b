package app.backcoach.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What startup does with the operator's file: use it, refuse a broken one, fall back when there is none. */
class CatalogueProducerTest {

    @TempDir
    Path folder;

    @Test
    void aBrokenReferenceStopsStartupNamingTheEntry() throws IOException {
        Path file = folder.resolve("exercises.yaml");
        Files.writeString(file, Files.readString(Path.of("config/exercises.yaml"))
                .replace("regression: quadruped-leg-reach", "regression: quadruped-leg-raech"));

        assertThatThrownBy(() -> new CatalogueProducer(() -> file.toString()).catalogue())
                .isInstanceOf(CatalogueException.class)
                .hasMessageContaining("exercise \"bird-dog\"")
                .hasMessageContaining("\"quadruped-leg-raech\" is not in the catalogue");
    }

    @Test
    void theOperatorsFileIsUsed() throws IOException {
        Path file = folder.resolve("exercises.yaml");
        Files.writeString(file, Files.readString(Path.of("config/exercises.yaml"))
                .replace("name: Bird-dog", "name: Bird dog (our clinic's way)"));

        Catalogue catalogue = new CatalogueProducer(() -> file.toString()).catalogue();

        assertThat(catalogue.get("bird-dog").text("en").name()).isEqualTo("Bird dog (our clinic's way)");
    }

    @Test
    void withoutAFileThePackagedCopyServes() {
        Catalogue catalogue = new CatalogueProducer(() -> folder.resolve("missing.yaml").toString()).catalogue();

        assertThat(catalogue.size()).isGreaterThanOrEqualTo(40);
        assertThat(catalogue.find("mcgill-curl-up")).isPresent();
    }
}
