package app.backcoach.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped catalogue's chains: everyday loads have a way up, and a step up is a step up. */
class CatalogueChainsTest {

    private static Catalogue catalogue;

    @BeforeAll
    static void load() throws IOException {
        catalogue = CatalogueLoader.parse(Files.readString(Path.of("config/exercises.yaml")), "config/exercises.yaml");
    }

    @Test
    void theHipHingeRisesThroughEveryLevelWithAnEverydayLift() {
        assertThat(chainFrom("hip-hinge-drill")).containsExactly("hip-hinge-drill", "bag-lift-hinge",
                "single-leg-hinge");
        assertThat(chainFrom("hip-hinge-drill").stream().map(id -> catalogue.get(id).level()))
                .containsExactly(1, 2, 3);
    }

    @Test
    void sitToStandHasAProgression() {
        assertThat(chainFrom("sit-to-stand")).containsExactly("sit-to-stand", "slow-sit-to-stand");
        assertThat(catalogue.get("slow-sit-to-stand").regression()).isEqualTo("sit-to-stand");
    }

    @Test
    void carryingIsInTheCatalogue() {
        Exercise carry = catalogue.get("suitcase-carry");
        assertThat(carry.serves(Exercise.Purpose.DEEP_STABILISERS)).isTrue();
        assertThat(carry.offTheFloor()).isTrue();
    }

    /** A progression trains the same thing harder: it shares a purpose with the exercise it follows. */
    @Test
    void everyProgressionSharesAPurpose() {
        for (Exercise exercise : catalogue.all()) {
            if (exercise.hasProgression()) {
                Exercise next = catalogue.get(exercise.progression());
                assertThat(next.purposes()).as("%s → %s", exercise.id(), next.id())
                        .containsAnyElementsOf(exercise.purposes());
            }
        }
        assertThat(catalogue.get("standing-hip-circles").hasProgression()).isFalse();
    }

    private static List<String> chainFrom(String id) {
        List<String> chain = new ArrayList<>();
        Exercise current = catalogue.get(id);
        chain.add(current.id());
        while (current.hasProgression() && chain.size() < 10) {
            current = catalogue.get(current.progression());
            chain.add(current.id());
        }
        return chain;
    }
}
