package app.backcoach.coaching;

import app.backcoach.catalogue.Catalogue;
import app.backcoach.catalogue.Exercise;
import app.backcoach.catalogue.Exercise.Equipment;
import app.backcoach.catalogue.Exercise.Place;
import app.backcoach.catalogue.Exercise.Purpose;
import app.backcoach.catalogue.Restriction;
import app.backcoach.coaching.PlannedItem.Part;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a day's decision into exercises from the catalogue. Pure: the same decision, profile and
 * date give the same session. Precision needs repetition, so the choice for each area stays the
 * same for a whole ISO week (Monday to Sunday) and changes with the next week; within the week a
 * step up or back moves along the catalogue's progression and regression chain of the same exercise.
 *
 * <p>A full session always touches trunk control, hips, thoracic spine and pelvis, because hips and
 * ribcage that move well take load off the lower back. The ladder step picks the variant level
 * (steps 0-1 level 1, 2-3 level 2, 4-5 level 3) and odd steps add a set.
 */
public final class SessionComposer {

    /** The four areas every full or reduced session covers, in the order they are added. */
    static final List<Purpose> CORE = List.of(Purpose.DEEP_STABILISERS, Purpose.HIP_MOBILITY,
            Purpose.THORACIC_MOBILITY, Purpose.PELVIC_CONTROL);
    /** Added to a full session while the time allows, in this order. */
    static final List<Purpose> EXTRAS = List.of(Purpose.ENDURANCE_HOLD, Purpose.HIP_STRENGTH,
            Purpose.SEGMENTAL_CONTROL, Purpose.BREATHING, Purpose.WALKING);
    /** The order a session is done in: warm up segmentally, load in the middle, breathe at the end. */
    static final List<Purpose> SEQUENCE = List.of(Purpose.SEGMENTAL_CONTROL, Purpose.DEEP_STABILISERS,
            Purpose.ENDURANCE_HOLD, Purpose.PELVIC_CONTROL, Purpose.HIP_STRENGTH, Purpose.HIP_MOBILITY,
            Purpose.THORACIC_MOBILITY, Purpose.WALKING, Purpose.BREATHING);

    /** Sessions this short (minutes) favour the quickest exercise for each area. */
    static final int SHORT_SESSION = 5;

    private final Catalogue catalogue;

