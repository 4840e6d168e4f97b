package app.backcoach.catalogue;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Loads the catalogue once, at startup: a broken file stops the service with the list of problems
 * instead of failing a user's session later. The operator's file wins; the copy packaged with the
 * app (built from the same config/exercises.yaml) serves when none is deployed, as in a bare image.
 */
@Singleton
public class CatalogueProducer {

    static final String PACKAGED = "exercises.yaml";
    private static final Logger LOG = Logger.getLogger(CatalogueProducer.class);

    private final CatalogueConfig config;

    public CatalogueProducer(CatalogueConfig config) {
        this.config = config;
    }

    @Produces
    @Singleton
    @Startup
    Catalogue catalogue() {
        try {
            return load();
        } catch (CatalogueException e) {
            LOG.errorf("The exercise catalogue cannot be used; fix it and restart:%n%s", e.getMessage());
            throw e;
        }
    }

    private Catalogue load() {
        Path file = Path.of(config.path());
        if (Files.exists(file)) {
            Catalogue catalogue = CatalogueLoader.parse(read(file), config.path());
            LOG.infof("Exercise catalogue: %d exercises (version %d) from %s", catalogue.size(), catalogue.version(),
                    file.toAbsolutePath());
            return catalogue;
        }
        if (!CatalogueConfig.DEFAULT_PATH.equals(config.path())) {
            // The operator pointed somewhere on purpose; quietly using another file would hide the mistake.
            LOG.warnf("CATALOGUE_PATH %s does not exist (working directory %s); using the packaged catalogue",
                    config.path(), Path.of("").toAbsolutePath());
        }
        String source = "classpath:" + PACKAGED;
        Catalogue catalogue = CatalogueLoader.parse(readPackaged(source), source);
        LOG.infof("Exercise catalogue: %d exercises (version %d) from the packaged %s (%s not found)",
                catalogue.size(), catalogue.version(), PACKAGED, config.path());
        return catalogue;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw new CatalogueException(file + ": is not UTF-8 text; save it as UTF-8", e);
        } catch (IOException e) {
            throw new CatalogueException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private String readPackaged(String source) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(PACKAGED)) {
            if (in == null) {
                throw new CatalogueException(List.of(config.path() + " does not exist and this build "
                        + "carries no packaged " + PACKAGED + ": deploy the catalogue or set CATALOGUE_PATH"));
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CatalogueException(source + ": cannot be read: " + e.getMessage(), e);
        }
    }
}
