package app.backcoach.day;

import static org.assertj.core.api.Assertions.assertThat;

import app.backcoach.catalogue.Catalogue;
import app.backcoach.catalogue.Exercise;
import app.backcoach.coaching.PlannedItem;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every exercise of the catalogue, in both languages, as the guided card and "why this?" show it:
 * no label is doubled by the catalogue text after it ("Stop if: Stop if …").
 */
@QuarkusTest
class ExerciseTextsTest {

    /** A line's label: a few words before a colon at its start ("Watch out:", "Hör auf, wenn:"). */
    private static final Pattern LABELLED = Pattern.compile("^\\W*([\\p{L}][\\p{L} ,]{1,28}):\\s*(.+)$");
    private static final Pattern WORD = Pattern.compile("\\p{L}+");

    @Inject
    Catalogue catalogue;

    @Inject
    GuidedSessionService guided;

    @Inject
    PlanView view;

    @Test
    void noLabelIsRepeatedByTheTextAfterIt() {
        List<String> doubled = new ArrayList<>();
        int checked = 0;
        for (Exercise exercise : catalogue.all()) {
            PlannedItem item = new PlannedItem(exercise.id(), PlannedItem.Part.MAIN, exercise.dose(), exercise.minutes());
            GuidedSession session = new GuidedSession();
            for (String language : List.of("en", "de")) {
                for (String shown : List.of(guided.card(language, 1, session, item, exercise),
                        view.whyThis(item, language))) {
                    for (String line : shown.replaceAll("<[^>]+>", "").split("\n")) {
                        checked++;
                        if (doubles(line)) {
                            doubled.add(exercise.id() + " (" + language + "): " + line);
                        }
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(catalogue.size() * 2 * 8);
        assertThat(doubled).isEmpty();
    }

    @Test
    void theCheckFindsADoubledLabel() {
        assertThat(doubles("Stop if: Stop if bracing brings on back pain above 5/10.")).isTrue();
        assertThat(doubles("Hör auf, wenn: Hör auf bei Rückenschmerz über 5/10.")).isTrue();
        assertThat(doubles("Watch out: Holding your breath or tensing hard.")).isFalse();
        assertThat(doubles("🛑 Stop if bracing brings on back pain above 5/10.")).isFalse();
    }

    /** The label's first word opens the text after it too. */
    private static boolean doubles(String line) {
        Matcher labelled = LABELLED.matcher(line.strip());
        if (!labelled.matches()) {
            return false;
        }
        return firstWord(labelled.group(1)).equals(firstWord(labelled.group(2)));
    }

    private static String firstWord(String text) {
        Matcher word = WORD.matcher(text);
        return word.find() ? word.group().toLowerCase(Locale.ROOT) : "";
    }
}
