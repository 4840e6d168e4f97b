package app.backcoach.catalogue;

import app.backcoach.catalogue.Exercise.Equipment;
import app.backcoach.catalogue.Exercise.ExerciseText;
import app.backcoach.catalogue.Exercise.Place;
import app.backcoach.catalogue.Exercise.Position;
import app.backcoach.catalogue.Exercise.Purpose;
import app.backcoach.catalogue.Exercise.Tag;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads the operator's exercise catalogue (format and rules: docs/catalogue-format.md). Pure, so the
 * rules are tested without starting the service. The file is read as a plain YAML tree rather than
 * bound to classes, so that every problem can be collected and named in the operator's words
 * ({@code dose.per-side}, {@code de.cues}) instead of stopping at the first one.
 */
public final class CatalogueLoader {

    static final List<String> LANGUAGES = List.of("en", "de");

    /** The purposes a session on the road must still serve, away from a floor and a mat. */
    static final Set<Purpose> TRAVEL_SLOTS = EnumSet.of(Purpose.DEEP_STABILISERS, Purpose.HIP_MOBILITY,
            Purpose.THORACIC_MOBILITY, Purpose.PELVIC_CONTROL, Purpose.BREATHING);

    /** A seat, a hotel room or a gate has a chair and a wall, nothing else. */
    static final Set<Equipment> TRAVEL_EQUIPMENT = EnumSet.of(Equipment.CHAIR, Equipment.WALL);

    private static final Pattern ID = Pattern.compile("[a-z0-9-]{3,32}");
    private static final Pattern DUPLICATE_KEY = Pattern.compile("Duplicate field '([^']*)'");
    private static final List<String> FILE_FIELDS = List.of("version", "exercises");
    private static final List<String> EXERCISE_FIELDS = List.of("id", "level", "purposes", "positions", "places",
            "equipment", "tags", "relief", "dose", "minutes", "regression", "progression", "en", "de");
    private static final List<String> DOSE_FIELDS = List.of("sets", "reps", "hold", "seconds", "rest", "per-side");
    private static final List<String> TEXT_FIELDS = List.of("name", "cues", "mistake", "why", "stop");

    // A key written twice is a typo that would silently drop the first value.
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    private CatalogueLoader() {
    }

