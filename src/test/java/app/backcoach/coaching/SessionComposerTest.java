package app.backcoach.coaching;

import static org.assertj.core.api.Assertions.assertThat;

import app.backcoach.catalogue.Catalogue;
import app.backcoach.catalogue.CatalogueLoader;
import app.backcoach.catalogue.Exercise;
import app.backcoach.catalogue.Exercise.Purpose;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What a decided day turns into, with the real catalogue, over two weeks of dates. */
class SessionComposerTest {

    private static Catalogue catalogue;
    private static final SessionComposer.Setting BUILDING_10 = new SessionComposer.Setting("none", "building", 10);
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

    @BeforeAll
    static void load() throws IOException {
        catalogue = CatalogueLoader.parse(Files.readString(Path.of("config/exercises.yaml")), "config/exercises.yaml");
    }

    static Stream<Arguments> settings() {
        return Stream.of(
                Arguments.of(new SessionComposer.Setting("none", "recovering", 5)),
                Arguments.of(BUILDING_10),
                Arguments.of(new SessionComposer.Setting("band", "performing", 20)),
                Arguments.of(new SessionComposer.Setting("mat", "heavy-work", 10)));
    }

    @ParameterizedTest
    @MethodSource("settings")
    void everyFullSessionTouchesTrunkHipsThoracicSpineAndPelvis(SessionComposer.Setting setting) {
        for (int step = 0; step <= DayFacts.MAX_STEP; step++) {
            for (LocalDate date : twoWeeks()) {
                List<PlannedItem> items = compose(day(Version.FULL, Shape.STANDARD, step, false), setting, date);
                Set<Purpose> covered = purposes(items);
                assertThat(covered).as("step %d on %s", step, date).contains(Purpose.THORACIC_MOBILITY,
                        Purpose.PELVIC_CONTROL);
                assertThat(covered).containsAnyOf(Purpose.DEEP_STABILISERS, Purpose.ENDURANCE_HOLD);
                assertThat(covered).containsAnyOf(Purpose.HIP_MOBILITY, Purpose.HIP_STRENGTH);
                assertThat(items).extracting(PlannedItem::exerciseId).doesNotHaveDuplicates();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("settings")
    void aFullSessionRoughlyFillsTheUsualLengthAndShorterVersionsAreShorter(SessionComposer.Setting setting) {
        for (LocalDate date : twoWeeks()) {
            double full = SessionComposer.total(compose(day(Version.FULL, Shape.STANDARD, 2, false), setting, date));
            double reduced = SessionComposer.total(compose(day(Version.REDUCED, Shape.STANDARD, 2, false), setting, date));
            double maintenance = SessionComposer.total(
                    compose(day(Version.MAINTENANCE, Shape.STANDARD, 2, false), setting, date));
            assertThat(full).as("full on %s", date).isLessThanOrEqualTo(Math.max(setting.sessionMinutes() + 1, 9));
            assertThat(reduced).isLessThanOrEqualTo(full);
            assertThat(maintenance).isLessThanOrEqualTo(reduced).isLessThanOrEqualTo(8);
        }
    }

    static Stream<Arguments> ladder() {
        return Stream.of(Arguments.of(0, 1), Arguments.of(1, 1), Arguments.of(2, 2), Arguments.of(3, 2),
                Arguments.of(4, 3), Arguments.of(5, 3));
    }

    @ParameterizedTest(name = "step {0} → variants up to level {1}")
    @MethodSource("ladder")
    void theLadderStepSetsTheHardestVariantLevel(int step, int level) {
        int highest = twoWeeks().stream()
                .flatMap(date -> compose(day(Version.FULL, Shape.STANDARD, step, false), BUILDING_10, date).stream())
                .mapToInt(item -> catalogue.get(item.exerciseId()).level()).max().orElseThrow();
        assertThat(highest).isEqualTo(level);
    }

    @ParameterizedTest
    @MethodSource("settings")
    void theTravelVersionStaysOffTheFloorWithoutABand(SessionComposer.Setting setting) {
        for (LocalDate date : twoWeeks()) {
            List<PlannedItem> items = compose(day(Version.REDUCED, Shape.TRAVEL, 3, false), setting, date);
            assertThat(items).isNotEmpty();
            assertThat(items).allSatisfy(item -> {
                Exercise exercise = catalogue.get(item.exerciseId());
                assertThat(exercise.offTheFloor()).as(exercise.id()).isTrue();
                assertThat(exercise.equipment()).as(exercise.id()).doesNotContain(Exercise.Equipment.BAND);
            });
        }
    }

    @ParameterizedTest
    @MethodSource("settings")
    void reliefOnlyIsEasingExercisesOnlyInOneSet(SessionComposer.Setting setting) {
        for (LocalDate date : twoWeeks()) {
            List<PlannedItem> items = compose(day(Version.RELIEF_ONLY, Shape.STANDARD, 4, true), setting, date);
            assertThat(items).isNotEmpty().allSatisfy(item -> {
                assertThat(catalogue.get(item.exerciseId()).relief()).as(item.exerciseId()).isTrue();
                assertThat(item.dose().sets()).isEqualTo(1);
            });
            assertThat(purposes(items)).contains(Purpose.BREATHING);
        }
    }

    @ParameterizedTest
    @MethodSource("settings")
    void aRegressedDayUsesFirstLevelVariantsAndAddsBreathing(SessionComposer.Setting setting) {
        List<PlannedItem> items = compose(day(Version.REDUCED, Shape.STANDARD, 5, true), setting, MONDAY);
        assertThat(items).allSatisfy(item -> assertThat(catalogue.get(item.exerciseId()).level()).isEqualTo(1));
        assertThat(purposes(items)).contains(Purpose.BREATHING);
    }

    @ParameterizedTest
    @MethodSource("settings")
    void primeAndProtectActivatesBeforeAndEasesAfter(SessionComposer.Setting setting) {
        List<PlannedItem> items = compose(day(Version.FULL, Shape.PRIME_AND_PROTECT, 2, false), setting, MONDAY);
        assertThat(items).extracting(PlannedItem::part).containsSubsequence(PlannedItem.Part.BEFORE,
                PlannedItem.Part.AFTER);
        assertThat(purposes(items.stream().filter(item -> item.part() == PlannedItem.Part.AFTER).toList()))
                .contains(Purpose.BREATHING);
        assertThat(items).allSatisfy(item -> assertThat(item.dose().sets()).isEqualTo(1));
    }

    @ParameterizedTest
    @MethodSource("settings")
    void setsRespectThePhase(SessionComposer.Setting setting) {
        int max = switch (setting.phase()) {
            case "recovering", "heavy-work" -> 2;
            case "performing" -> 4;
            default -> 3;
        };
        List<PlannedItem> items = compose(day(Version.FULL, Shape.STANDARD, 5, false), setting, MONDAY);
        assertThat(items).allSatisfy(item -> assertThat(item.dose().sets()).isBetween(1, max));
    }

    @org.junit.jupiter.api.Test
    void aBandIsOnlyUsedByThoseWhoHaveOne() {
        for (LocalDate date : twoWeeks()) {
            compose(day(Version.FULL, Shape.STANDARD, 5, false), BUILDING_10, date).forEach(item ->
                    assertThat(catalogue.get(item.exerciseId()).equipment()).doesNotContain(Exercise.Equipment.BAND));
        }
    }

    /** Precision needs repetition: the same block all week, another one the next week. */
    @ParameterizedTest
    @MethodSource("settings")
    void theBlockStaysTheSameForAWeekAndChangesWithTheNext(SessionComposer.Setting setting) {
        for (Version version : List.of(Version.FULL, Version.REDUCED, Version.MAINTENANCE)) {
            Set<List<String>> weekOne = MONDAY.datesUntil(MONDAY.plusDays(7))
                    .map(date -> ids(compose(day(version, Shape.STANDARD, 2, false), setting, date)))
                    .collect(Collectors.toSet());
            assertThat(weekOne).as("%s, week one", version).hasSize(1);
        }
        Set<List<String>> weeks = Stream.iterate(MONDAY, date -> date.plusWeeks(1)).limit(4)
                .map(date -> ids(compose(day(Version.FULL, Shape.STANDARD, 2, false), BUILDING_10, date)))
                .collect(Collectors.toSet());
        assertThat(weeks).as("four weeks").hasSizeGreaterThan(1);
    }

    /** A step up within the week makes an exercise of the block harder along its own chain. */
    @org.junit.jupiter.api.Test
    void aStepUpFollowsTheProgressionChain() {
        for (LocalDate monday : List.of(MONDAY, MONDAY.plusWeeks(1), MONDAY.plusWeeks(2))) {
            List<String> easy = ids(compose(day(Version.FULL, Shape.STANDARD, 0, false), BUILDING_10, monday));
            List<String> harder = ids(compose(day(Version.FULL, Shape.STANDARD, 2, false), BUILDING_10, monday));
            long followed = harder.stream().filter(id -> !easy.contains(id))
                    .filter(id -> catalogue.get(id).hasRegression() && easy.contains(catalogue.get(id).regression()))
                    .count();
            long changed = harder.stream().filter(id -> !easy.contains(id)).count();
            assertThat(changed).as("week of %s", monday).isPositive();
            assertThat(followed).as("week of %s: %s → %s", monday, easy, harder).isEqualTo(changed);
        }
    }

    /** An exercise that hurt comes back as its regression. */
    @org.junit.jupiter.api.Test
    void anExerciseThatHurtComesBackAsItsRegression() {
        for (LocalDate date : twoWeeks()) {
            List<String> usual = ids(compose(day(Version.REDUCED, Shape.STANDARD, 3, false), BUILDING_10, date));
            String hurt = usual.stream().filter(id -> catalogue.get(id).hasRegression()).findFirst().orElseThrow();
            DayDecision afterHurt = new DayDecision(Version.REDUCED, Shape.STANDARD, 3, false, false, false, false,
                    List.of(), Set.of(hurt));
            List<String> now = ids(compose(afterHurt, BUILDING_10, date));
            assertThat(now).as(date.toString()).doesNotContain(hurt).contains(catalogue.get(hurt).regression());
        }
    }

    /** A red exercise rests: neither it nor anything else takes its place by name. */
    @org.junit.jupiter.api.Test
    void aRedExerciseIsLeftOut() {
        for (LocalDate date : twoWeeks()) {
            List<String> usual = ids(compose(day(Version.FULL, Shape.STANDARD, 2, false), BUILDING_10, date));
            String red = usual.get(0);
            DayDecision resting = new DayDecision(Version.FULL, Shape.STANDARD, 2, false, false, false, false,
                    List.of(), Set.of(), Set.of(red));
            assertThat(ids(compose(resting, BUILDING_10, date))).as(date.toString()).isNotEmpty().doesNotContain(red);
        }
    }

    @org.junit.jupiter.api.Test
    void recoveringStaysAtLevelTwo() {
        SessionComposer.Setting recovering = new SessionComposer.Setting("band", "recovering", 20);
        for (LocalDate date : twoWeeks()) {
            assertThat(compose(day(Version.FULL, Shape.STANDARD, DayFacts.MAX_STEP, false), recovering, date))
                    .allSatisfy(item -> assertThat(catalogue.get(item.exerciseId()).level()).isLessThanOrEqualTo(2));
        }
    }

    @ParameterizedTest
    @MethodSource("settings")
    void easingOnATravelDayStaysOffTheFloor(SessionComposer.Setting setting) {
        for (LocalDate date : twoWeeks()) {
            List<PlannedItem> items = compose(day(Version.RELIEF_ONLY, Shape.TRAVEL, 2, true), setting, date);
            assertThat(items).isNotEmpty().allSatisfy(item -> {
                Exercise exercise = catalogue.get(item.exerciseId());
                assertThat(exercise.offTheFloor()).as(exercise.id()).isTrue();
                assertThat(exercise.relief()).as(exercise.id()).isTrue();
            });
        }
    }

    @org.junit.jupiter.api.Test
    void stopAndReferHasNoExercises() {
        assertThat(compose(day(Version.STOP_AND_REFER, Shape.STANDARD, 2, false), BUILDING_10, MONDAY)).isEmpty();
    }

    private static List<PlannedItem> compose(DayDecision day, SessionComposer.Setting setting, LocalDate date) {
        return new SessionComposer(catalogue).compose(day, setting, date);
    }

    private static DayDecision day(Version version, Shape shape, int step, boolean reliefFocus) {
        return new DayDecision(version, shape, step, reliefFocus, false, false, false, List.of());
    }

    private static List<String> ids(List<PlannedItem> items) {
        return items.stream().map(PlannedItem::exerciseId).toList();
    }

    private static Set<Purpose> purposes(List<PlannedItem> items) {
        return items.stream().flatMap(item -> catalogue.get(item.exerciseId()).purposes().stream())
                .collect(Collectors.toSet());
    }

    private static List<LocalDate> twoWeeks() {
        return MONDAY.datesUntil(MONDAY.plusDays(14)).toList();
    }
}
