package app.backcoach.house;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Path;
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

    @Test
    void importsRunDownTheLayers() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("edge").definedBy("app.backcoach.telegram..", "app.backcoach.sandbox..")
                .layer("features").definedBy(
                        "app.backcoach.onboarding..", "app.backcoach.privacy..", "app.backcoach.profile..",
                        "app.backcoach.safety..", "app.backcoach.day..", "app.backcoach.routine..",
                        "app.backcoach.review..", "app.backcoach.learn..", "app.backcoach.settings..",
                        "app.backcoach.schedule..", "app.backcoach.conditions..", "app.backcoach.share..",
                        "app.backcoach.questionnaire..", "app.backcoach.flare..")
                .layer("chat").definedBy("app.backcoach.chat..", "app.backcoach.intake..")
                .layer("core").definedBy("app.backcoach.user..", "app.backcoach.sender..", "app.backcoach.text..")
                .layer("base").definedBy("app.backcoach.support..", "app.backcoach.personal..",
                        "app.backcoach.database..", "app.backcoach.catalogue..", "app.backcoach.coaching..",
                        "app.backcoach.ops..")
                .whereLayer("edge").mayNotBeAccessedByAnyLayer()
                .whereLayer("features").mayOnlyBeAccessedByLayers("edge")
                .whereLayer("chat").mayOnlyBeAccessedByLayers("features", "edge")
                .whereLayer("core").mayOnlyBeAccessedByLayers("chat", "features", "edge")
                .check(HOUSE);
    }
}