    /**
     * Reads and checks the whole catalogue, coverage included, so whatever this returns can be served.
     *
     * @param source how the operator knows the file (its path), used to begin every problem line
     * @throws CatalogueException listing every problem found, one a line
     */
    public static Catalogue parse(String yaml, String source) {
        JsonNode root;
        boolean moreDocuments;
        try (JsonParser parser = YAML.createParser(yaml)) {
            root = YAML.readTree(parser);
            moreDocuments = parser.nextToken() != null;
        } catch (JsonProcessingException e) {
            throw new CatalogueException(source + ": " + syntaxError(e), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a String cannot fail to read
        }
        Problems problems = new Problems(source);
        if (moreDocuments) {
            // Everything after a second "---" would be ignored without a word.
            problems.add("", "holds more than one YAML document (---); keep the whole catalogue in one");
            throw problems.exception();
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            problems.add("", "the file is empty; it needs version and exercises");
            throw problems.exception();
        }
        if (!root.isObject()) {
            problems.add("", "must be a mapping with version and exercises");
            throw problems.exception();
        }
        Fields file = new Fields(root, "", "", problems);
        file.rejectUnknown(FILE_FIELDS);
        Integer version = file.integer("version", 1, Integer.MAX_VALUE);
        JsonNode list = file.required("exercises");
        List<Exercise> exercises = new ArrayList<>();
        if (list != null && !list.isArray()) {
            problems.add("", "exercises must be a list");
        } else if (list != null && list.isEmpty()) {
            problems.add("", "exercises is empty");
        } else if (list != null) {
            exercises = readExercises(list, problems);
        }
        // Gaps are only meaningful once every entry reads: a typo in the one level-1 breathing
        // exercise would otherwise also show up as a missing purpose.
        if (problems.isEmpty()) {
            checkCoverage(exercises).forEach(problem -> problems.add("", problem));
        }
        if (!problems.isEmpty()) {
            throw problems.exception();
        }
        return new Catalogue(version, exercises);
    }

    /**
     * The planner must find a first-line exercise for every purpose, at home and on the road.
     *
     * @return one line per gap, empty when the catalogue covers everything
     */
    static List<String> checkCoverage(Collection<Exercise> exercises) {
        List<String> gaps = new ArrayList<>();
        for (Purpose purpose : Purpose.values()) {
            List<Exercise> firstLine = exercises.stream()
                    .filter(exercise -> exercise.level() == 1 && exercise.serves(purpose))
                    .toList();
            if (firstLine.isEmpty()) {
                gaps.add("coverage: no level-1 exercise for purpose " + kebab(purpose));
            } else if (TRAVEL_SLOTS.contains(purpose) && firstLine.stream().noneMatch(CatalogueLoader::travelReady)) {
                gaps.add("coverage: no level-1 exercise for purpose " + kebab(purpose)
                        + " done seated or standing with no equipment beyond a chair or wall (needed for travel)");
            } else if (TRAVEL_SLOTS.contains(purpose) && firstLine.stream().noneMatch(CatalogueLoader::underEveryRestriction)) {
                // The restrictions only ever narrow the choice, so one exercise that survives all of them
                // at once serves every combination a clinician may set.
                gaps.add("coverage: no level-1 exercise for purpose " + kebab(purpose)
                        + " done seated only, without tags, with no equipment beyond a chair or wall"
                        + " (needed when a clinician sets every condition)");
            }
        }
        return gaps;
    }

    private static boolean underEveryRestriction(Exercise exercise) {
        return travelReady(exercise) && Restriction.allows(EnumSet.allOf(Restriction.class), exercise);
    }

    private static boolean travelReady(Exercise exercise) {
        return exercise.offTheFloor() && TRAVEL_EQUIPMENT.containsAll(exercise.equipment());
    }

    /** Entries in file order; references are checked once every entry has been seen. */
    private static List<Exercise> readExercises(JsonNode list, Problems problems) {
        Map<String, Integer> entryById = new HashMap<>();
        Map<String, Integer> levelById = new HashMap<>();
        List<ReadEntry> entries = new ArrayList<>();
        List<Exercise> exercises = new ArrayList<>();
        int number = 0;
        for (JsonNode node : list) {
            number++;
            String entry = "entry #" + number;
            if (!node.isObject()) {
                problems.add(entry, "must be a mapping with id, level, purposes, …");
                continue;
            }
            String id = readId(node.get("id"), entry, number, entryById, problems);
            String label = id != null ? "exercise \"" + id + "\"" : entry;
            int before = problems.size();
            ReadEntry read = readExercise(new Fields(node, "", label, problems), id, label);
            if (id != null) {
                levelById.put(id, read.level());
                entries.add(read);
            }
            if (problems.size() == before && read.exercise() != null) {
                exercises.add(read.exercise());
            }
        }
        for (ReadEntry read : entries) {
            checkReference(read, "regression", read.regression(), levelById, problems);
            checkReference(read, "progression", read.progression(), levelById, problems);
        }
        return exercises;
    }

    private static String readId(JsonNode node, String entry, int number, Map<String, Integer> entryById,
                                 Problems problems) {
        if (node == null || node.isNull()) {
            problems.add(entry, "id is missing");
            return null;
        }
        if (!node.isTextual()) {
            problems.add(entry, "id " + node + " must be text");
            return null;
        }
        String id = node.textValue();
        if (!ID.matcher(id).matches()) {
            problems.add(entry, "id \"" + id + "\" must be 3-32 characters of a-z, 0-9 and -");
            return null;
        }
        if (Exercise.NONE.equals(id)) {
            problems.add(entry, "id \"none\" is reserved: it means no regression or progression");
            return null;
        }
        Integer first = entryById.putIfAbsent(id, number);
        if (first != null) {
            problems.add(entry, "id \"" + id + "\" is already used by entry #" + first);
            return null;
        }
        return id;
    }

    /** The exercise is null when a field is unusable; the problem has been recorded. */
    private static ReadEntry readExercise(Fields fields, String id, String label) {
        fields.rejectUnknown(EXERCISE_FIELDS);
        Integer level = fields.integer("level", 1, 3);
        Set<Purpose> purposes = fields.enums("purposes", Purpose.class, false);
        Set<Position> positions = fields.enums("positions", Position.class, false);
        Set<Place> places = fields.enums("places", Place.class, false);
        Set<Equipment> equipment = fields.enums("equipment", Equipment.class, true);
        Set<Tag> tags = fields.enums("tags", Tag.class, true);
        Boolean relief = fields.bool("relief");
        Dose dose = fields.nested("dose", CatalogueLoader::readDose);
        Double minutes = fields.number("minutes", 0.5, 20);
        String regression = fields.reference("regression");
        String progression = fields.reference("progression");
        Map<String, ExerciseText> texts = new LinkedHashMap<>();
        for (String language : LANGUAGES) {
            ExerciseText text = fields.nested(language, CatalogueLoader::readText);
            if (text != null) {
                texts.put(language, text);
            }
        }
        boolean complete = id != null && level != null && purposes != null && positions != null && places != null
                && equipment != null && tags != null && relief != null && dose != null && minutes != null && regression != null
                && progression != null && texts.size() == LANGUAGES.size();
        Exercise exercise = complete
                ? new Exercise(id, level, purposes, positions, places, equipment, relief, dose, minutes, regression,
                        progression, texts, tags)
                : null;
        return new ReadEntry(id, label, level, regression, progression, exercise);
    }

    private static Dose readDose(Fields dose) {
        dose.rejectUnknown(DOSE_FIELDS);
        Integer sets = dose.integer("sets", 1, 5);
        Integer rest = dose.integer("rest", 0, 180);
        Boolean perSide = dose.bool("per-side");
        boolean hasReps = dose.has("reps");
        boolean hasSeconds = dose.has("seconds");
        List<Integer> reps = List.of();
        int hold = 0;
        int seconds = 0;
        if (hasReps && hasSeconds) {
            dose.problem("has both reps and seconds; use reps (with hold) or seconds, not both");
            return null;
        } else if (hasReps) {
            reps = dose.repetitions("reps", 1, 50);
            Integer held = dose.optionalInteger("hold", 0, 120);
            if (reps == null || held == null) {
                return null;
            }
            if (sets != null && reps.size() > sets) {
                dose.problem("reps lists " + reps.size() + " sets but sets is " + sets);
                return null;
            }
            hold = held;
        } else if (hasSeconds) {
            Integer timed = dose.integer("seconds", 1, 1200);
            if (dose.has("hold")) {
                dose.problem("hold goes with reps; a dose by seconds has no hold");
                return null;
            }
            if (timed == null) {
                return null;
            }
            seconds = timed;
        } else {
            dose.problem("needs reps (repetitions per set) or seconds (time per set)");
            return null;
        }
        if (sets == null || rest == null || perSide == null) {
            return null;
        }
        return new Dose(sets, reps, hold, seconds, rest, perSide);
    }

    private static ExerciseText readText(Fields text) {
        text.rejectUnknown(TEXT_FIELDS);
        String name = text.text("name", 40);
        List<String> cues = text.texts("cues", 2, 4, 120);
        String mistake = text.text("mistake", 160);
        String why = text.text("why", 220);
        String stop = text.text("stop", 200);
        if (name == null || cues == null || mistake == null || why == null || stop == null) {
            return null;
        }
        return new ExerciseText(name, cues, mistake, why, stop);
    }

    private static void checkReference(ReadEntry entry, String field, String target, Map<String, Integer> levelById,
                                       Problems problems) {
        if (target == null || Exercise.NONE.equals(target)) {
            return;
        }
        if (target.equals(entry.id())) {
            problems.add(entry.label(), field + " names the exercise itself; use none");
            return;
        }
        if (!levelById.containsKey(target)) {
            problems.add(entry.label(), field + " \"" + target + "\" is not in the catalogue");
            return;
        }
        Integer targetLevel = levelById.get(target);
        if (entry.level() == null || targetLevel == null) {
            return;
        }
        if (field.equals("regression") && targetLevel > entry.level()) {
            problems.add(entry.label(), "regression \"" + target + "\" is level " + targetLevel
                    + ", above this exercise's level " + entry.level());
        } else if (field.equals("progression") && targetLevel < entry.level()) {
            problems.add(entry.label(), "progression \"" + target + "\" is level " + targetLevel
                    + ", below this exercise's level " + entry.level());
        }
    }

    private static String syntaxError(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            // SnakeYAML's own message spans several lines with source excerpts; one line reads better in a log.
            Mark at = marked.getProblemMark();
            String context = marked.getContext() != null && marked.getContextMark() != null
                    ? " (" + marked.getContext() + " begun at line " + (marked.getContextMark().getLine() + 1) + ")"
                    : "";
            return "line " + (at.getLine() + 1) + ", column " + (at.getColumn() + 1) + ": not valid YAML: "
                    + marked.getProblem() + context;
        }
        JsonLocation location = e.getLocation();
        String where = location != null && location.getLineNr() > 0
                ? "line " + location.getLineNr() + ", column " + location.getColumnNr() + ": "
                : "";
        Matcher duplicate = DUPLICATE_KEY.matcher(e.getOriginalMessage());
        String problem = duplicate.find()
                ? "\"" + duplicate.group(1) + "\" is written twice in the same mapping"
                : e.getOriginalMessage().strip().lines().findFirst().orElse("unreadable");
        return where + "not valid YAML: " + problem;
    }

