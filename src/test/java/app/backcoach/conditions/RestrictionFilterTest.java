package app.backcoach.conditions;

import static org.assertj.core.api.Assertions.assertThat;

import app.backcoach.catalogue.Catalogue;
import app.backcoach.catalogue.CatalogueLoader;
import app.backcoach.catalogue.Exercise;
import app.backcoach.catalogue.Exercise.Purpose;
import app.backcoach.catalogue.Restriction;
import app.backcoach.coaching.DayDecision;
import app.backcoach.coaching.DayFacts;
import app.backcoach.coaching.PlannedItem;
import app.backcoach.coaching.SessionComposer;
import app.backcoach.coaching.Shape;
import app.backcoach.coaching.Version;
import app.backcoach.routine.ShortRoutines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The clinician's conditions over the whole shipped catalogue: each excludes exactly the entries
 * tagged for it, and every place that chooses exercises (the composer in every version, shape, step
 * and setting over two weeks; the reminder rituals, /stiff and /travel in every place and turn)
 * never picks an excluded one.
 */
class RestrictionFilterTest {

    private static Catalogue catalogue;
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

    @BeforeAll
    static void load() throws IOException {
        catalogue = CatalogueLoader.parse(Files.readString(Path.of("config/exercises.yaml")), "config/exercises.yaml");
    }

    /** The table: each condition and exactly the catalogue entries it rules out. */
    static Stream<Arguments> excluded() {
        return Stream.of(
                Arguments.of(Restriction.NO_PRONE_EXTENSION, Set.of("supported-back-extension", "prone-press-up")),
                Arguments.of(Restriction.NO_LOADED_FLEXION, Set.of("mcgill-curl-up", "curl-up-elbows-lifted",
                        "bag-lift-hinge")),
                Arguments.of(Restriction.NO_END_RANGE_ROTATION, Set.of("seated-thoracic-rotation", "open-book",
                        "thread-the-needle", "lumbar-locked-rotation")),
                Arguments.of(Restriction.SEATED_ONLY, catalogue().all().stream()
                        .filter(exercise -> !exercise.positions().equals(Set.of(Exercise.Position.SEATED)))
                        .map(Exercise::id).collect(Collectors.toSet())));
    }

