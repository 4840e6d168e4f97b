package app.backcoach.catalogue;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One exercise of the catalogue (config/exercises.yaml). Ids are stable: plans, sessions and
 * exports refer to them, so an operator renames the text, never the id.
 *
 * @param level 1 (first line) to 3 (hardest variant); progression moves up, regression down
 * @param relief suitable on a bad day, when the plan is about easing rather than loading
 * @param equipment what must be at hand; empty when nothing is needed (a floor or a chair is assumed)
 * @param minutes how long the whole dose takes, rests included
 * @param regression the easier variant's id, or {@link #NONE}
 * @param progression the harder variant's id, or {@link #NONE}
 * @param texts by language code ("en", "de")
 * @param tags the movements in it a clinician may rule out for a while (see {@link Restriction})
 */
public record Exercise(String id, int level, Set<Purpose> purposes, Set<Position> positions, Set<Place> places,
                       Set<Equipment> equipment, boolean relief, Dose dose, double minutes, String regression,
                       String progression, Map<String, ExerciseText> texts, Set<Tag> tags) {

    public static final String NONE = "none";

    public Exercise {
        purposes = Set.copyOf(purposes);
        positions = Set.copyOf(positions);
        places = Set.copyOf(places);
        equipment = Set.copyOf(equipment);
        texts = Map.copyOf(texts);
        tags = Set.copyOf(tags);
    }

    /** The same exercise without tags, for catalogues written before tags existed (tests, fixtures). */
    public Exercise(String id, int level, Set<Purpose> purposes, Set<Position> positions, Set<Place> places,
                    Set<Equipment> equipment, boolean relief, Dose dose, double minutes, String regression,
                    String progression, Map<String, ExerciseText> texts) {
        this(id, level, purposes, positions, places, equipment, relief, dose, minutes, regression, progression,
                texts, Set.of());
    }

    /** The text in a language, English when the catalogue has none in it. */
    public ExerciseText text(String language) {
        ExerciseText text = texts.get(language);
        return text != null ? text : texts.get("en");
    }

    public boolean hasRegression() {
        return !NONE.equals(regression);
    }

    public boolean hasProgression() {
        return !NONE.equals(progression);
    }

    public boolean serves(Purpose purpose) {
        return purposes.contains(purpose);
    }

    /** Doable sitting or standing, so in a seat, at a gate or in a small room. */
    public boolean offTheFloor() {
        return !positions.contains(Position.FLOOR);
    }

    /** What an exercise is for. */
    public enum Purpose {
        DEEP_STABILISERS, SEGMENTAL_CONTROL, ENDURANCE_HOLD, HIP_MOBILITY, HIP_STRENGTH, THORACIC_MOBILITY,
        PELVIC_CONTROL, BREATHING, WALKING
    }

    public enum Position {
        FLOOR, STANDING, SEATED
    }

    public enum Place {
        HOME, OFFICE, HOTEL, SEAT
    }

    public enum Equipment {
        MAT, BAND, CHAIR, WALL
    }

    /**
     * Movements a clinician may rule out for a while after clearing a paused plan: extension lying on the
     * front (press-ups, forearm props), trunk flexion under load (curl-ups, lifting from the floor), and
     * rotation of the spine to its end of range. Whether an exercise is done seated is its
     * {@link #positions()}, not a tag.
     */
    public enum Tag {
        PRONE_EXTENSION, LOADED_FLEXION, END_RANGE_ROTATION
    }

    /** Done sitting and nothing else: no getting down to the floor, no standing up. */
    public boolean seatedOnly() {
        return positions.equals(Set.of(Position.SEATED));
    }

    /** What a person reads about an exercise: plain text, escaped when it is sent. */
    public record ExerciseText(String name, List<String> cues, String mistake, String why, String stop) {
        public ExerciseText {
            cues = List.copyOf(cues);
        }
    }
}
