package app.backcoach.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeZoneAtLocationTest {

    @ParameterizedTest(name = "{0}, {1} -> {2}")
    @CsvSource(nullValues = "-", value = {
            "48.2082, 16.3738, Europe/Vienna",
            "40.7128, -74.0060, America/New_York",
            "-33.8688, 151.2093, Australia/Sydney",
            "35.6762, 139.6503, Asia/Tokyo",
            "91.0, 0.0, -",
            "0.0, 181.0, -"})
    void findsTheZoneOfAPlace(double latitude, double longitude, String zone) {
        assertThat(TimeZoneAtLocation.find(latitude, longitude)).isEqualTo(Optional.ofNullable(zone));
    }
}
