package app.backcoach.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What startup does with the operator's folder: use every file in it, refuse a broken one, fall back when there is none. */
class QuestionnaireProducerTest {

    @TempDir
    Path folder;

    private Questionnaires load(Path path) {
        return new QuestionnaireProducer(new QuestionnaireConfig() {
            @Override
            public String path() {
                return path.toString();
            }

            @Override
            public Duration reviewWait() {
                return Duration.ofHours(1);
            }
        }).questionnaires();
    }

    @Test
    void everyYamlFileInTheFolderIsLoadedInNameOrder() throws IOException {
        Files.writeString(folder.resolve("b-peg.yaml"), QuestionnaireLoaderTest.peg());
        Files.writeString(folder.resolve("a-screen.yaml"), QuestionnaireLoaderTest.fixture());
        // A ConfigMap mounted as a folder brings hidden entries along; a README is no questionnaire.
        Files.createDirectory(folder.resolve("..data"));
        Files.writeString(folder.resolve("README.md"), "notes");

        Questionnaires loaded = load(folder);

        assertThat(loaded.all()).extracting(Questionnaire::id).containsExactly("sbst", "peg");
    }

    @Test
    void aBrokenFileStopsStartupNamingTheFileAndField() throws IOException {
        Files.writeString(folder.resolve("peg.yaml"), QuestionnaireLoaderTest.peg().replace("scale: interference",
                "scale: interferance"));
        Files.writeString(folder.resolve("screen.yaml"), QuestionnaireLoaderTest.fixture()
                .replace("effect: exercise-led", "effect: physio"));

        assertThatThrownBy(() -> load(folder))
                .isInstanceOfSatisfying(QuestionnaireException.class, e -> assertThat(e.problems()).containsExactly(
                        folder.resolve("peg.yaml") + ": items #2.scale \"interferance\" is not declared under scales"
                                + " (declared: pain, interference)",
                        folder.resolve("peg.yaml") + ": items #3.scale \"interferance\" is not declared under scales"
                                + " (declared: pain, interference)",
                        folder.resolve("screen.yaml") + ": scoring.bands #3.effect is \"physio\"; allowed: none,"
                                + " self-management, exercise-led, clinician-guided"));
    }

    @Test
    void twoFilesWithOneIdAreRefused() throws IOException {
        Files.writeString(folder.resolve("peg.yaml"), QuestionnaireLoaderTest.peg());
        Files.writeString(folder.resolve("peg-copy.yaml"), QuestionnaireLoaderTest.peg());

        assertThatThrownBy(() -> load(folder)).hasMessage(folder.resolve("peg.yaml")
                + ": id \"peg\" is already used by " + folder.resolve("peg-copy.yaml"));
    }

    @Test
    void withoutAFolderThePackagedPegServes() {
        Questionnaires loaded = load(folder.resolve("missing"));

        assertThat(loaded.all()).extracting(Questionnaire::id).containsExactly("peg");
    }

    @Test
    void anEmptyFolderAsksNothing() {
        assertThat(load(folder).all()).isEmpty();
    }
}