    private static Catalogue catalogue() {
        if (catalogue == null) {
            try {
                load();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return catalogue;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("excluded")
    void eachConditionExcludesExactlyItsTaggedEntries(Restriction restriction, Set<String> expected) {
        Set<String> ruledOut = catalogue.all().stream().filter(restriction::excludes).map(Exercise::id)
                .collect(Collectors.toSet());

        assertThat(ruledOut).isEqualTo(expected);
        assertThat(catalogue.all().stream().filter(exercise -> !Restriction.allows(Set.of(restriction), exercise))
                .map(Exercise::id).collect(Collectors.toSet())).isEqualTo(expected);
        assertThat(catalogue.all()).filteredOn(exercise -> Restriction.allows(Set.of(), exercise))
                .hasSize(catalogue.size());
    }

    @Test
    void seatedOnlyKeepsTheSeatedExercisesAndNothingThatStandsOrLiesDown() {
        List<String> kept = catalogue.all().stream()
                .filter(exercise -> Restriction.allows(Set.of(Restriction.SEATED_ONLY), exercise))
                .map(Exercise::id).toList();

        assertThat(kept).contains("seated-bracing", "seated-cat-camel", "seated-pelvic-tilt", "seated-figure-four",
                "seated-marching", "chair-thoracic-extension", "seated-diaphragmatic-breathing")
                .doesNotContain("sit-to-stand", "abdominal-bracing", "standing-back-extension", "aisle-walk");
    }

    /** Every single condition, and all of them at once. */
    static Stream<Set<Restriction>> conditionSets() {
        List<Set<Restriction>> sets = new ArrayList<>();
        for (Restriction restriction : Restriction.values()) {
            sets.add(Set.of(restriction));
        }
        sets.add(EnumSet.allOf(Restriction.class));
        return sets.stream();
    }

    @ParameterizedTest
    @MethodSource("conditionSets")
    void theComposerNeverChoosesARuledOutExercise(Set<Restriction> conditions) {
        // Every exercise amber too, so the regression path is walked as well.
        Set<String> allAmber = catalogue.all().stream().map(Exercise::id).collect(Collectors.toSet());
        int sessions = 0;
        for (Version version : Version.values()) {
            for (Shape shape : Shape.values()) {
                for (int step = 0; step <= DayFacts.MAX_STEP; step++) {
                    for (boolean relief : List.of(false, true)) {
                        for (Set<String> easier : List.of(Set.<String>of(), allAmber)) {
                            DayDecision day = new DayDecision(version, shape, step, relief, false, false, false,
                                    List.of(), easier);
                            for (String[] setting : List.of(new String[] {"none", "building", "10"},
                                    new String[] {"band", "performing", "20"}, new String[] {"mat", "recovering", "5"},
                                    new String[] {"none", "heavy-work", "30"})) {
                                for (int offset = 0; offset < 14; offset++) {
                                    List<PlannedItem> items = new SessionComposer(catalogue).compose(day,
                                            new SessionComposer.Setting(setting[0], setting[1],
                                                    Integer.parseInt(setting[2]), conditions), MONDAY.plusDays(offset));
                                    assertThat(items).as("%s %s step %d relief %s on day %d", version, shape, step,
                                            relief, offset).allSatisfy(item -> assertAllowed(conditions, item));
                                    sessions++;
                                }
                            }
                        }
                    }
                }
            }
        }
        assertThat(sessions).isGreaterThan(10_000);
    }

    @ParameterizedTest
    @MethodSource("conditionSets")
    void remindersStiffAndTravelNeverChooseARuledOutExercise(Set<Restriction> conditions) {
        ShortRoutines routines = new ShortRoutines(catalogue, conditions);
        ShortRoutines unrestricted = new ShortRoutines(catalogue);
        for (int turn = 0; turn < 20; turn++) {
            for (boolean relief : List.of(false, true)) {
                for (ShortRoutines.Where where : ShortRoutines.Where.values()) {
                    if (where == ShortRoutines.Where.SEAT || where == ShortRoutines.Where.OFFICE) {
                        // Reminders are given in a seat on a travel day and at the office otherwise.
                        assertAllowed(conditions, routines.ritual(where, turn, relief));
                    }
                    List<PlannedItem> travel = routines.travel(where, turn, relief);
                    assertThat(travel.isEmpty()).as("travel %s", where)
                            .isEqualTo(unrestricted.travel(where, turn, relief).isEmpty() && travel.isEmpty());
                    assertThat(travel).allSatisfy(item -> assertAllowed(conditions, item));
                    for (ShortRoutines.Area area : ShortRoutines.Area.values()) {
                        List<PlannedItem> stiff = routines.stiff(area, where, turn, relief);
                        // Not every area has something for every place; where it has, a condition leaves some.
                        assertThat(stiff.isEmpty()).as("stiff %s %s", area, where)
                                .isEqualTo(unrestricted.stiff(area, where, turn, relief).isEmpty() && stiff.isEmpty());
                        assertThat(stiff).allSatisfy(item -> assertAllowed(conditions, item));
                    }
                }
            }
        }
    }

    @Test
    void withoutConditionsTheRuledOutExercisesDoTurnUp() {
        // The tests above would pass on an empty catalogue too; this shows the filter is what keeps them out.
        Set<String> chosen = new java.util.HashSet<>();
        for (int step = 0; step <= DayFacts.MAX_STEP; step++) {
            for (int offset = 0; offset < 28; offset++) {
                new SessionComposer(catalogue).compose(new DayDecision(Version.FULL, Shape.STANDARD, step, false,
                                false, false, false, List.of()), new SessionComposer.Setting("none", "building", 30),
                        MONDAY.plusDays(offset)).forEach(item -> chosen.add(item.exerciseId()));
            }
        }
        assertThat(chosen).contains("open-book", "prone-press-up", "bag-lift-hinge");
        assertThat(chosen.stream().map(catalogue::get).filter(exercise -> !exercise.seatedOnly())).isNotEmpty();
    }

    @Test
    void aSeatedOnlyPersonStillGetsASensibleSession() {
        for (int offset = 0; offset < 14; offset++) {
            for (int step = 0; step <= DayFacts.MAX_STEP; step++) {
                List<PlannedItem> items = new SessionComposer(catalogue).compose(
                        new DayDecision(Version.FULL, Shape.STANDARD, step, false, false, false, false, List.of()),
                        new SessionComposer.Setting("none", "building", 15, EnumSet.allOf(Restriction.class)),
                        MONDAY.plusDays(offset));

                Set<Purpose> covered = items.stream().flatMap(item -> catalogue.get(item.exerciseId()).purposes().stream())
                        .collect(Collectors.toSet());
                assertThat(covered).as("step %d, day %d", step, offset).contains(Purpose.DEEP_STABILISERS,
                        Purpose.HIP_MOBILITY, Purpose.THORACIC_MOBILITY, Purpose.PELVIC_CONTROL);
                assertThat(items).hasSizeGreaterThanOrEqualTo(4)
                        .allSatisfy(item -> assertThat(catalogue.get(item.exerciseId()).seatedOnly()).isTrue());
                assertThat(SessionComposer.total(items)).isBetween(5.0, 16.0);
            }
        }
    }

    private static void assertAllowed(Set<Restriction> conditions, PlannedItem item) {
        Exercise exercise = catalogue.get(item.exerciseId());
        assertThat(Restriction.allows(conditions, exercise)).as("%s under %s", exercise.id(), conditions).isTrue();
    }
}
