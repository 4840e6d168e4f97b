package app.backcoach.questionnaire;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Loads the questionnaires once, at startup, like the exercise catalogue: a broken file stops the service with
 * every problem named by file and field, instead of failing someone's weekly round later. The operator's folder
 * wins; the copies packaged with the app (built from the same config/questionnaires) serve when none is deployed.
 */
@Singleton
public class QuestionnaireProducer {

    /** What the build packages from config/questionnaires (a folder on the class path cannot be listed). */
    static final List<String> PACKAGED = List.of("questionnaires/peg.yaml");
    private static final Logger LOG = Logger.getLogger(QuestionnaireProducer.class);

    private final QuestionnaireConfig config;

    public QuestionnaireProducer(QuestionnaireConfig config) {
        this.config = config;
    }

    @Produces
    @Singleton
    @Startup
    Questionnaires questionnaires() {
        try {
            Questionnaires loaded = load();
            Path folder = Path.of(config.path()).toAbsolutePath();
            // Where they came from, as the catalogue says it: an operator can see their folder was read.
            String origin = Files.isDirectory(folder) ? "from " + folder : "from the packaged copies";
            LOG.infof("Questionnaires: %s %s", loaded.all().isEmpty() ? "none (no *.yaml file)"
                    : String.join(", ", loaded.all().stream()
                    .map(q -> q.id() + " (version " + q.version() + ", " + QuestionnaireLoader.kebab(q.asked().when())
                            + ")").toList()), origin);
            return loaded;
        } catch (QuestionnaireException e) {
            LOG.errorf("The questionnaires cannot be used; fix them and restart:%n%s", e.getMessage());
            throw e;
        }
    }

    private Questionnaires load() {
        Path folder = Path.of(config.path());
        Map<String, String> sources = new java.util.LinkedHashMap<>();
        if (Files.isDirectory(folder)) {
            for (Path file : files(folder)) {
                sources.put(file.toString(), read(file));
            }
        } else {
            if (!QuestionnaireConfig.DEFAULT_PATH.equals(config.path())) {
                // Pointed somewhere on purpose: quietly using other questionnaires would hide the mistake.
                LOG.warnf("QUESTIONNAIRES_PATH %s is not a folder (working directory %s); using the packaged ones",
                        config.path(), Path.of("").toAbsolutePath());
            }
            for (String resource : PACKAGED) {
                sources.put("classpath:" + resource, readPackaged(resource));
            }
        }
        return parseAll(sources);
    }

    /** Every file on its own, then the ids across files; all problems at once. */
    static Questionnaires parseAll(Map<String, String> sources) {
        List<String> problems = new ArrayList<>();
        List<Questionnaire> questionnaires = new ArrayList<>();
        Map<String, String> fileById = new HashMap<>();
        sources.forEach((source, yaml) -> {
            try {
                Questionnaire questionnaire = QuestionnaireLoader.parse(yaml, source);
                String first = fileById.putIfAbsent(questionnaire.id(), source);
                if (first != null) {
                    problems.add(source + ": id \"" + questionnaire.id() + "\" is already used by " + first);
                } else {
                    questionnaires.add(questionnaire);
                }
            } catch (QuestionnaireException e) {
                problems.addAll(e.problems());
            }
        });
        if (!problems.isEmpty()) {
            throw new QuestionnaireException(problems);
        }
        return new Questionnaires(questionnaires);
    }

    /**
     * The folder's {@code *.yaml} files by name. A Kubernetes ConfigMap mounted as a folder also holds
     * {@code ..data} and other hidden entries, which are not questionnaires.
     */
    private static List<Path> files(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(path -> !path.getFileName().toString().startsWith("."))
                    .filter(path -> path.getFileName().toString().endsWith(".yaml")
                            || path.getFileName().toString().endsWith(".yml"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new QuestionnaireException(folder + ": cannot be listed: " + e.getMessage(), e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw new QuestionnaireException(file + ": is not UTF-8 text; save it as UTF-8", e);
        } catch (IOException e) {
            throw new QuestionnaireException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private String readPackaged(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new QuestionnaireException(List.of(config.path() + " does not exist and this build carries no "
                        + "packaged " + resource + ": deploy the questionnaires or set QUESTIONNAIRES_PATH"));
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new QuestionnaireException("classpath:" + resource + ": cannot be read: " + e.getMessage(), e);
        }
    }
}