    static String kebab(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** One entry as read, with what it says about its neighbours, kept until every id is known. */
    private record ReadEntry(String id, String label, Integer level, String regression, String progression,
                         Exercise exercise) {
    }

    /** Every problem of the file, in file order, each as a full line. */
    private static final class Problems {

        private final String source;
        private final List<String> lines = new ArrayList<>();

        Problems(String source) {
            this.source = source;
        }

        void add(String where, String what) {
            lines.add(source + ": " + (where.isEmpty() ? "" : where + ": ") + what);
        }

        int size() {
            return lines.size();
        }

        boolean isEmpty() {
            return lines.isEmpty();
        }

        CatalogueException exception() {
            return new CatalogueException(lines);
        }
    }

    /**
     * Typed reads of one YAML mapping. Each read returns null when the value is missing or unusable,
     * after recording why under the field's dotted name.
     */
    private static final class Fields {

        private final JsonNode node;
        private final String prefix;
        private final String label;
        private final Problems problems;

        Fields(JsonNode node, String prefix, String label, Problems problems) {
            this.node = node;
            this.prefix = prefix;
            this.label = label;
            this.problems = problems;
        }

        boolean has(String field) {
            JsonNode value = node.get(field);
            return value != null && !value.isNull();
        }

        /** A problem with the mapping as a whole, e.g. {@code dose has both reps and seconds}. */
        void problem(String what) {
            problems.add(label, prefix.isEmpty() ? what : prefix.substring(0, prefix.length() - 1) + " " + what);
        }

        private void problem(String field, String what) {
            problems.add(label, prefix + field + " " + what);
        }

        void rejectUnknown(List<String> known) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!known.contains(name)) {
                    problems.add(label, "unknown field \"" + prefix + name + "\" (known: "
                            + String.join(", ", known) + ")");
                }
            }
        }

        JsonNode required(String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                problem(field, "is missing");
                return null;
            }
            return value;
        }

        /** A nested mapping, read with the field's name as prefix; null when absent or broken. */
        <T> T nested(String field, Function<Fields, T> reader) {
            JsonNode value = required(field);
            if (value == null) {
                return null;
            }
            if (!value.isObject()) {
                problem(field, "must be a mapping");
                return null;
            }
            return reader.apply(new Fields(value, prefix + field + ".", label, problems));
        }

        Integer integer(String field, int min, int max) {
            JsonNode value = required(field);
            return value == null ? null : wholeNumber(field, value, min, max);
        }

        /** Absent counts as 0, as the format allows for {@code hold}. */
        Integer optionalInteger(String field, int min, int max) {
            return has(field) ? wholeNumber(field, node.get(field), min, max) : Integer.valueOf(0);
        }

        private Integer wholeNumber(String field, JsonNode value, int min, int max) {
            if (!value.isIntegralNumber() || !value.canConvertToInt()) {
                problem(field, "must be a whole number, not " + value);
                return null;
            }
            int number = value.intValue();
            if (number < min || number > max) {
                problem(field, "is " + number + "; allowed " + range(min, max));
                return null;
            }
            return number;
        }

        Double number(String field, double min, double max) {
            JsonNode value = required(field);
            if (value == null) {
                return null;
            }
            if (!value.isNumber()) {
                problem(field, "must be a number, not " + value);
                return null;
            }
            double number = value.doubleValue();
            if (!(number >= min && number <= max)) {
                problem(field, "is " + value + "; allowed " + plain(min) + "-" + plain(max));
                return null;
            }
            return number;
        }

        Boolean bool(String field) {
            JsonNode value = required(field);
            if (value == null) {
                return null;
            }
            if (!value.isBoolean()) {
                problem(field, "must be true or false, not " + value);
                return null;
            }
            return value.booleanValue();
        }

        /** One value for every set, or a list for a pyramid. */
        List<Integer> repetitions(String field, int min, int max) {
            JsonNode value = required(field);
            if (value == null) {
                return null;
            }
            if (!value.isArray()) {
                Integer single = wholeNumber(field, value, min, max);
                return single == null ? null : List.of(single);
            }
            if (value.isEmpty()) {
                problem(field, "is empty");
                return null;
            }
            List<Integer> counts = new ArrayList<>();
            for (JsonNode element : value) {
                Integer count = wholeNumber(field, element, min, max);
                if (count == null) {
                    return null;
                }
                counts.add(count);
            }
            return counts;
        }

        /** An exercise id or {@code none}; whether it exists is checked once every entry is known. */
        String reference(String field) {
            JsonNode value = required(field);
            if (value == null) {
                return null;
            }
            if (!value.isTextual() || value.textValue().isBlank()) {
                problem(field, "must be an exercise id or none, not " + value);
                return null;
            }
            return value.textValue().strip();
        }

        String text(String field, int maxLength) {
            JsonNode value = required(field);
            return value == null ? null : plainText(field, value, maxLength);
        }

        private String plainText(String field, JsonNode value, int maxLength) {
            if (!value.isTextual()) {
                problem(field, "must be text, not " + value);
                return null;
            }
            // Block scalars (> or |) end in a newline the reader should not see.
            String text = value.textValue().strip();
            if (text.isEmpty()) {
                problem(field, "is empty");
                return null;
            }
            int length = text.codePointCount(0, text.length());
            if (length > maxLength) {
                problem(field, "has " + length + " characters; at most " + maxLength + " are allowed");
                return null;
            }
            return text;
        }

        List<String> texts(String field, int minCount, int maxCount, int maxLength) {
            JsonNode value = required(field);
            if (value == null) {
                return null;
            }
            if (!value.isArray()) {
                problem(field, "must be a list");
                return null;
            }
            if (value.size() < minCount || value.size() > maxCount) {
                problem(field, "lists " + value.size() + "; allowed " + range(minCount, maxCount));
                return null;
            }
            List<String> texts = new ArrayList<>();
            int index = 0;
            for (JsonNode element : value) {
                index++;
                String text = plainText(field + " #" + index, element, maxLength);
                if (text == null) {
                    return null;
                }
                texts.add(text);
            }
            return texts;
        }

        /** Kebab-case names of the enum's constants, e.g. deep-stabilisers. */
        <E extends Enum<E>> Set<E> enums(String field, Class<E> type, boolean allowEmpty) {
            JsonNode value = required(field);
            if (value == null) {
                return null;
            }
            List<String> known = EnumSet.allOf(type).stream().map(CatalogueLoader::kebab).toList();
            if (!value.isArray()) {
                problem(field, "must be a list, e.g. [" + known.get(0) + "]");
                return null;
            }
            if (value.isEmpty() && !allowEmpty) {
                problem(field, "is empty; name at least one of " + String.join(", ", known));
                return null;
            }
            Set<E> values = EnumSet.noneOf(type);
            boolean broken = false;
            for (JsonNode element : value) {
                E constant = element.isTextual() && known.contains(element.textValue())
                        ? Enum.valueOf(type, element.textValue().toUpperCase(Locale.ROOT).replace('-', '_'))
                        : null;
                if (constant == null) {
                    problem(field, "has unknown value " + element + " (known: " + String.join(", ", known) + ")");
                    broken = true;
                } else {
                    values.add(constant);
                }
            }
            return broken ? null : values;
        }

        private static String plain(double number) {
            return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
        }

        private static String range(int min, int max) {
            return max == Integer.MAX_VALUE ? min + " or more" : min + "-" + max;
        }
    }
}
