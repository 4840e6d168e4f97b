package app.backcoach.questionnaire;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Where the operator keeps the questionnaires, and how long the weekly review waits for their answers. */
@ConfigMapping(prefix = "questionnaires")
public interface QuestionnaireConfig {

    String DEFAULT_PATH = "config/questionnaires";

    /**
     * A folder of {@code *.yaml} files, relative to the working directory (env {@code QUESTIONNAIRES_PATH});
     * when it does not exist, the questionnaires packaged with the app (PEG) are used.
     */
    @WithDefault(DEFAULT_PATH)
    String path();

    /** The weekly review follows the answers, or comes without them this much later. */
    @WithDefault("1h")
    Duration reviewWait();
}
