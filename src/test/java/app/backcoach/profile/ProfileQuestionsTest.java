package app.backcoach.profile;

import static org.assertj.core.api.Assertions.assertThat;

import app.backcoach.chat.Answers;
import java.time.LocalTime;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProfileQuestionsTest {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(nullValues = "-", value = {
            "Europe/Vienna, Europe/Vienna",
            "vienna, Europe/Vienna",
            "New York, America/New_York",
            "UTC+2, UTC+02:00",
            "utc-5, -05:00",
            "+05:30, +05:30",
            "GMT+1, GMT+01:00",
            "UTC, UTC",
            "my back hurts, -",
            "UTC+25, -",
            // City and country names in the person's language (CLDR), and large cities that are no zone's own
            "Wien, Europe/Vienna",
            "wien, Europe/Vienna",
            "Vienne, Europe/Vienna",
            "München, Europe/Berlin",
            "Muenchen, Europe/Berlin",
            "Köln, Europe/Berlin",
            "Zürich, Europe/Zurich",
            "zurich, Europe/Zurich",
            "Genf, Europe/Zurich",
            "Lissabon, Europe/Lisbon",
            "Lisboa, Europe/Lisbon",
            "new york, America/New_York",
            "New-York, America/New_York",
            "Mailand, Europe/Rome",
            "Rom, Europe/Rome",
            "Moskau, Europe/Moscow",
            "Kopenhagen, Europe/Copenhagen",
            "Warschau, Europe/Warsaw",
            "Prag, Europe/Prague",
            "Tokio, Asia/Tokyo",
            "San Francisco, America/Los_Angeles",
            "Österreich, Europe/Vienna",
            "Deutschland, Europe/Berlin",
            "Schweiz, Europe/Zurich",
            "Germany, Europe/Berlin",
            "Japon, Asia/Tokyo",
            "USA, -",
            "Vereinigte Staaten, -",
            "Kanada, -",
            "Entenhausen, -"})
    void readsTypedTimeZones(String typed, String zone) {
        assertThat(ProfileQuestions.readZone(typed)).isEqualTo(Optional.ofNullable(zone));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(nullValues = "-", value = {
            "7:15, 0715", "07:15, 0715", "7.15, 0715", "715, 0715", "7, 0700", "7h30, 0730", "23:59, 2359",
            "24:00, -", "7:60, -", "seven, -", "'', -"})
    void readsTypedTimes(String typed, String value) {
        assertThat(ProfileQuestions.readClock(typed)).isEqualTo(Optional.ofNullable(value));
    }

    @Test
    void setUpFillsSkippedQuestionsWithConservativeDefaults() {
        UserProfile profile = new UserProfile();

        ProfileQuestions.apply(profile, new Answers(Map.of("timezone", "berlin", "workhours", "irregular")), true);

        assertThat(profile.timeZone).isEqualTo("Europe/Berlin");
        assertThat(profile.workStart).isNull();
        assertThat(profile.checkinTime).isEqualTo(LocalTime.of(7, 30));
        assertThat(profile.reminderMinutes).isEqualTo(90);
        assertThat(profile.quietStart).isEqualTo(LocalTime.of(22, 0));
        assertThat(profile.phase).isEqualTo("recovering");
        assertThat(profile.sessionMinutes).isEqualTo(10);
    }

    @Test
    void settingsChangeOnlyWhatWasAnswered() {
        UserProfile profile = new UserProfile();
        ProfileQuestions.apply(profile, Answers.none(), true);

        ProfileQuestions.apply(profile, new Answers(Map.of("reminders", "off", "checkin", "0615")), false);

        assertThat(profile.reminderMinutes).isZero();
        assertThat(profile.checkinTime).isEqualTo(LocalTime.of(6, 15));
        assertThat(profile.timeZone).isEqualTo("UTC");
        assertThat(profile.workStart).isEqualTo(LocalTime.of(9, 0));
    }
}
