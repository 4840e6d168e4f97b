package app.backcoach.privacy;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** What the operator tells people about their data. */
@ConfigMapping(prefix = "privacy")
public interface PrivacyConfig {

    /**
     * Where people can read what each field of their /export means (the README's "Your data export"
     * as published by the operator). Without it the caption says where to find that section.
     */
    Optional<String> exportFormatUrl();
}
