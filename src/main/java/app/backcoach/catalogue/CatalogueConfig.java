package app.backcoach.catalogue;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the operator keeps the exercise catalogue. */
@ConfigMapping(prefix = "catalogue")
public interface CatalogueConfig {

    String DEFAULT_PATH = "config/exercises.yaml";

    /** Relative to the working directory; when the file is absent the copy packaged with the app is used. */
    @WithDefault(DEFAULT_PATH)
    String path();
}
