package app.backcoach.ops;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.config.ConfigMapping;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Lets a training start's class data archive hold every class the start loaded. On Java 17 the JVM writes into a
 * dynamic archive ({@code -XX:ArchiveClassesAtExit}) only the classes of Quarkus' class loader that were linked by
 * the exit, and skips the rest as "Not linked" (fixed in Java 18, JDK-8265604): 2,600 classes of a whole start,
 * a thousand of them Hibernate's, which every start with the archive then read from the jars and defined again.
 * With {@code appcds.training-class-log} naming the start's class-load log ({@code -Xlog:class+load=info:file=…}),
 * this links every class in it that came from a jar as the service stops, before the JVM writes the archive.
 * Linking verifies a class and runs none of its code. Nothing happens without the setting.
 */
@ApplicationScoped
public class ClassArchiveTraining {

    private static final Logger LOG = Logger.getLogger(ClassArchiveTraining.class);
    /** The JVM's class-load lines: "[0.358s][info][class,load] org.example.Name source: file:/app/lib/x.jar". */
    private static final Pattern LOADED = Pattern.compile("\\[class,load\\s*\\] (\\S+) source: (jar|file):");
    /** Linking may load classes the log names later on; three passes leave next to none. */
    private static final int PASSES = 3;

    @ConfigMapping(prefix = "appcds")
    public interface Config {
        /** The class-load log of a start that writes a class data archive at its exit; unset otherwise. */
        Optional<Path> trainingClassLog();
    }

    private final Config config;

    public ClassArchiveTraining(Config config) {
        this.config = config;
    }

    /** Last, so the classes the stop itself loads are linked as well. */
    void beforeTheArchiveIsWritten(@Observes @Priority(Integer.MAX_VALUE) ShutdownEvent event) {
        config.trainingClassLog().ifPresent(log -> {
            Linked linked = linkAll(log, ClassArchiveTraining.class.getClassLoader());
            LOG.infof("Class data archive: linked %d classes loaded from jars (%d could not be)", linked.linked(),
                    linked.failed());
        });
    }

    /** How many classes were linked, and how many could not be (a type they name is missing, say). */
    record Linked(int linked, int failed) {
    }

    /** Links the classes the log names as loaded from a jar, through {@code loader}, until no new ones appear. */
    static Linked linkAll(Path log, ClassLoader loader) {
        Set<String> seen = new HashSet<>();
        int linked = 0;
        int failed = 0;
        for (int pass = 0; pass < PASSES; pass++) {
            Set<String> fresh = new LinkedHashSet<>(loadedFromJars(read(log)));
            fresh.removeAll(seen);
            if (fresh.isEmpty()) {
                break;
            }
            for (String name : fresh) {
                seen.add(name);
                try {
                    // Reflection on a class links it (HotSpot verifies it first) without initialising it.
                    Class.forName(name, false, loader).getDeclaredFields();
                    linked++;
                } catch (ReflectiveOperationException | LinkageError e) {
                    failed++;
                }
            }
        }
        return new Linked(linked, failed);
    }

    /** The names of the classes a class-load log shows as read from a jar, in order, each once. */
    static List<String> loadedFromJars(List<String> lines) {
        Set<String> names = new LinkedHashSet<>();
        for (String line : lines) {
            Matcher loaded = LOADED.matcher(line);
            if (loaded.find()) {
                names.add(loaded.group(1));
            }
        }
        return List.copyOf(names);
    }

    private static List<String> read(Path log) {
        try {
            return Files.readAllLines(log);
        } catch (IOException e) {
            LOG.warnf("Class data archive: cannot read the class-load log %s (%s)", log, e.getClass().getSimpleName());
            return List.of();
        }
    }
}
