package app.backcoach.chat;

import static app.backcoach.chat.ButtonFormat.code;
import static app.backcoach.chat.ButtonFormat.count;
import static app.backcoach.chat.ButtonFormat.id;
import static app.backcoach.chat.ButtonFormat.optional;
import static app.backcoach.chat.ButtonFormat.word;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The typed button data every feature uses instead of its own regex. */
class ButtonFormatTest {

    private static final ButtonFormat PLAN = ButtonFormat.of("plan", word("guide", "why"), id(), optional(count()));

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "guide.412        | guide,412",
            "why.412.3        | why,412,3",
            "why.412.99       | why,412,99",
            "guide.1234567890123456789 | ",
            "why.412.100      | ",
            "walk.412         | ",
            "guide            | ",
            "guide.41x        | ",
            "guide.412.3.4    | ",
            "guide..3         | ",
            "''               | ",
    })
    void readsWhatFitsAndNothingElse(String argument, String expected) {
        assertThat(PLAN.read(argument).map(ButtonFormat.Values::parts))
                .isEqualTo(expected == null ? java.util.Optional.empty()
                        : java.util.Optional.of(List.of(expected.split(","))));
    }

    @Test
    void makesDataThatReadsBack() {
        CallbackData data = PLAN.data("why", 412L, 3);
        assertThat(data.encode()).isEqualTo("plan:why.412.3");
        ButtonFormat.Values values = PLAN.read(data.argument()).orElseThrow();
        assertThat(values.word(0)).isEqualTo("why");
        assertThat(values.id(1)).isEqualTo(412L);
        assertThat(values.optional(2)).contains("3");
        assertThat(PLAN.read("guide.7").orElseThrow().optional(2)).isEmpty();
    }

    @Test
    void refusesToMakeDataItCouldNotRead() {
        assertThatThrownBy(() -> PLAN.data("walk", 1L)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PLAN.data("guide")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ButtonFormat.of("x", code(3)).data("four"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ButtonFormat.of("x", optional(id()), id()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
