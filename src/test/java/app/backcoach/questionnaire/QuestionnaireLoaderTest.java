package app.backcoach.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.backcoach.questionnaire.Questionnaire.Effect;
import app.backcoach.questionnaire.Questionnaire.Method;
import app.backcoach.questionnaire.Questionnaire.When;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The questionnaire file format: a good file reads whole; each kind of mistake is named by file and field. */
class QuestionnaireLoaderTest {

    static final String SOURCE = "config/questionnaires/peg.yaml";

    static String peg() throws IOException {
        return Files.readString(Path.of(SOURCE));
    }

    static String fixture() throws IOException {
        try (InputStream in = QuestionnaireLoaderTest.class.getResourceAsStream("/questionnaires/start-back-fixture.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void pegReadsAsThreeItemsFromZeroToTenScoredByTheirMean() throws IOException {
        Questionnaire peg = QuestionnaireLoader.parse(peg(), SOURCE);

        assertThat(peg.id()).isEqualTo("peg");
        assertThat(peg.dialogueCode()).isEqualTo("q-peg");
        assertThat(peg.asked().when()).isEqualTo(When.WEEKLY);
        assertThat(peg.items()).extracting(Questionnaire.Item::id).containsExactly("pain", "enjoyment", "activity");
        assertThat(peg.items()).allSatisfy(item -> {
            assertThat(item.scale().options()).hasSize(11);
            assertThat(item.text()).containsKeys("en", "de");
        });
        assertThat(peg.item("pain").orElseThrow().scale().anchors().get("10").get("en"))
                .isEqualTo("pain as bad as you can imagine");
        assertThat(peg.total().method()).isEqualTo(Method.MEAN);
        assertThat(peg.total().items()).hasSize(3);
        assertThat(peg.minTotal()).isZero();
        assertThat(peg.maxTotal()).isEqualTo(10);
        assertThat(peg.bands()).isEmpty();
    }

    @Test
    void theStartBackShapedFixtureReadsWithItsSubscaleAndBands() throws IOException {
        Questionnaire fixture = QuestionnaireLoader.parse(fixture(), "fixture");

        assertThat(fixture.asked().when()).isEqualTo(When.ONBOARDING);
        assertThat(fixture.items()).hasSize(9);
        assertThat(fixture.subscales().get("psychosocial").items()).containsExactly("i5", "i6", "i7", "i8", "i9");
        assertThat(fixture.bands()).extracting(Questionnaire.Band::id).containsExactly("high", "low", "medium");
        assertThat(fixture.bands()).extracting(Questionnaire.Band::effect)
                .containsExactly(Effect.CLINICIAN_GUIDED, Effect.SELF_MANAGEMENT, Effect.EXERCISE_LED);
        assertThat(fixture.maxTotal()).isEqualTo(9);
        // Placeholders only: Keele's wording is not in the repository.
        assertThat(fixture.items()).allSatisfy(item -> assertThat(item.text().get("en")).endsWith("placeholder"));
    }

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of("an unknown field", "asked:", "askd: {when: weekly}\nasked:",
                        "unknown field \"askd\""),
                Arguments.of("an id that cannot be a dialogue code", "id: peg", "id: PEG_weekly",
                        "id \"PEG_weekly\" must be 2-14 characters"),
                Arguments.of("no version", "version: 1\n", "",
                        "version is missing"),
                Arguments.of("an item without German", "    de: Welche Zahl beschreibt deine Schmerzen in der vergangenen Woche"
                        + " im Durchschnitt am besten?\n", "", "items #1.de is missing"),
                Arguments.of("an item on an undeclared scale", "  - id: enjoyment\n    scale: interference",
                        "  - id: enjoyment\n    scale: interferance",
                        "items #2.scale \"interferance\" is not declared under scales (declared: pain, interference)"),
                Arguments.of("two items with one id", "  - id: activity", "  - id: enjoyment",
                        "items #3.id \"enjoyment\" is used by an earlier item"),
                Arguments.of("a scale too long for buttons", "    from: 0\n    to: 10\n    anchors:\n      0: {en: no pain",
                        "    from: 0\n    to: 20\n    anchors:\n      0: {en: no pain",
                        "scales.pain.to is 20; a numeric scale runs upwards from 0 with 2-11 points"),
                Arguments.of("an anchor off the scale", "      10: {en: completely", "      12: {en: completely",
                        "scales.interference.anchors.12 is not one of the scale's answers"),
                Arguments.of("a field of another scale type", "    type: numeric\n    from: 0\n    to: 10\n    anchors:\n"
                        + "      0: {en: not at all", "    type: yes-no\n    from: 0\n    to: 10\n    anchors:\n"
                        + "      0: {en: not at all", "scales.interference.from does not go with type yes-no"),
                Arguments.of("a text too long", "    en: Over the past week, how much has pain got in the way of your"
                        + " general activity?", "    en: " + "very long ".repeat(40),
                        "items #3.en has 399 characters; at most 300 are allowed"),
                Arguments.of("a score over an unknown item", "    items: all", "    items: [pain, sleep]",
                        "scoring.total.items names \"sleep\", which is not an item (items: pain, enjoyment, activity)"),
                Arguments.of("an unknown method", "method: mean", "method: median",
                        "scoring.total.method is \"median\"; allowed: sum, mean"),
                Arguments.of("an unknown occasion", "when: weekly", "when: daily",
                        "asked.when is \"daily\"; allowed: onboarding, weekly, every-n-weeks"),
                Arguments.of("every N weeks without N", "when: weekly", "when: every-n-weeks",
                        "asked.weeks is missing"),
                Arguments.of("weeks on a weekly questionnaire", "when: weekly", "when: weekly\n  weeks: 2",
                        "asked.weeks goes only with when: every-n-weeks"),
                Arguments.of("a band on an unknown subscale", "    items: all\n", "    items: all\n  bands:\n"
                        + "    - {id: high, when: {mood: {min: 4}}, effect: clinician-guided}\n"
                        + "    - {id: rest, effect: none}\n",
                        "scoring.bands #1.when.mood is neither total nor a subscale (subscales: none)"),
                Arguments.of("bands without one that takes the rest", "    items: all\n", "    items: all\n  bands:\n"
                        + "    - {id: high, when: {total: {min: 7}}, effect: clinician-guided}\n"
                        + "    - {id: low, when: {total: {max: 6.99}}, effect: self-management}\n",
                        "scoring.bands #2.when is not allowed on the last band"),
                Arguments.of("an unknown effect", "    items: all\n", "    items: all\n  bands:\n"
                        + "    - {id: all, effect: rest-in-bed}\n",
                        "scoring.bands #1.effect is \"rest-in-bed\"; allowed: none, self-management, exercise-led,"
                                + " clinician-guided"),
                Arguments.of("a range upside down", "    items: all\n", "    items: all\n  bands:\n"
                        + "    - {id: mid, when: {total: {min: 6, max: 4}}, effect: none}\n"
                        + "    - {id: rest, effect: none}\n", "scoring.bands #1.when.total.min is above max"),
                Arguments.of("a key written twice", "version: 1", "version: 1\nversion: 2",
                        "not valid YAML"),
                Arguments.of("broken YAML", "scales:", "scales: [",
                        "not valid YAML"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void eachMistakeIsNamedByFileAndField(String what, String from, String to, String expected) throws IOException {
        String yaml = peg();
        assertThat(yaml).as("the test's starting point").contains(from);

        assertThatThrownBy(() -> QuestionnaireLoader.parse(yaml.replace(from, to), SOURCE))
                .isInstanceOf(QuestionnaireException.class)
                .hasMessageContaining(SOURCE + ": ")
                .hasMessageContaining(expected);
    }

    @Test
    void everyProblemIsListedAtOnce() throws IOException {
        String yaml = peg().replace("version: 1", "version: 0").replace("when: weekly", "when: daily")
                .replace("  - id: activity", "  - id: Activity!");

        assertThatThrownBy(() -> QuestionnaireLoader.parse(yaml, SOURCE))
                .isInstanceOfSatisfying(QuestionnaireException.class, e -> assertThat(e.problems()).containsExactly(
                        SOURCE + ": version is 0; allowed 1 or more",
                        SOURCE + ": asked.when is \"daily\"; allowed: onboarding, weekly, every-n-weeks",
                        SOURCE + ": items #3.id \"Activity!\" must be 1-16 characters of a-z, 0-9 and -"));
    }

    @Test
    void anEmptyFileOrAListIsNoQuestionnaire() {
        assertThatThrownBy(() -> QuestionnaireLoader.parse("", SOURCE))
                .hasMessage(SOURCE + ": the file is empty; it needs id, version, title, intro, asked, scales, items"
                        + " and scoring");
        assertThatThrownBy(() -> QuestionnaireLoader.parse("- id: peg", SOURCE))
                .hasMessageContaining("must be a mapping");
    }
}
