package app.backcoach.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebhookSecretTest {

    @ParameterizedTest(name = "expected={0} given={1} -> {2}")
    @CsvSource(nullValues = "null", value = {
            "abc-123, abc-123, true",
            "abc-123, abc-124, false",
            "abc-123, abc-12, false",
            "abc-123, '', false",
            "abc-123, null, false",
            "'', '', false"})
    void matchesOnlyTheExactSecret(String expected, String given, boolean matches) {
        assertThat(WebhookResource.secretMatches(expected, given)).isEqualTo(matches);
    }
}