    public SessionComposer(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    /**
     * What the person has to work with.
     *
     * @param restrictions what their clinician ruled out for now; nothing outside them is ever chosen
     */
    public record Setting(String equipment, String phase, int sessionMinutes, Set<Restriction> restrictions) {
        public Setting {
            restrictions = Set.copyOf(restrictions);
        }

        public Setting(String equipment, String phase, int sessionMinutes) {
            this(equipment, phase, sessionMinutes, Set.of());
        }
    }

    public List<PlannedItem> compose(DayDecision day, Setting setting, LocalDate date) {
        Picker picker = new Picker(day, setting, date);
        return switch (day.version()) {
            case STOP_AND_REFER -> List.of();
            case RELIEF_ONLY -> picker.slots(List.of(Purpose.SEGMENTAL_CONTROL, Purpose.BREATHING, Purpose.WALKING),
                    Part.MAIN, 1);
            case MAINTENANCE -> day.shape() == Shape.PRIME_AND_PROTECT ? primeAndProtect(picker)
                    : picker.slots(List.of(Purpose.DEEP_STABILISERS,
                            week(date) % 2 == 0 ? Purpose.HIP_MOBILITY : Purpose.THORACIC_MOBILITY,
                            Purpose.BREATHING), Part.MAIN, 1);
            case REDUCED -> day.shape() == Shape.PRIME_AND_PROTECT ? primeAndProtect(picker)
                    : reduced(picker, day, setting);
            case FULL -> day.shape() == Shape.PRIME_AND_PROTECT ? primeAndProtect(picker) : full(picker, setting);
        };
    }

    private List<PlannedItem> full(Picker picker, Setting setting) {
        List<PlannedItem> items = fit(picker.slots(CORE, Part.MAIN, 0), setting.sessionMinutes());
        for (Purpose extra : EXTRAS) {
            Optional<PlannedItem> item = picker.slot(extra, Part.MAIN, 0);
            if (item.isPresent() && total(items) + item.get().minutes() <= setting.sessionMinutes() + 1) {
                items.add(item.get());
                picker.taken.add(item.get().exerciseId());
            }
        }
        return inSequence(items);
    }

    private List<PlannedItem> reduced(Picker picker, DayDecision day, Setting setting) {
        List<Purpose> purposes = new ArrayList<>(CORE);
        if (day.reliefFocus()) {
            purposes.add(Purpose.BREATHING);
        }
        return inSequence(fit(picker.slots(purposes, Part.MAIN, -1), Math.max(5, setting.sessionMinutes() * 0.6)));
    }

    /**
     * Short sessions still cover every area: sets come off the longest exercises first, down to
     * one, until the session fits its time (or cannot get shorter).
     */
    private List<PlannedItem> fit(List<PlannedItem> picked, double minutes) {
        List<PlannedItem> items = new ArrayList<>(picked);
        while (total(items) > minutes + 1) {
            int longest = -1;
            for (int i = 0; i < items.size(); i++) {
                boolean canShrink = items.get(i).dose().sets() > 1 && !items.get(i).dose().byTime();
                if (canShrink && (longest < 0 || items.get(i).minutes() > items.get(longest).minutes())) {
                    longest = i;
                }
            }
            if (longest < 0) {
                return items;
            }
            PlannedItem item = items.get(longest);
            Exercise exercise = catalogue.get(item.exerciseId());
            int sets = item.dose().sets() - 1;
            items.set(longest, new PlannedItem(item.exerciseId(), item.part(), item.dose().withSets(sets),
                    round(exercise.minutes() * sets / exercise.dose().sets())));
        }
        return items;
    }

    /** Activation before the training or work, decompression after it. */
    private List<PlannedItem> primeAndProtect(Picker picker) {
        List<PlannedItem> items = new ArrayList<>(
                picker.slots(List.of(Purpose.DEEP_STABILISERS, Purpose.HIP_STRENGTH), Part.BEFORE, 1));
        items.addAll(picker.slots(List.of(Purpose.HIP_MOBILITY, Purpose.BREATHING), Part.AFTER, 1));
        return items;
    }

    private List<PlannedItem> inSequence(List<PlannedItem> items) {
        return items.stream().sorted(Comparator.comparingInt(item -> SEQUENCE.indexOf(mainPurpose(item)))).toList();
    }

    private Purpose mainPurpose(PlannedItem item) {
        Exercise exercise = catalogue.get(item.exerciseId());
        return SEQUENCE.stream().filter(exercise::serves).findFirst().orElseThrow();
    }

    public static double total(List<PlannedItem> items) {
        return items.stream().mapToDouble(PlannedItem::minutes).sum();
    }

    /** The ISO week (Monday to Sunday) the date falls in, counted from the epoch. */
    static long week(LocalDate date) {
        return Math.floorDiv(date.with(java.time.DayOfWeek.MONDAY).toEpochDay(), 7);
    }

    /** Level of variant a ladder step allows. */
    static int level(int step) {
        return Math.min(3, 1 + step / 2);
    }

    /** Sets for today: the catalogue's, one more on odd steps, shaped by version and phase. */
    static int sets(Exercise exercise, DayDecision day, Setting setting, int versionChange) {
        if (exercise.dose().byTime()) {
            return exercise.dose().sets();
        }
        int sets = versionChange > 0 ? versionChange : exercise.dose().sets() + day.step() % 2 + versionChange;
        int phaseMax = switch (setting.phase()) {
            case "recovering", "heavy-work" -> 2;
            case "performing" -> 4;
            default -> 3;
        };
        return Math.max(1, Math.min(sets, phaseMax));
    }

    /** Picks one exercise per purpose without repeats. */
    private final class Picker {
        private final DayDecision day;
        private final Setting setting;
        private final LocalDate date;
        private final Set<String> taken = new java.util.HashSet<>();

        Picker(DayDecision day, Setting setting, LocalDate date) {
            this.day = day;
            this.setting = setting;
            this.date = date;
        }

        /**
         * @param setsRule 0 the ladder's sets, -1 one fewer, a positive number exactly that many
         */
        List<PlannedItem> slots(List<Purpose> purposes, Part part, int setsRule) {
            List<PlannedItem> items = new ArrayList<>();
            for (Purpose purpose : purposes) {
                slot(purpose, part, setsRule).ifPresent(item -> {
                    items.add(item);
                    taken.add(item.exerciseId());
                });
            }
            return items;
        }

        Optional<PlannedItem> slot(Purpose purpose, Part part, int setsRule) {
            boolean gentle = day.reliefFocus() || day.version() == Version.RELIEF_ONLY;
            int maxLevel = gentle ? 1 : Math.min(level(day.step()),
                    "recovering".equals(setting.phase()) ? level(DayFacts.RECOVERING_MAX_STEP) : 3);
            List<Exercise> fitting = catalogue.all().stream()
                    .filter(exercise -> exercise.serves(purpose))
                    .filter(exercise -> !taken.contains(exercise.id()))
                    .filter(exercise -> !day.resting().contains(exercise.id()))
                    .filter(exercise -> exercise.level() <= maxLevel)
                    .filter(exercise -> !gentle || exercise.relief() || !anyRelief(purpose))
                    .filter(this::equipmentAtHand)
                    .filter(this::fitsTheDay)
                    .filter(this::allowed)
                    .toList();
            if (fitting.isEmpty()) {
                return Optional.empty();
            }
            Exercise chosen;
            if (setting.sessionMinutes() <= SHORT_SESSION) {
                // Short sessions take the quickest option at the highest level allowed.
                int best = fitting.stream().mapToInt(Exercise::level).max().orElseThrow();
                chosen = fitting.stream().filter(exercise -> exercise.level() == best)
                        .min(Comparator.comparingDouble(e -> e.minutes() / e.dose().sets())).orElseThrow();
            } else {
                // The week's exercise for this area: a first-level one, then up its chain as far as the step allows.
                int lowest = fitting.stream().mapToInt(Exercise::level).min().orElseThrow();
                List<Exercise> starts = fitting.stream().filter(exercise -> exercise.level() == lowest).toList();
                chosen = starts.get((int) Math.floorMod(week(date) + purpose.ordinal(), starts.size()));
                chosen = upTheChain(chosen, fitting);
            }
            Optional<Exercise> easier = easierIfItHurt(chosen, fitting);
            if (easier.isEmpty()) {
                return Optional.empty();
            }
            chosen = easier.get();
            int sets = sets(chosen, day, setting, setsRule);
            double minutes = chosen.minutes() * sets / chosen.dose().sets();
            return Optional.of(new PlannedItem(chosen.id(), part, chosen.dose().withSets(sets), round(minutes)));
        }

        /**
         * Follows the progression chain while the next variant is a level up and fits today (level,
         * place, kit, purpose); a same-level "progression" is a sideways move, not a step.
         */
        private Exercise upTheChain(Exercise start, List<Exercise> fitting) {
            Exercise current = start;
            Set<String> seen = new java.util.HashSet<>();
            while (current.hasProgression() && seen.add(current.id())) {
                String progression = current.progression();
                int level = current.level();
                Optional<Exercise> next = fitting.stream()
                        .filter(exercise -> exercise.id().equals(progression) && exercise.level() > level).findFirst();
                if (next.isEmpty()) {
                    break;
                }
                current = next.get();
            }
            return current;
        }

        /**
         * An amber exercise (it bothered the back lately) comes back as its regression, down the chain
         * until one did not; one with no such regression is replaced by another, or left out.
         */
        private Optional<Exercise> easierIfItHurt(Exercise chosen, List<Exercise> fitting) {
            Exercise current = chosen;
            while (day.easier().contains(current.id()) && current.hasRegression()) {
                Exercise regression = catalogue.get(current.regression());
                if (taken.contains(regression.id()) || day.resting().contains(regression.id())
                        || !equipmentAtHand(regression) || !fitsTheDay(regression) || !allowed(regression)) {
                    break;
                }
                current = regression;
            }
            if (!day.easier().contains(current.id())) {
                return Optional.of(current);
            }
            return fitting.stream().filter(exercise -> !day.easier().contains(exercise.id()))
                    .min(Comparator.comparingInt(Exercise::level));
        }

        /** On a relief day, prefer easing exercises wherever the catalogue has one for the purpose. */
        private boolean anyRelief(Purpose purpose) {
            return catalogue.all().stream().anyMatch(exercise -> exercise.serves(purpose) && exercise.relief()
                    && exercise.level() == 1 && equipmentAtHand(exercise) && fitsTheDay(exercise) && allowed(exercise));
        }

        private boolean allowed(Exercise exercise) {
            return Restriction.allows(setting.restrictions(), exercise);
        }

        /** A floor, a chair and a wall are everywhere; a band only when the person has one. */
        private boolean equipmentAtHand(Exercise exercise) {
            Set<Equipment> needed = EnumSet.noneOf(Equipment.class);
            needed.addAll(exercise.equipment());
            needed.removeAll(Set.of(Equipment.MAT, Equipment.CHAIR, Equipment.WALL));
            return needed.isEmpty() || (needed.equals(Set.of(Equipment.BAND)) && "band".equals(setting.equipment()));
        }

        private boolean fitsTheDay(Exercise exercise) {
            return day.shape() != Shape.TRAVEL || (exercise.offTheFloor()
                    && (exercise.places().contains(Place.SEAT) || exercise.places().contains(Place.HOTEL))
                    && !exercise.equipment().contains(Equipment.BAND));
        }
    }

    private static double round(double minutes) {
        return Math.round(minutes * 2) / 2.0;
    }
}
