package app.backcoach.routine;

import static org.assertj.core.api.Assertions.assertThat;

import app.backcoach.catalogue.Catalogue;
import app.backcoach.catalogue.CatalogueLoader;
import app.backcoach.catalogue.Exercise;
import app.backcoach.catalogue.Exercise.Position;
import app.backcoach.coaching.PlannedItem;
import app.backcoach.coaching.SessionComposer;
import app.backcoach.routine.ShortRoutines.Area;
import app.backcoach.routine.ShortRoutines.Where;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The short routines with the real catalogue: right for the place, the right length, changing each time. */
class ShortRoutinesTest {

    private static ShortRoutines routines;
    private static Catalogue catalogue;

    @BeforeAll
    static void load() throws IOException {
        catalogue = CatalogueLoader.parse(Files.readString(Path.of("config/exercises.yaml")), "config/exercises.yaml");
        routines = new ShortRoutines(catalogue);
    }

    @Test
    void remindersChangeEachTimeThroughTheFiveThemes() {
        Set<String> themes = new HashSet<>();
        Set<String> exercises = new HashSet<>();
        for (int turn = 0; turn < 5; turn++) {
            Exercise exercise = catalogue.get(routines.ritual(Where.OFFICE, turn, false).exerciseId());
            exercises.add(exercise.id());
            ShortRoutines.RITUAL_THEMES.stream().filter(exercise::serves).findFirst()
                    .ifPresent(theme -> themes.add(theme.name()));
        }
        assertThat(exercises).hasSize(5);
        assertThat(themes).hasSizeGreaterThanOrEqualTo(4);
    }

    @ParameterizedTest
    @EnumSource(Where.class)
    void remindersFitThePlaceAndTakeAFewMinutes(Where where) {
        IntStream.range(0, 10).mapToObj(turn -> routines.ritual(where, turn, false)).forEach(item -> {
            Exercise exercise = catalogue.get(item.exerciseId());
            assertThat(where.fits(exercise)).as(exercise.id()).isTrue();
            assertThat(exercise.level()).isEqualTo(1);
            assertThat(item.dose().sets()).isEqualTo(1);
            assertThat(item.minutes()).isBetween(0.5, 3.5);
        });
    }

    @ParameterizedTest
    @EnumSource(Area.class)
    void stiffRoutinesTakeAboutThreeMinutesForThatArea(Area area) {
        for (int turn = 0; turn < 7; turn++) {
            List<PlannedItem> items = routines.stiff(area, Where.OFFICE, turn, false);
            assertThat(SessionComposer.total(items)).as("%s turn %d", area, turn).isBetween(2.0, 4.0);
            assertThat(items).allSatisfy(item -> assertThat(catalogue.get(item.exerciseId()).offTheFloor()).isTrue());
            assertThat(catalogue.get(items.get(0).exerciseId()).serves(area.purposes().get(0))).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Where.class, names = {"SEAT", "HOTEL", "STANDING"})
    void travelRoutinesTakeThreeToFiveMinutesAndFitThePlace(Where where) {
        for (int turn = 0; turn < 7; turn++) {
            List<PlannedItem> items = routines.travel(where, turn, false);
            assertThat(SessionComposer.total(items)).as("%s turn %d", where, turn).isBetween(3.0, 5.0);
            assertThat(items).allSatisfy(item -> assertThat(where.fits(catalogue.get(item.exerciseId()))).isTrue());
        }
    }

    @Test
    void inASeatEverythingIsDoneSitting() {
        routines.travel(Where.SEAT, 3, false).forEach(item ->
                assertThat(catalogue.get(item.exerciseId()).positions()).containsOnly(Position.SEATED));
    }

    @Test
    void aDayThatAskedForReliefGetsEasingOnly() {
        List<PlannedItem> items = routines.travel(Where.SEAT, 1, true);
        assertThat(items).isNotEmpty()
                .allSatisfy(item -> assertThat(catalogue.get(item.exerciseId()).relief()).isTrue());
    }

    /** A relief-only morning: reminders and /stiff give easing exercises only, wherever the person is. */
    @ParameterizedTest
    @EnumSource(value = Where.class, names = {"OFFICE", "SEAT"})
    void anEasingMorningGetsEasingRemindersAndStiffRoutines(Where where) {
        for (int turn = 0; turn < 10; turn++) {
            assertThat(catalogue.get(routines.ritual(where, turn, true).exerciseId()).relief()).as("turn %d", turn)
                    .isTrue();
        }
        for (Area area : Area.values()) {
            for (int turn = 0; turn < 7; turn++) {
                List<PlannedItem> items = routines.stiff(area, where, turn, true);
                assertThat(items).as("%s turn %d", area, turn).isNotEmpty()
                        .allSatisfy(item -> assertThat(catalogue.get(item.exerciseId()).relief()).isTrue());
                assertThat(SessionComposer.total(items)).as("%s turn %d", area, turn).isBetween(1.0, 4.0);
            }
        }
    }
}
