package app.backcoach.house;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The house as the README draws it: no circle between packages, and every import runs down the layers
 * (base, core, the chat framework, features, the edge). A new import that points up fails here with the
 * classes that make it.
 */
class HouseTest {

    /** The compiled main classes only (scanning the whole class path for the package takes a minute). */
    private static final JavaClasses HOUSE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPath(Path.of("target", "classes"));

    @Test
    void noPackageCircles() {
        slices().matching("app.backcoach.(*)..").should().beFreeOfCycles().check(HOUSE);
    }

    /** The layers and the packages in each. A new package must be placed here. */
    private static final Map<String, List<String>> LAYERS = Map.of(
            "edge", List.of("telegram", "sandbox"),
            "features", List.of("onboarding", "privacy", "profile", "safety", "day", "routine", "review", "learn",
                    "settings", "schedule", "conditions", "share", "questionnaire", "flare"),
            "chat", List.of("chat", "intake"),
            "core", List.of("user", "sender", "text"),
            "base", List.of("support", "personal", "database", "catalogue", "coaching", "ops"));

    @Test
    void importsRunDownTheLayers() {
        LayeredArchitecture layered = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (Map.Entry<String, List<String>> layer : LAYERS.entrySet()) {
            layered = layered.layer(layer.getKey()).definedBy(layer.getValue().stream()
                    .map(name -> "app.backcoach." + name + "..").toArray(String[]::new));
        }
        layered.whereLayer("edge").mayNotBeAccessedByAnyLayer()
                .whereLayer("features").mayOnlyBeAccessedByLayers("edge")
                .whereLayer("chat").mayOnlyBeAccessedByLayers("features", "edge")
                .whereLayer("core").mayOnlyBeAccessedByLayers("chat", "features", "edge")
                .check(HOUSE);
    }

    @Test
    void everyPackageHasItsPlaceInALayer() {
        Set<String> placed = LAYERS.values().stream().flatMap(List::stream).collect(Collectors.toSet());
        Set<String> packages = HOUSE.stream().map(JavaClass::getPackageName)
                .filter(name -> name.startsWith("app.backcoach."))
                .map(name -> name.substring("app.backcoach.".length()).split("\\.")[0])
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(packages).as("packages that no layer names").isSubsetOf(placed);
    }
}
