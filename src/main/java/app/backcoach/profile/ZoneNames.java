package app.backcoach.profile;

import com.ibm.icu.text.TimeZoneNames;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Time zones by the names people type, in their own language: a zone's city as CLDR names it in
 * several languages (Wien, Vienna, Viena; Lissabon; Zürich), a country whose zones all keep the same
 * time (Österreich, Deutschland), and a short list of large cities that are not a zone's own
 * ({@code cities.properties}: München, Köln, Genf …). Case, accents and spaces do not matter.
 */
final class ZoneNames {

    /** The languages whose names are understood, whatever language the person uses with the bot. */
    static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.GERMAN, Locale.FRENCH, Locale.ITALIAN,
            Locale.forLanguageTag("es"), Locale.forLanguageTag("pt"), Locale.forLanguageTag("nl"),
            Locale.forLanguageTag("pl"));
    private static final String CITIES = "/profile/cities.properties";

    private ZoneNames() {
    }

    /** The zone a typed place name stands for; empty when it is unknown or could mean two different times. */
    static Optional<String> find(String typed) {
        return Optional.ofNullable(Index.NAMES.get(key(typed)));
    }

    /** "Zürich", "zurich", "ZÜRICH", "Sankt  Gallen", "St. Gallen" all become one key. */
    static String key(String name) {
        String plain = Normalizer.normalize(name.strip().toLowerCase(Locale.ROOT).replace("ß", "ss"),
                Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.replaceAll("[\\s_.'’-]+", " ").strip();
    }

    /** Built on first use (CLDR names of every zone in every language above): a few hundred milliseconds once. */
    private static final class Index {
        static final Map<String, String> NAMES = build();

        private static Map<String, String> build() {
            Set<String> javaZones = ZoneId.getAvailableZoneIds();
            Map<String, String> names = new HashMap<>();
            Set<String> ambiguous = new HashSet<>();
            Set<String> zones = new TreeSet<>(TimeZone.getAvailableIDs(TimeZone.SystemTimeZoneType.CANONICAL_LOCATION,
                    null, null));
            zones.retainAll(javaZones);
            for (String zone : zones) {
                add(names, ambiguous, zone.substring(zone.lastIndexOf('/') + 1), zone);
                for (Locale language : LANGUAGES) {
                    String city = TimeZoneNames.getInstance(ULocale.forLocale(language)).getExemplarLocationName(zone);
                    if (city != null) {
                        add(names, ambiguous, city, zone);
                    }
                }
            }
            cities().forEach((city, zone) -> add(names, ambiguous, city, zone));
            // Countries last: a city of the same name ("Luxembourg", "Singapore") already said it.
            for (String country : Locale.getISOCountries()) {
                oneTime(country, javaZones).ifPresent(zone -> LANGUAGES.forEach(language -> {
                    String name = new Locale("", country).getDisplayCountry(language);
                    if (!names.containsKey(key(name)) && !ambiguous.contains(key(name))) {
                        add(names, ambiguous, name, zone);
                    }
                }));
            }
            ambiguous.forEach(names::remove);
            return Map.copyOf(names);
        }

        private static void add(Map<String, String> names, Set<String> ambiguous, String name, String zone) {
            String key = key(name);
            String before = names.putIfAbsent(key, zone);
            if (before != null && !sameTime(before, zone)) {
                ambiguous.add(key);
            }
        }

        /** A country whose zones all keep the same time now and in the coming year: its first zone. */
        private static Optional<String> oneTime(String country, Set<String> javaZones) {
            List<String> zones = TimeZone.getAvailableIDs(TimeZone.SystemTimeZoneType.CANONICAL_LOCATION,
                    country, null).stream().filter(javaZones::contains).sorted().collect(Collectors.toList());
            if (zones.isEmpty() || !zones.stream().allMatch(zone -> sameTime(zones.get(0), zone))) {
                return Optional.empty();
            }
            return Optional.of(zones.get(0));
        }

        /** The same offsets through the year ahead, daylight saving included (checked monthly). */
        private static boolean sameTime(String a, String b) {
            ZoneRules first = ZoneId.of(a).getRules();
            ZoneRules second = ZoneId.of(b).getRules();
            Instant now = Instant.now();
            for (int month = 0; month <= 12; month++) {
                Instant at = now.plusSeconds(month * 30L * 86_400);
                if (!first.getOffset(at).equals(second.getOffset(at))) {
                    return false;
                }
            }
            return true;
        }

        private static Map<String, String> cities() {
            Properties cities = new Properties();
            try (InputStream in = ZoneNames.class.getResourceAsStream(CITIES)) {
                cities.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + CITIES, e);
            }
            Map<String, String> byName = new HashMap<>();
            cities.stringPropertyNames().forEach(zone -> Arrays.stream(cities.getProperty(zone).split(","))
                    .map(String::strip).filter(name -> !name.isEmpty()).forEach(name -> byName.put(name, zone)));
            return byName;
        }
    }
}
