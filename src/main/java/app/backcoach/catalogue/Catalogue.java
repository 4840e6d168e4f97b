package app.backcoach.catalogue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The exercises the coach can choose from, as the operator wrote them. Only {@link CatalogueLoader}
 * builds one, so every catalogue in the running service has passed validation: references resolve,
 * texts are complete in every language and every purpose can be served at level 1.
 */
public final class Catalogue {

    private final int version;
    private final List<Exercise> exercises;
    private final Map<String, Exercise> byId;

    Catalogue(int version, List<Exercise> exercises) {
        Map<String, Exercise> index = new LinkedHashMap<>();
        for (Exercise exercise : exercises) {
            if (index.put(exercise.id(), exercise) != null) {
                throw new IllegalArgumentException("exercise \"" + exercise.id() + "\" appears twice");
            }
        }
        this.version = version;
        this.exercises = List.copyOf(exercises);
        this.byId = Map.copyOf(index);
    }

    public Optional<Exercise> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** For ids the service itself stored (plans, sessions): a missing one means the catalogue lost an id. */
    public Exercise get(String id) {
        Exercise exercise = byId.get(id);
        if (exercise == null) {
            throw new IllegalArgumentException("exercise \"" + id + "\" is not in the catalogue");
        }
        return exercise;
    }

    /** In file order, which is the order the operator chose. */
    public List<Exercise> all() {
        return exercises;
    }

    public int size() {
        return exercises.size();
    }

    /** The operator's version number of the file, for logs and exports. */
    public int version() {
        return version;
    }
}
