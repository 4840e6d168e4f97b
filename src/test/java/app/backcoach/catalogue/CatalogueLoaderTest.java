package app.backcoach.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import app.backcoach.catalogue.Exercise.Equipment;
import app.backcoach.catalogue.Exercise.Place;
import app.backcoach.catalogue.Exercise.Position;
import app.backcoach.catalogue.Exercise.Purpose;
import app.backcoach.catalogue.Exercise.Tag;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CatalogueLoaderTest {

    static final String SOURCE = "config/exercises.yaml";

    /**
     * The smallest catalogue that passes every rule, coverage included: seated-reset alone serves all
     * travel slots, so each broken case below breaks exactly the rule it names.
     */
    static final String VALID = """
            version: 3
            exercises:
              - id: seated-reset
                level: 1
                purposes: [deep-stabilisers, hip-mobility, thoracic-mobility, pelvic-control, breathing]
                positions: [seated]
                places: [home, office, hotel, seat]
                equipment: [chair]
                tags: []
                relief: true
                dose:
                  sets: 2
                  reps: 8
                  hold: 5
                  rest: 20
                  per-side: false
                minutes: 2.5
                regression: none
                progression: none
                en:
                  name: Seated reset
                  cues:
                    - "Sit tall, feet flat."
                    - "Breathe into your lower ribs."
                  mistake: "Slumping between breaths."
                  why: >
                    Wakes the deep trunk muscles
                    without loading the spine.
                  stop: "Stop if pain spreads into a leg."
                de:
                  name: Sitzender Reset
                  cues:
                    - "Sitz aufrecht, Füße flach."
                    - "Atme in die unteren Rippen."
                  mistake: "Zwischen den Atemzügen zusammensacken."
                  why: "Weckt die tiefe Rumpfmuskulatur, ohne die Wirbelsäule zu belasten."
                  stop: "Hör auf, wenn Schmerz ins Bein zieht."
              - id: floor-hold
                level: 1
                purposes: [segmental-control, endurance-hold, hip-strength]
                positions: [floor]
                places: [home, hotel]
                equipment: [mat]
                tags: [loaded-flexion, end-range-rotation]
                relief: false
                dose:
                  sets: 3
                  reps: [6, 4, 2]
                  hold: 10
                  rest: 30
                  per-side: true
                minutes: 4
                regression: none
                progression: floor-hold-plus
                en:
                  name: Floor hold
                  cues: ["Brace gently.", "Hold still.", "Breathe."]
                  mistake: "Holding the breath."
                  why: "Builds endurance in the muscles that steady the spine."
                  stop: "Stop if pain rises."
                de:
                  name: Bodenhalt
                  cues: ["Spann sanft an.", "Halt still.", "Atme."]
                  mistake: "Die Luft anhalten."
                  why: "Baut Ausdauer in den Muskeln auf, die die Wirbelsäule stützen."
                  stop: "Hör auf, wenn der Schmerz zunimmt."
              - id: floor-hold-plus
                level: 2
                purposes: [endurance-hold]
                positions: [floor]
                places: [home]
                equipment: [mat, band]
                tags: []
                relief: false
                dose:
                  sets: 2
                  reps: 5
                  rest: 45
                  per-side: true
                minutes: 3
                regression: floor-hold
                progression: none
                en:
                  name: Floor hold with band
                  cues: ["Loop the band.", "Hold still."]
                  mistake: "Letting the hips drop."
                  why: "Adds load once the plain hold is easy."
                  stop: "Stop if pain rises."
                de:
                  name: Bodenhalt mit Band
                  cues: ["Leg das Band um.", "Halt still."]
                  mistake: "Die Hüfte absinken lassen."
                  why: "Mehr Last, sobald der einfache Halt leicht fällt."
                  stop: "Hör auf, wenn der Schmerz zunimmt."
              - id: easy-walk
                level: 1
                purposes: [walking]
                positions: [standing]
                places: [home, office, hotel]
                equipment: []
                tags: []
                relief: true
                dose:
                  sets: 1
                  seconds: 600
                  rest: 0
                  per-side: false
                minutes: 10
                regression: none
                progression: none
                en:
                  name: Easy walk
                  cues: ["Walk at a pace you can talk at.", "Swing your arms."]
                  mistake: "Going too fast on a bad day."
                  why: "Walking eases back pain for most people."
                  stop: "Stop if a leg goes numb."
                de:
                  name: Lockerer Spaziergang
                  cues: ["Geh so, dass du noch reden kannst.", "Lass die Arme schwingen."]
                  mistake: "An einem schlechten Tag zu schnell gehen."
                  why: "Gehen lindert bei den meisten Rückenschmerzen."
                  stop: "Hör auf, wenn ein Bein taub wird."
            """;

    @Test
    void readsEveryFieldIntoTheRecords() {
        Catalogue catalogue = CatalogueLoader.parse(VALID, SOURCE);

        assertThat(catalogue.version()).isEqualTo(3);
        assertThat(catalogue.size()).isEqualTo(4);
        assertThat(catalogue.all()).extracting(Exercise::id)
                .containsExactly("seated-reset", "floor-hold", "floor-hold-plus", "easy-walk");

        Exercise reset = catalogue.get("seated-reset");
        assertThat(reset.level()).isEqualTo(1);
        assertThat(reset.purposes()).containsExactlyInAnyOrder(Purpose.DEEP_STABILISERS, Purpose.HIP_MOBILITY,
                Purpose.THORACIC_MOBILITY, Purpose.PELVIC_CONTROL, Purpose.BREATHING);
        assertThat(reset.positions()).containsExactly(Position.SEATED);
        assertThat(reset.tags()).isEmpty();
        assertThat(reset.seatedOnly()).isTrue();
        assertThat(reset.places()).containsExactlyInAnyOrder(Place.HOME, Place.OFFICE, Place.HOTEL, Place.SEAT);
        assertThat(reset.equipment()).containsExactly(Equipment.CHAIR);
        assertThat(reset.relief()).isTrue();
        assertThat(reset.minutes()).isEqualTo(2.5);
        assertThat(reset.dose()).isEqualTo(new Dose(2, List.of(8), 5, 0, 20, false));
        assertThat(reset.hasRegression()).isFalse();
        assertThat(reset.text("en").why()).isEqualTo("Wakes the deep trunk muscles without loading the spine.");
        assertThat(reset.text("de").name()).isEqualTo("Sitzender Reset");
        assertThat(reset.text("de").cues()).containsExactly("Sitz aufrecht, Füße flach.", "Atme in die unteren Rippen.");
        assertThat(reset.text("de").stop()).isEqualTo("Hör auf, wenn Schmerz ins Bein zieht.");

        Exercise hold = catalogue.get("floor-hold");
        assertThat(hold.dose()).isEqualTo(new Dose(3, List.of(6, 4, 2), 10, 0, 30, true));
        assertThat(hold.dose().repsInSet(2)).isEqualTo(2);
        assertThat(hold.progression()).isEqualTo("floor-hold-plus");
        assertThat(hold.text("en").cues()).hasSize(3);
        assertThat(hold.tags()).containsExactlyInAnyOrder(Tag.LOADED_FLEXION, Tag.END_RANGE_ROTATION);

        Exercise plus = catalogue.get("floor-hold-plus");
        assertThat(plus.dose().holdSeconds()).as("hold may be left out").isZero();
        assertThat(plus.equipment()).containsExactlyInAnyOrder(Equipment.MAT, Equipment.BAND);
        assertThat(plus.regression()).isEqualTo("floor-hold");

        Exercise walk = catalogue.get("easy-walk");
        assertThat(walk.dose()).isEqualTo(new Dose(1, List.of(), 0, 600, 0, false));
        assertThat(walk.dose().byTime()).isTrue();
        assertThat(walk.equipment()).isEmpty();
        assertThat(walk.offTheFloor()).isTrue();
    }

    @Test
    void looksExercisesUp() {
        Catalogue catalogue = CatalogueLoader.parse(VALID, SOURCE);

        assertThat(catalogue.find("easy-walk")).map(Exercise::level).contains(1);
        assertThat(catalogue.find("bird-dog")).isEmpty();
        assertThatThrownBy(() -> catalogue.get("bird-dog"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"bird-dog\"");
    }

    /** One broken thing each: how the fixture is changed, and what the operator must be told. */
    record Broken(String name, String from, String to, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Broken> brokenCatalogues() {
        return Stream.of(
                new Broken("missing field", "    minutes: 4\n", "",
                        "exercise \"floor-hold\": minutes is missing"),
                new Broken("unknown field", "    minutes: 4\n", "    minutes: 4\n    colour: red\n",
                        "exercise \"floor-hold\": unknown field \"colour\""),
                new Broken("unknown dose field", "      hold: 10\n", "      holds: 10\n",
                        "exercise \"floor-hold\": unknown field \"dose.holds\""),
                new Broken("unknown top-level field", "version: 3\n", "version: 3\nauthor: me\n",
                        SOURCE + ": unknown field \"author\""),
                new Broken("missing version", "version: 3\n", "",
                        SOURCE + ": version is missing"),
                new Broken("broken regression reference", "    regression: floor-hold\n",
                        "    regression: quadruped-reach\n",
                        "exercise \"floor-hold-plus\": regression \"quadruped-reach\" is not in the catalogue"),
                new Broken("self reference", "    regression: floor-hold\n    progression: none\n",
                        "    regression: floor-hold\n    progression: floor-hold-plus\n",
                        "exercise \"floor-hold-plus\": progression names the exercise itself"),
                new Broken("regression above the exercise's level", "  - id: floor-hold\n    level: 1\n",
                        "  - id: floor-hold\n    level: 3\n",
                        "exercise \"floor-hold-plus\": regression \"floor-hold\" is level 3, above this exercise's level 2"),
                new Broken("progression below the exercise's level", "  - id: floor-hold\n    level: 1\n",
                        "  - id: floor-hold\n    level: 3\n",
                        "exercise \"floor-hold\": progression \"floor-hold-plus\" is level 2, below this exercise's level 3"),
                new Broken("level out of range", "  - id: floor-hold-plus\n    level: 2\n",
                        "  - id: floor-hold-plus\n    level: 4\n",
                        "exercise \"floor-hold-plus\": level is 4; allowed 1-3"),
                new Broken("reps and seconds both", "      seconds: 600\n", "      seconds: 600\n      reps: 5\n",
                        "exercise \"easy-walk\": dose has both reps and seconds"),
                new Broken("neither reps nor seconds", "      seconds: 600\n", "",
                        "exercise \"easy-walk\": dose needs reps (repetitions per set) or seconds"),
                new Broken("hold with seconds", "      seconds: 600\n", "      seconds: 600\n      hold: 5\n",
                        "exercise \"easy-walk\": dose hold goes with reps"),
                new Broken("pyramid longer than the sets", "      sets: 3\n      reps: [6, 4, 2]\n",
                        "      sets: 2\n      reps: [6, 4, 2]\n",
                        "exercise \"floor-hold\": dose reps lists 3 sets but sets is 2"),
                new Broken("too many sets", "      sets: 3\n      reps: [6, 4, 2]\n",
                        "      sets: 6\n      reps: [6, 4, 2]\n",
                        "exercise \"floor-hold\": dose.sets is 6; allowed 1-5"),
                new Broken("rest too long", "      rest: 45\n", "      rest: 240\n",
                        "exercise \"floor-hold-plus\": dose.rest is 240; allowed 0-180"),
                new Broken("minutes too short", "    minutes: 2.5\n", "    minutes: 0.25\n",
                        "exercise \"seated-reset\": minutes is 0.25; allowed 0.5-20"),
                new Broken("bad enum value", "[deep-stabilisers, hip-mobility", "[deep-stabiliser, hip-mobility",
                        "exercise \"seated-reset\": purposes has unknown value \"deep-stabiliser\""),
                new Broken("enum in upper case", "    places: [home, hotel]\n", "    places: [home, HOTEL]\n",
                        "exercise \"floor-hold\": places has unknown value \"HOTEL\""),
                new Broken("no purpose", "    purposes: [walking]\n", "    purposes: []\n",
                        "exercise \"easy-walk\": purposes is empty"),
                new Broken("relief not a boolean", "    relief: true\n    dose:\n      sets: 1\n",
                        "    relief: sometimes\n    dose:\n      sets: 1\n",
                        "exercise \"easy-walk\": relief must be true or false"),
                new Broken("too many cues", "        - \"Breathe into your lower ribs.\"\n",
                        "        - \"Breathe into your lower ribs.\"\n        - \"Three.\"\n        - \"Four.\"\n        - \"Five.\"\n",
                        "exercise \"seated-reset\": en.cues lists 5; allowed 2-4"),
                new Broken("too few cues", "[\"Loop the band.\", \"Hold still.\"]", "[\"Loop the band.\"]",
                        "exercise \"floor-hold-plus\": en.cues lists 1; allowed 2-4"),
                new Broken("name too long", "      name: Easy walk\n",
                        "      name: An easy walk around the block, or the office, or the hotel\n",
                        "exercise \"easy-walk\": en.name has 58 characters; at most 40 are allowed"),
                new Broken("missing de text", "      stop: \"Hör auf, wenn ein Bein taub wird.\"\n", "",
                        "exercise \"easy-walk\": de.stop is missing"),
                new Broken("empty de cue", "[\"Spann sanft an.\", \"Halt still.\", \"Atme.\"]",
                        "[\"Spann sanft an.\", \"  \", \"Atme.\"]",
                        "exercise \"floor-hold\": de.cues #2 is empty"),
                new Broken("unknown language", "    de:\n      name: Lockerer Spaziergang\n",
                        "    fr:\n      name: Lockerer Spaziergang\n",
                        "exercise \"easy-walk\": unknown field \"fr\""),
                new Broken("duplicate id", "  - id: floor-hold-plus\n", "  - id: floor-hold\n",
                        SOURCE + ": entry #3: id \"floor-hold\" is already used by entry #2"),
                new Broken("missing id", "  - id: easy-walk\n    level: 1\n", "  - level: 1\n",
                        SOURCE + ": entry #4: id is missing"),
                new Broken("badly formed id", "  - id: easy-walk\n", "  - id: Easy Walk\n",
                        SOURCE + ": entry #4: id \"Easy Walk\" must be 3-32 characters of a-z, 0-9 and -"),
                new Broken("problems of an entry without id name its number", "  - id: easy-walk\n    level: 1\n",
                        "  - level: 7\n", SOURCE + ": entry #4: level is 7; allowed 1-3"),
                new Broken("YAML syntax error", "    purposes: [walking]\n", "    purposes: [walking\n",
                        SOURCE + ": line "),
                new Broken("key written twice", "    minutes: 10\n", "    minutes: 10\n    minutes: 12\n",
                        ": not valid YAML: \"minutes\" is written twice in the same mapping"),
                new Broken("a second YAML document", "      stop: \"Hör auf, wenn ein Bein taub wird.\"\n",
                        "      stop: \"Hör auf, wenn ein Bein taub wird.\"\n---\nversion: 4\n",
                        SOURCE + ": holds more than one YAML document"),
                new Broken("a purpose without a level-1 exercise", "  - id: easy-walk\n    level: 1\n",
                        "  - id: easy-walk\n    level: 2\n",
                        SOURCE + ": coverage: no level-1 exercise for purpose walking"),
                new Broken("a travel slot only on the floor", "    positions: [seated]\n",
                        "    positions: [floor]\n",
                        SOURCE + ": coverage: no level-1 exercise for purpose deep-stabilisers done seated or standing"),
                new Broken("a travel slot needing a band", "    equipment: [chair]\n", "    equipment: [band]\n",
                        SOURCE + ": coverage: no level-1 exercise for purpose breathing done seated or standing"),
                new Broken("tags missing", "    equipment: [chair]\n    tags: []\n", "    equipment: [chair]\n",
                        SOURCE + ": exercise \"seated-reset\": tags is missing"),
                new Broken("an unknown tag", "    equipment: [chair]\n    tags: []\n",
                        "    equipment: [chair]\n    tags: [prone]\n",
                        SOURCE + ": exercise \"seated-reset\": tags has unknown value \"prone\" (known: prone-extension,"
                                + " loaded-flexion, end-range-rotation)"),
                new Broken("a travel slot that a clinician's condition rules out", "    equipment: [chair]\n    tags: []\n",
                        "    equipment: [chair]\n    tags: [end-range-rotation]\n",
                        SOURCE + ": coverage: no level-1 exercise for purpose deep-stabilisers done seated only,"
                                + " without tags"),
                new Broken("a travel slot done seated and standing only", "    positions: [seated]\n",
                        "    positions: [seated, standing]\n",
                        SOURCE + ": coverage: no level-1 exercise for purpose deep-stabilisers done seated only"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenCatalogues")
    void refusesABrokenCatalogueNamingEntryAndProblem(Broken broken) {
        assertThat(VALID).as("the fixture has exactly one place to break").containsOnlyOnce(broken.from());
        String yaml = VALID.replace(broken.from(), broken.to());

        CatalogueException refused = catchThrowableOfType(CatalogueException.class,
                () -> CatalogueLoader.parse(yaml, SOURCE));

        assertThat(refused).as("refused").isNotNull();
        assertThat(refused.getMessage()).startsWith(SOURCE + ": ").contains(broken.expected());
        assertThat(refused.problems()).allSatisfy(line -> assertThat(line).startsWith(SOURCE + ": "));
    }

    @Test
    void aSyntaxErrorNamesItsLine() {
        String yaml = VALID.replace("    purposes: [walking]\n", "    purposes: [walking\n");

        assertThatThrownBy(() -> CatalogueLoader.parse(yaml, SOURCE))
                .isInstanceOf(CatalogueException.class)
                .hasMessageMatching("(?s)config/exercises\\.yaml: line \\d+, column \\d+: not valid YAML: .+");
    }

    @Test
    void reportsEveryProblemAtOnceInFileOrder() {
        String yaml = VALID
                .replace("    minutes: 2.5\n", "")
                .replace("      stop: \"Hör auf, wenn ein Bein taub wird.\"\n", "")
                .replace("    regression: floor-hold\n", "    regression: quadruped-reach\n");

        CatalogueException refused = catchThrowableOfType(CatalogueException.class,
                () -> CatalogueLoader.parse(yaml, SOURCE));

        assertThat(refused.problems()).containsExactly(
                SOURCE + ": exercise \"seated-reset\": minutes is missing",
                SOURCE + ": exercise \"easy-walk\": de.stop is missing",
                SOURCE + ": exercise \"floor-hold-plus\": regression \"quadruped-reach\" is not in the catalogue");
        assertThat(refused.getMessage()).isEqualTo(String.join("\n", refused.problems()));
    }

    @Test
    void refusesAnEmptyFile() {
        assertThatThrownBy(() -> CatalogueLoader.parse("", SOURCE))
                .isInstanceOf(CatalogueException.class)
                .hasMessageStartingWith(SOURCE + ": the file is empty");
        assertThatThrownBy(() -> CatalogueLoader.parse("version: 1\nexercises: []\n", SOURCE))
                .isInstanceOf(CatalogueException.class)
                .hasMessage(SOURCE + ": exercises is empty");
    }

    @Test
    void coverageNamesEveryGap() {
        Exercise walk = CatalogueLoader.parse(VALID, SOURCE).get("easy-walk");

        assertThat(CatalogueLoader.checkCoverage(List.of(walk)))
                .hasSize(Purpose.values().length - 1)
                .contains("coverage: no level-1 exercise for purpose deep-stabilisers")
                .noneMatch(gap -> gap.contains("walking"));
    }

    static final Path REAL_CATALOGUE = Path.of("config/exercises.yaml");

    @Test
    void theShippedCatalogueIsValidAndComplete() throws IOException {
        Assumptions.assumeTrue(Files.exists(REAL_CATALOGUE), "config/exercises.yaml is not written yet");

        Catalogue catalogue = CatalogueLoader.parse(Files.readString(REAL_CATALOGUE), REAL_CATALOGUE.toString());

        assertThat(catalogue.size()).isGreaterThanOrEqualTo(40);
        assertThat(catalogue.all()).extracting(Exercise::id).contains(
                "mcgill-curl-up", "side-plank-knees", "side-plank", "bird-dog", "dead-bug", "abdominal-bracing",
                "cat-camel", "pelvic-tilt", "glute-bridge", "single-leg-bridge", "half-kneeling-hip-flexor",
                "hip-90-90", "clamshell", "hip-hinge-drill", "open-book", "thread-the-needle",
                "seated-thoracic-rotation", "chair-thoracic-extension", "supported-back-extension",
                "single-leg-balance", "crocodile-breathing", "diaphragmatic-breathing", "brisk-walk");
        Dose birdDog = catalogue.get("bird-dog").dose();
        assertThat(birdDog.holdSeconds()).isEqualTo(10);
        assertThat(birdDog.reps()).containsExactly(6, 4, 2);
        assertThat(CatalogueLoader.checkCoverage(catalogue.all())).isEmpty();
        assertThat(Set.copyOf(CatalogueLoader.LANGUAGES)).isEqualTo(catalogue.get("bird-dog").texts().keySet());
    }
}
