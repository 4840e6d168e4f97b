package app.backcoach.routine;

import app.backcoach.catalogue.Catalogue;
import app.backcoach.catalogue.Exercise;
import app.backcoach.catalogue.Exercise.Equipment;
import app.backcoach.catalogue.Exercise.Place;
import app.backcoach.catalogue.Exercise.Position;
import app.backcoach.catalogue.Exercise.Purpose;
import app.backcoach.catalogue.Restriction;
import app.backcoach.coaching.PlannedItem;
import app.backcoach.coaching.SessionComposer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The short routines, pure: a 2-3 minute reminder ritual, a 3-minute routine for stiffness in
 * one area, a 3-5 minute travel routine. All first-level exercises in one set, chosen from the
 * catalogue by where the person is; {@code turn} rotates the choice so they change each time.
 */
public final class ShortRoutines {

    /** The reminder rituals' themes, in turn: hips, thoracic spine, supported extension, gentle core, breathing. */
    static final List<Purpose> RITUAL_THEMES = List.of(Purpose.HIP_MOBILITY, Purpose.THORACIC_MOBILITY,
            Purpose.SEGMENTAL_CONTROL, Purpose.DEEP_STABILISERS, Purpose.BREATHING);

    public enum Area {
        LOW_BACK("low-back", List.of(Purpose.SEGMENTAL_CONTROL, Purpose.PELVIC_CONTROL, Purpose.BREATHING)),
        HIPS("hips", List.of(Purpose.HIP_MOBILITY, Purpose.PELVIC_CONTROL, Purpose.HIP_MOBILITY)),
        UPPER_BACK("upper-back", List.of(Purpose.THORACIC_MOBILITY, Purpose.THORACIC_MOBILITY, Purpose.BREATHING));

        private final String code;
        private final List<Purpose> purposes;

        Area(String code, List<Purpose> purposes) {
            this.code = code;
            this.purposes = purposes;
        }

        public String code() {
            return code;
        }

        List<Purpose> purposes() {
            return purposes;
        }

        public static Optional<Area> of(String code) {
            return java.util.Arrays.stream(values()).filter(area -> area.code.equals(code)).findFirst();
        }
    }

    public enum Where {
        SEAT("seat"), HOTEL("hotel"), STANDING("standing"), OFFICE("office");

        private final String code;

        Where(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static Optional<Where> of(String code) {
            return java.util.Arrays.stream(values()).filter(where -> where.code.equals(code)).findFirst();
        }

        /** Whether an exercise can be done there. */
        boolean fits(Exercise exercise) {
            return switch (this) {
                case SEAT -> exercise.positions().equals(Set.of(Position.SEATED)) && exercise.places().contains(Place.SEAT);
                case HOTEL -> exercise.places().contains(Place.HOTEL);
                case STANDING -> exercise.positions().contains(Position.STANDING) && exercise.offTheFloor()
                        && exercise.equipment().isEmpty();
                case OFFICE -> exercise.offTheFloor() && exercise.places().contains(Place.OFFICE);
            };
        }
    }

    private final Catalogue catalogue;
    private final Set<Restriction> restrictions;

    public ShortRoutines(Catalogue catalogue) {
        this(catalogue, Set.of());
    }

    /** Routines within what the person's clinician ruled out; "seated only" takes every routine to a seat. */
    public ShortRoutines(Catalogue catalogue, Set<Restriction> restrictions) {
        this.catalogue = catalogue;
        this.restrictions = Set.copyOf(restrictions);
    }

    /**
     * One exercise for a reminder: the theme turns with every reminder. On an easing morning only
     * easing exercises, so a theme without one gives way to the next.
     */
    public PlannedItem ritual(Where where, int turn, boolean reliefOnly) {
        for (int i = 0; i < RITUAL_THEMES.size(); i++) {
            Purpose theme = RITUAL_THEMES.get(Math.floorMod(turn + i, RITUAL_THEMES.size()));
            Optional<PlannedItem> item = pick(theme, where, turn, reliefOnly, Set.of());
            if (item.isPresent()) {
                return item.get();
            }
        }
        throw new IllegalStateException("The catalogue has no ritual for " + where);
    }

    /**
     * About three minutes for stiffness in one area, right where the person is; easing exercises
     * only on an easing morning (breathing fills in where the area has none).
     */
    public List<PlannedItem> stiff(Area area, Where where, int turn, boolean reliefOnly) {
        List<Purpose> purposes = new ArrayList<>(area.purposes());
        if (reliefOnly) {
            purposes.addAll(List.of(Purpose.SEGMENTAL_CONTROL, Purpose.BREATHING));
        }
        return fill(purposes, where, turn, reliefOnly, 2.5, 4);
    }

    /** Three to five minutes for a travel day; only easing exercises when the day calls for relief. */
    public List<PlannedItem> travel(Where where, int turn, boolean reliefOnly) {
        return fill(List.of(Purpose.DEEP_STABILISERS, Purpose.THORACIC_MOBILITY, Purpose.HIP_MOBILITY,
                Purpose.SEGMENTAL_CONTROL, Purpose.PELVIC_CONTROL, Purpose.BREATHING), where, turn, reliefOnly, 3, 5);
    }

    private List<PlannedItem> fill(List<Purpose> purposes, Where where, int turn, boolean reliefOnly, double atLeast,
                                   double atMost) {
        List<PlannedItem> items = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (int round = 0; round < 2 && SessionComposer.total(items) < atLeast; round++) {
            for (Purpose purpose : purposes) {
                if (SessionComposer.total(items) >= atLeast) {
                    break;
                }
                Optional<PlannedItem> item = pick(purpose, where, turn + round, reliefOnly, taken);
                if (item.isPresent() && SessionComposer.total(items) + item.get().minutes() <= atMost) {
                    items.add(item.get());
                    taken.add(item.get().exerciseId());
                }
            }
        }
        return items;
    }

    private Optional<PlannedItem> pick(Purpose purpose, Where where, int turn, boolean reliefOnly, Set<String> taken) {
        Where place = restrictions.contains(Restriction.SEATED_ONLY) ? Where.SEAT : where;
        Predicate<Exercise> fits = exercise -> exercise.serves(purpose) && exercise.level() == 1
                && place.fits(exercise) && !exercise.equipment().contains(Equipment.BAND)
                && !taken.contains(exercise.id()) && (!reliefOnly || exercise.relief())
                && Restriction.allows(restrictions, exercise);
        List<Exercise> options = catalogue.all().stream().filter(fits).toList();
        if (options.isEmpty()) {
            return Optional.empty();
        }
        Exercise chosen = options.get(Math.floorMod(turn, options.size()));
        double minutes = chosen.minutes() / chosen.dose().sets();
        return Optional.of(new PlannedItem(chosen.id(), PlannedItem.Part.MAIN, chosen.dose().withSets(1),
                Math.round(minutes * 2) / 2.0));
    }

}
