package app.backcoach.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.backcoach.chat.CommandName;
import app.backcoach.sender.Html;
import java.util.Collections;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TextsTest {

    private final Texts texts = new Texts();

    @Test
    void everyTextIsValidTelegramHtmlOfAllowedLength() {
        for (String language : Texts.LANGUAGES) {
            ResourceBundle bundle = texts.bundle(language);
            for (String key : Collections.list(bundle.getKeys())) {
                String value = bundle.getString(key).replaceAll("\\{[a-zA-Z]+}", "x");
                Html.validate(value);
                assertThat(value.length()).as(key).isLessThanOrEqualTo(Html.MAX_MESSAGE_LENGTH);
            }
        }
    }

    @Test
    void everyLanguageHasEveryText() {
        java.util.Set<String> english = java.util.Set.copyOf(Collections.list(texts.bundle("en").getKeys()));
        for (String language : Texts.LANGUAGES) {
            java.util.Properties own = new java.util.Properties();
            String file = language.equals("en") ? "/texts/messages.properties" : "/texts/messages_" + language + ".properties";
            try (var in = new java.io.InputStreamReader(getClass().getResourceAsStream(file),
                    java.nio.charset.StandardCharsets.UTF_8)) {
                own.load(in);
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
            assertThat(own.stringPropertyNames()).as("keys of %s", file).isEqualTo(english);
        }
    }

    @Test
    void germanSpeakersGetGerman() {
        assertThat(texts.get("de", "choice.yes")).isEqualTo("Ja");
        assertThat(texts.get("de-AT", "choice.no")).isEqualTo("Nein");
    }

    @ParameterizedTest
    @EnumSource(CommandName.class)
    void everyCommandHasAMenuDescriptionTelegramAccepts(CommandName name) {
        String description = texts.get("en", name.descriptionKey());

        assertThat(description).hasSizeBetween(1, 256);
        assertThat(name.command()).matches("[a-z0-9_]{1,32}");
    }

    @Test
    void argumentsAreEscaped() {
        String text = texts.get("en", "command.unknown", "command", "/<b>&");

        assertThat(text).contains("/&lt;b&gt;&amp;");
        Html.validate(text);
    }

    @Test
    void unknownLanguagesFallBackToEnglish() {
        assertThat(texts.get("xx", "callback.closed")).isEqualTo(texts.get("en", "callback.closed"));
        assertThat(texts.get(null, "callback.closed")).isEqualTo("This question has closed.");
    }

    @Test
    void aMissingArgumentIsAProgrammingError() {
        assertThatThrownBy(() -> texts.get("en", "command.unknown"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("command");
    }
}
