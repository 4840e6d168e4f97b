package app.backcoach.questionnaire;

import app.backcoach.questionnaire.Questionnaire.Aggregate;
import app.backcoach.questionnaire.Questionnaire.Asked;
import app.backcoach.questionnaire.Questionnaire.Band;
import app.backcoach.questionnaire.Questionnaire.Effect;
import app.backcoach.questionnaire.Questionnaire.Item;
import app.backcoach.questionnaire.Questionnaire.Method;
import app.backcoach.questionnaire.Questionnaire.Option;
import app.backcoach.questionnaire.Questionnaire.Range;
import app.backcoach.questionnaire.Questionnaire.Scale;
import app.backcoach.questionnaire.Questionnaire.When;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads one questionnaire file (format: README, "Questionnaires"). Pure, so every rule is tested without
 * starting the service. Like the catalogue, the file is read as a YAML tree so that every problem is
 * collected and named by its field ({@code items #2.de}, {@code scoring.bands #1.when.psychosocial})
 * instead of stopping at the first.
 */
public final class QuestionnaireLoader {

    static final List<String> LANGUAGES = List.of("en", "de");
    /** Questionnaire ids become dialogue codes ("q-" + id), which the dialogue table holds in 16 characters. */
    static final Pattern QUESTIONNAIRE_ID = Pattern.compile("[a-z][a-z0-9-]{1,13}");
    /** Item ids and option values travel in callback data: {@code dlg:q-peg.pain.7}. */
    static final Pattern VALUE = Pattern.compile("[a-z0-9-]{1,16}");
    static final String TOTAL = "total";
    static final int MAX_ITEMS = 30;
    static final int MAX_OPTIONS = 11;

    private static final List<String> FILE_FIELDS = List.of("id", "version", "title", "intro", "source", "asked",
            "scales", "items", "scoring");
    private static final List<String> ASKED_FIELDS = List.of("when", "weeks");
    private static final List<String> SCALE_FIELDS = List.of("type", "from", "to", "anchors", "options");
    private static final List<String> OPTION_FIELDS = List.of("value", "score", "en", "de");
    private static final List<String> ITEM_FIELDS = List.of("id", "scale", "en", "de");
    private static final List<String> SCORING_FIELDS = List.of("total", "subscales", "bands");
    private static final List<String> AGGREGATE_FIELDS = List.of("method", "items");
    private static final List<String> BAND_FIELDS = List.of("id", "when", "effect");
    private static final List<String> RANGE_FIELDS = List.of("min", "max");

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    private QuestionnaireLoader() {
    }

    /**
     * Reads and checks one file, so whatever this returns can be asked and scored.
     *
     * @param source how the operator knows the file (its path), used to begin every problem line
     * @throws QuestionnaireException listing every problem found, one a line
     */
    public static Questionnaire parse(String yaml, String source) {
        JsonNode root;
        boolean moreDocuments;
        try (JsonParser parser = YAML.createParser(yaml)) {
            root = YAML.readTree(parser);
            moreDocuments = parser.nextToken() != null;
        } catch (JsonProcessingException e) {
            throw new QuestionnaireException(source + ": " + syntaxError(e), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Problems problems = new Problems(source);
        if (moreDocuments) {
            problems.add("holds more than one YAML document (---); keep one questionnaire per file");
        } else if (root == null || root.isMissingNode() || root.isNull()) {
            problems.add("the file is empty; it needs id, version, title, intro, asked, scales, items and scoring");
        } else if (!root.isObject()) {
            problems.add("must be a mapping with id, version, title, intro, asked, scales, items and scoring");
        }
        if (!problems.isEmpty()) {
            throw problems.exception();
        }
        Fields file = new Fields(root, "", problems);
        file.rejectUnknown(FILE_FIELDS);
        String id = file.id("id", QUESTIONNAIRE_ID, "2-14 characters of a-z, 0-9 and -, starting with a letter");
        Integer version = file.integer("version", 1, Integer.MAX_VALUE);
        Map<String, String> title = file.nested("title", fields -> fields.languages(60));
        Map<String, String> intro = file.nested("intro", fields -> fields.languages(400));
        String sourceNote = file.has("source") ? file.text("source", 300) : "";
        Asked asked = file.nested("asked", QuestionnaireLoader::readAsked);
        Map<String, Scale> scales = readScales(file, problems);
        List<Item> items = readItems(file, scales, problems);
        Scoring scoring = items == null ? null : file.nested("scoring", fields -> readScoring(fields, items));
        if (!problems.isEmpty()) {
            throw problems.exception();
        }
        return new Questionnaire(id, version, title, intro, sourceNote, asked, items, scoring.total(),
                scoring.subscales(), scoring.bands());
    }

    private static Asked readAsked(Fields asked) {
        asked.rejectUnknown(ASKED_FIELDS);
        When when = asked.choice("when", When.class);
        if (when == null) {
            return null;
        }
        if (when == When.EVERY_N_WEEKS) {
            Integer weeks = asked.integer("weeks", 2, 52);
            return weeks == null ? null : new Asked(when, weeks);
        }
        if (asked.has("weeks")) {
            asked.problem("weeks", "goes only with when: every-n-weeks");
            return null;
        }
        return new Asked(when, when == When.WEEKLY ? 1 : 0);
    }

    private static Map<String, Scale> readScales(Fields file, Problems problems) {
        JsonNode node = file.required("scales");
        if (node == null) {
            return null;
        }
        if (!node.isObject() || node.isEmpty()) {
            file.problem("scales", "must be a mapping of scale names to scales, e.g. pain: {type: numeric, from: 0, to: 10}");
            return null;
        }
        Map<String, Scale> scales = new LinkedHashMap<>();
        boolean broken = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String name = entry.getKey();
            Fields fields = new Fields(entry.getValue(), "scales." + name + ".", problems);
            if (!VALUE.matcher(name).matches()) {
                file.problem("scales." + name, "has a name that is not 1-16 characters of a-z, 0-9 and -");
                broken = true;
            } else if (!entry.getValue().isObject()) {
                file.problem("scales." + name, "must be a mapping with type and its fields");
                broken = true;
            } else {
                Scale scale = readScale(name, fields);
                if (scale == null) {
                    broken = true;
                } else {
                    scales.put(name, scale);
                }
            }
        }
        return broken ? null : scales;
    }

    private static Scale readScale(String name, Fields scale) {
        scale.rejectUnknown(SCALE_FIELDS);
        String type = scale.oneOf("type", List.of("numeric", "yes-no", "options"));
        if (type == null) {
            return null;
        }
        List<Option> options;
        switch (type) {
            case "numeric" -> {
                scale.onlyWith(type, List.of("type", "from", "to", "anchors"));
                Integer from = scale.integer("from", 0, 100);
                Integer to = scale.integer("to", 0, 100);
                if (from == null || to == null) {
                    return null;
                }
                if (to <= from || to - from + 1 > MAX_OPTIONS) {
                    scale.problem("to", "is " + to + "; a numeric scale runs upwards from " + from + " with 2-"
                            + MAX_OPTIONS + " points (one button each)");
                    return null;
                }
                options = new ArrayList<>();
                for (int n = from; n <= to; n++) {
                    options.add(new Option(String.valueOf(n), n, null));
                }
            }
            case "yes-no" -> {
                scale.onlyWith(type, List.of("type"));
                // Labels come from the bot's own texts (Yes / Ja); yes scores 1.
                options = List.of(new Option("yes", 1, null), new Option("no", 0, null));
            }
            default -> {
                scale.onlyWith(type, List.of("type", "options", "anchors"));
                options = readOptions(scale);
                if (options == null) {
                    return null;
                }
            }
        }
        Map<String, Map<String, String>> anchors = new LinkedHashMap<>();
        if (scale.has("anchors")) {
            JsonNode node = scale.node.get("anchors");
            if (!node.isObject()) {
                scale.problem("anchors", "must be a mapping of answer values to {en, de}, e.g. 0: {en: no pain, de: …}");
                return null;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> anchor = it.next();
                if (options.stream().noneMatch(option -> option.value().equals(anchor.getKey()))) {
                    scale.problem("anchors." + anchor.getKey(), "is not one of the scale's answers ("
                            + String.join(", ", options.stream().map(Option::value).toList()) + ")");
                    return null;
                }
                Map<String, String> text = scale.nested("anchors." + anchor.getKey(), anchor.getValue(),
                        fields -> fields.languages(60));
                if (text == null) {
                    return null;
                }
                anchors.put(anchor.getKey(), text);
            }
        }
        return new Scale(name, options, anchors);
    }

    private static List<Option> readOptions(Fields scale) {
        JsonNode node = scale.required("options");
        if (node == null) {
            return null;
        }
        if (!node.isArray() || node.size() < 2 || node.size() > MAX_OPTIONS) {
            scale.problem("options", "must list 2-" + MAX_OPTIONS + " options, each {value, score, en, de}");
            return null;
        }
        List<Option> options = new ArrayList<>();
        Set<String> values = new HashSet<>();
        int number = 0;
        for (JsonNode element : node) {
            number++;
            String field = "options #" + number;
            if (!element.isObject()) {
                scale.problem(field, "must be a mapping {value, score, en, de}");
                return null;
            }
            Fields option = new Fields(element, scale.prefix + field + ".", scale.problems);
            option.rejectUnknown(OPTION_FIELDS);
            String value = option.id("value", VALUE, "1-16 characters of a-z, 0-9 and -");
            Double score = option.number("score", -1000, 1000);
            Map<String, String> label = option.languages(40);
            if (value == null || score == null || label == null) {
                return null;
            }
            if (!values.add(value)) {
                option.problem("value", "\"" + value + "\" is used by an earlier option");
                return null;
            }
            options.add(new Option(value, score, label));
        }
        return options;
    }

    private static List<Item> readItems(Fields file, Map<String, Scale> scales, Problems problems) {
        JsonNode node = file.required("items");
        if (node == null) {
            return null;
        }
        if (!node.isArray() || node.isEmpty() || node.size() > MAX_ITEMS) {
            file.problem("items", "must list 1-" + MAX_ITEMS + " items, each {id, scale, en, de}");
            return null;
        }
        List<Item> items = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        boolean broken = false;
        int number = 0;
        for (JsonNode element : node) {
            number++;
            String field = "items #" + number;
            if (!element.isObject()) {
                file.problem(field, "must be a mapping {id, scale, en, de}");
                broken = true;
                continue;
            }
            Fields item = new Fields(element, field + ".", problems);
            item.rejectUnknown(ITEM_FIELDS);
            String id = item.id("id", VALUE, "1-16 characters of a-z, 0-9 and -");
            String scaleName = item.text("scale", 16);
            Map<String, String> text = item.languages(300);
            Scale scale = null;
            if (scaleName != null && scales != null) {
                scale = scales.get(scaleName);
                if (scale == null) {
                    item.problem("scale", "\"" + scaleName + "\" is not declared under scales (declared: "
                            + String.join(", ", scales.keySet()) + ")");
                }
            }
            if (id != null && !ids.add(id)) {
                item.problem("id", "\"" + id + "\" is used by an earlier item");
                id = null;
            }
            if (id == null || scale == null || text == null) {
                broken = true;
            } else {
                items.add(new Item(id, text, scale));
            }
        }
        return broken ? null : items;
    }

    private record Scoring(Aggregate total, Map<String, Aggregate> subscales, List<Band> bands) {
    }

    private static Scoring readScoring(Fields scoring, List<Item> items) {
        scoring.rejectUnknown(SCORING_FIELDS);
        List<String> itemIds = items.stream().map(Item::id).toList();
        Aggregate total = scoring.nested("total", fields -> readAggregate(fields, itemIds));
        Map<String, Aggregate> subscales = new LinkedHashMap<>();
        boolean broken = false;
        if (scoring.has("subscales")) {
            JsonNode node = scoring.node.get("subscales");
            if (!node.isObject()) {
                scoring.problem("subscales", "must be a mapping of names to {method, items}");
                return null;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                if (!VALUE.matcher(entry.getKey()).matches() || TOTAL.equals(entry.getKey())) {
                    scoring.problem("subscales." + entry.getKey(), "needs a name of 1-16 characters of a-z, 0-9 and -,"
                            + " other than total");
                    broken = true;
                    continue;
                }
                Aggregate aggregate = scoring.nested("subscales." + entry.getKey(), entry.getValue(),
                        fields -> readAggregate(fields, itemIds));
                if (aggregate == null) {
                    broken = true;
                } else {
                    subscales.put(entry.getKey(), aggregate);
                }
            }
        }
        List<Band> bands = scoring.has("bands") ? readBands(scoring, subscales.keySet()) : List.of();
        if (total == null || broken || bands == null) {
            return null;
        }
        return new Scoring(total, subscales, bands);
    }

    private static Aggregate readAggregate(Fields aggregate, List<String> itemIds) {
        aggregate.rejectUnknown(AGGREGATE_FIELDS);
        Method method = aggregate.choice("method", Method.class);
        JsonNode node = aggregate.required("items");
        if (method == null || node == null) {
            return null;
        }
        if (node.isTextual() && node.textValue().equals("all")) {
            return new Aggregate(method, itemIds);
        }
        if (!node.isArray() || node.isEmpty()) {
            aggregate.problem("items", "must be all or a list of item ids");
            return null;
        }
        List<String> chosen = new ArrayList<>();
        for (JsonNode element : node) {
            String itemId = element.isTextual() ? element.textValue() : element.toString();
            if (!itemIds.contains(itemId)) {
                aggregate.problem("items", "names \"" + itemId + "\", which is not an item (items: "
                        + String.join(", ", itemIds) + ")");
                return null;
            }
            if (chosen.contains(itemId)) {
                aggregate.problem("items", "names \"" + itemId + "\" twice");
                return null;
            }
            chosen.add(itemId);
        }
        return new Aggregate(method, chosen);
    }

    private static List<Band> readBands(Fields scoring, Set<String> subscales) {
        JsonNode node = scoring.node.get("bands");
        if (!node.isArray() || node.isEmpty()) {
            scoring.problem("bands", "must be a list of bands, each {id, when, effect}");
            return null;
        }
        List<Band> bands = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int number = 0;
        for (JsonNode element : node) {
            number++;
            boolean last = number == node.size();
            String field = "scoring.bands #" + number;
            if (!element.isObject()) {
                scoring.problem("bands #" + number, "must be a mapping {id, when, effect}");
                return null;
            }
            Fields band = new Fields(element, field + ".", scoring.problems);
            band.rejectUnknown(BAND_FIELDS);
            String id = band.id("id", VALUE, "1-16 characters of a-z, 0-9 and -");
            Effect effect = band.choice("effect", Effect.class);
            Map<String, Range> when = new LinkedHashMap<>();
            if (band.has("when")) {
                if (last) {
                    // Without a band that takes whatever is left, some answers would score without a band.
                    band.problem("when", "is not allowed on the last band: it takes every result the bands above"
                            + " do not");
                    return null;
                }
                when = readConditions(band, subscales);
                if (when == null) {
                    return null;
                }
            } else if (!last) {
                band.problem("when", "is missing; only the last band takes every result left (no when)");
                return null;
            }
            if (id == null || effect == null) {
                return null;
            }
            if (!ids.add(id)) {
                band.problem("id", "\"" + id + "\" is used by an earlier band");
                return null;
            }
            bands.add(new Band(id, when, effect));
        }
        return bands;
    }

    private static Map<String, Range> readConditions(Fields band, Set<String> subscales) {
        JsonNode node = band.node.get("when");
        if (!node.isObject() || node.isEmpty()) {
            band.problem("when", "must map total or a subscale to {min, max}, e.g. when: {total: {max: 3}}");
            return null;
        }
        Map<String, Range> conditions = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String of = entry.getKey();
            if (!TOTAL.equals(of) && !subscales.contains(of)) {
                band.problem("when." + of, "is neither total nor a subscale (subscales: "
                        + (subscales.isEmpty() ? "none" : String.join(", ", subscales)) + ")");
                return null;
            }
            Range range = band.nested("when." + of, entry.getValue(), fields -> {
                fields.rejectUnknown(RANGE_FIELDS);
                if (!fields.has("min") && !fields.has("max")) {
                    fields.problem("needs min, max or both");
                    return null;
                }
                Double min = fields.has("min") ? fields.number("min", -100000, 100000) : null;
                Double max = fields.has("max") ? fields.number("max", -100000, 100000) : null;
                if (fields.has("min") && min == null || fields.has("max") && max == null) {
                    return null;
                }
                if (min != null && max != null && min > max) {
                    fields.problem("min", "is above max");
                    return null;
                }
                return new Range(min, max);
            });
            if (range == null) {
                return null;
            }
            conditions.put(of, range);
        }
        return conditions;
    }

    private static String syntaxError(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            return "line " + (marked.getProblemMark().getLine() + 1) + ", column "
                    + (marked.getProblemMark().getColumn() + 1) + ": not valid YAML: " + marked.getProblem();
        }
        String message = e.getOriginalMessage().strip().lines().findFirst().orElse("unreadable");
        var location = e.getLocation();
        return (location != null && location.getLineNr() > 0 ? "line " + location.getLineNr() + ": " : "")
                + "not valid YAML: " + message;
    }

    static String kebab(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Every problem of the file, in file order, each as a full line. */
    private static final class Problems {

        private final String source;
        private final List<String> lines = new ArrayList<>();

        Problems(String source) {
            this.source = source;
        }

        void add(String what) {
            lines.add(source + ": " + what);
        }

        boolean isEmpty() {
            return lines.isEmpty();
        }

        QuestionnaireException exception() {
            return new QuestionnaireException(lines);
        }
    }

    /** Typed reads of one mapping; each returns null after recording the problem under the field's dotted name. */
    private static final class Fields {

        final JsonNode node;
        final String prefix;
        final Problems problems;

        Fields(JsonNode node, String prefix, Problems problems) {
            this.node = node;
            this.prefix = prefix;
            this.problems = problems;
        }

        boolean has(String field) {
            JsonNode value = node.get(field);
            return value != null && !value.isNull();
        }

        void problem(String field, String what) {
            problems.add(prefix + field + " " + what);
        }

        /** A problem with this mapping as a whole. */
        void problem(String what) {
            problems.add((prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1) + " ") + what);
        }

        void rejectUnknown(List<String> known) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!known.contains(name)) {
                    problems.add("unknown field \"" + prefix + name + "\" (known: " + String.join(", ", known) + ")");
                }
            }
        }

        /** Fields that belong to another scale type are mistakes, not extras. */
        void onlyWith(String type, List<String> allowed) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (SCALE_FIELDS.contains(name) && !allowed.contains(name)) {
                    problem(name, "does not go with type " + type);
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

        <T> T nested(String field, java.util.function.Function<Fields, T> reader) {
            JsonNode value = required(field);
            return value == null ? null : nested(field, value, reader);
        }

        <T> T nested(String field, JsonNode value, java.util.function.Function<Fields, T> reader) {
            if (!value.isObject()) {
                problem(field, "must be a mapping");
                return null;
            }
            return reader.apply(new Fields(value, prefix + field + ".", problems));
        }

        String id(String field, Pattern pattern, String rule) {
            JsonNode value = required(field);
            if (value == null) {
                return null;
            }
            String text = value.isTextual() ? value.textValue() : value.isNumber() ? value.asText() : null;
            if (text == null || !pattern.matcher(text).matches()) {
                problem(field, value + " must be " + rule);
                return null;
            }
            return text;
        }

        Integer integer(String field, int min, int max) {
            JsonNode value = required(field);
            if (value == null) {
                return null;
            }
            if (!value.isIntegralNumber() || !value.canConvertToInt()) {
                problem(field, "must be a whole number, not " + value);
                return null;
            }
            int number = value.intValue();
            if (number < min || number > max) {
                problem(field, "is " + number + "; allowed " + (max == Integer.MAX_VALUE ? min + " or more"
                        : min + "-" + max));
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
            if (number < min || number > max) {
                problem(field, "is " + value + "; out of range");
                return null;
            }
            return number;
        }

        String text(String field, int maxLength) {
            JsonNode value = required(field);
            if (value == null) {
                return null;
            }
            if (!value.isTextual()) {
                problem(field, "must be text, not " + value);
                return null;
            }
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

        /** The same text in every language the bot speaks. */
        Map<String, String> languages(int maxLength) {
            Map<String, String> texts = new LinkedHashMap<>();
            for (String language : LANGUAGES) {
                String text = text(language, maxLength);
                if (text != null) {
                    texts.put(language, text);
                }
            }
            return texts.size() == LANGUAGES.size() ? Map.copyOf(texts) : null;
        }

        String oneOf(String field, List<String> allowed) {
            JsonNode value = required(field);
            if (value == null) {
                return null;
            }
            if (!value.isTextual() || !allowed.contains(value.textValue())) {
                problem(field, "is " + value + "; allowed: " + String.join(", ", allowed));
                return null;
            }
            return value.textValue();
        }

        <E extends Enum<E>> E choice(String field, Class<E> type) {
            List<String> allowed = Arrays.stream(type.getEnumConstants()).map(QuestionnaireLoader::kebab).toList();
            String value = oneOf(field, allowed);
            return value == null ? null : type.getEnumConstants()[allowed.indexOf(value)];
        }
    }
}
