package app.backcoach.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeZoneAtLocationTest {

    @Test
    void loadingTheMapLogsNoErrorAndNamesZonesThisJavaDoesNotKnow() {
        List<LogRecord> records = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public synchronized void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.addHandler(capture);
        try {
            TimeZoneAtLocation.forget();
            assertThat(TimeZoneAtLocation.find(48.2082, 16.3738)).contains("Europe/Vienna");
        } finally {
            root.removeHandler(capture);
        }

        assertThat(records).noneMatch(record -> record.getLevel().intValue() >= Level.SEVERE.intValue());
        if (!ZoneId.getAvailableZoneIds().contains("America/Coyhaique")) { // tzdata 2025b, newer than some JDKs
            assertThat(records).anyMatch(record -> record.getLevel().equals(org.jboss.logmanager.Level.WARN)
                    && record.getMessage().contains("America/Coyhaique"));
        }
    }

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
