package app.backcoach.text;

import static org.assertj.core.api.Assertions.assertThat;

import app.backcoach.chat.DialogueFlow;
import app.backcoach.chat.Question;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every button label, in every language, starts the way a label should: never lower-case. */
@QuarkusTest
class ButtonLabelsTest {

    /** Texts the code puts on buttons (besides every dialogue's answer choices). */
    private static final Pattern LABEL_KEY = Pattern.compile("(.+\\.button\\..+|guided\\.tap\\..+|settings\\.field\\..+"
            + "|tweak\\.pick\\..+|dialogue\\.(back|skip)|lesson\\.[a-z-]+\\.title|lesson\\.(read|next))");

    @Inject
    Instance<DialogueFlow> flows;

    @Test
    void noButtonLabelStartsLowerCase() {
        Texts texts = new Texts();
        Set<String> keys = new TreeSet<>();
        for (DialogueFlow flow : flows) {
            for (Question question : flow.definition().steps()) {
                question.choices().forEach(choice -> keys.add(choice.labelKey()));
            }
        }
        Collections.list(texts.bundle("en").getKeys()).stream().filter(key -> LABEL_KEY.matcher(key).matches())
                .forEach(keys::add);
        assertThat(keys).contains("plan.button.guided", "guided.tap.hard", "tweak.button.no", "tweak.pick.regress",
                "profile.tz.london", "checkin.daytype.desk", "dialogue.skip");
        assertThat(keys.size()).isGreaterThan(100);

        List<String> lowerCase = new ArrayList<>();
        for (String language : Texts.LANGUAGES) {
            ResourceBundle bundle = texts.bundle(language);
            for (String key : keys) {
                String label = bundle.getString(key);
                int first = label.codePointAt(0);
                // ℹ counts as a lower-case letter to Java, but it is a symbol.
                if (Character.isLowerCase(first) && Character.UnicodeBlock.of(first) != Character.UnicodeBlock.LETTERLIKE_SYMBOLS) {
                    lowerCase.add(language + " " + key + " = " + label);
                }
            }
        }
        assertThat(lowerCase).isEmpty();
    }
}
