package app.backcoach.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PauseLengthTest {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(nullValues = "-", value = {
            "3d, PT72H", "1w, PT168H", "12h, PT12H", "2 days, PT48H", "1 week, PT168H", "1 Woche, PT168H",
            "3 Tage, PT72H", "12w, PT2016H", "13w, -", "0d, -", "forever, -", "'', -", "-, -"})
    void reads(String typed, Duration expected) {
        assertThat(PauseLength.read(typed)).isEqualTo(Optional.ofNullable(expected));
    }
}
