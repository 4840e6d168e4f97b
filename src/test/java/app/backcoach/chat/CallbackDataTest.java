package app.backcoach.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CallbackDataTest {

    @Test
    void roundTrips() {
        CallbackData data = new CallbackData("ci", "pain:7");

        assertThat(data.encode()).isEqualTo("ci:pain:7");
        assertThat(CallbackData.parse("ci:pain:7")).contains(data);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"nocolon", ":noprefix", "UPPER:x", "waytoolongprefix:x", "bad prefix:x"})
    void anythingNotOursParsesAsNothing(String forged) {
        assertThat(CallbackData.parse(forged)).isEqualTo(Optional.empty());
    }

    @Test
    void moreThan64BytesIsRefusedWhereTheButtonIsMade() {
        assertThat(new CallbackData("x", "é".repeat(31)).encode().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .hasSize(64);
        assertThatThrownBy(() -> new CallbackData("x", "é".repeat(32)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("64");
        assertThat(CallbackData.parse("x:" + "a".repeat(63))).isEmpty();
    }
}
