package app.backcoach.day;

import static org.assertj.core.api.Assertions.assertThat;

import app.backcoach.privacy.ConsentService;
import app.backcoach.profile.ProfileService;
import app.backcoach.profile.UserProfile;
import app.backcoach.testing.ChatScreen;
import app.backcoach.testing.FakeBotApi;
import app.backcoach.testing.MovableClock;
import app.backcoach.testing.People;
import app.backcoach.text.Texts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The check-in greets by the person's own clock, not "good morning" at 14:20. */
@QuarkusTest
class GreetingTest {

    @Inject
    ProfileService profiles;

    @Inject
    ConsentService consent;

    @AfterEach
    void backToNow() {
        MovableClock.reset();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"04:00, MORNING", "07:30, MORNING", "11:59, MORNING", "12:00, AFTERNOON", "14:20, AFTERNOON",
            "17:59, AFTERNOON", "18:00, EVENING", "23:30, EVENING", "00:00, EVENING", "03:59, EVENING"})
    void greetsByTheTimeOfDay(String time, Greeting greeting) {
        assertThat(Greeting.at(LocalTime.parse(time))).isEqualTo(greeting);
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource({"en, MORNING, Good morning. How is your back", "en, AFTERNOON, Good afternoon. How is your back",
            "en, EVENING, Good evening. How is your back", "de, MORNING, Guten Morgen! Wie geht es deinem Rücken",
            "de, AFTERNOON, Guten Tag! Wie geht es deinem Rücken", "de, EVENING, Guten Abend! Wie geht es deinem Rücken"})
    void everyLanguageHasEveryGreeting(String language, Greeting greeting, String opening) {
        Texts texts = new Texts();
        assertThat(texts.get(language, "checkin.q.pain", "greeting", texts.get(language, greeting.key())))
                .startsWith("<b>" + opening);
    }

    @Test
    void atTwentyPastTwoLocalTimeItIsGoodAfternoonEvenWhenItIsMorningInUtc() {
        ChatScreen chat = People.readyToCheckIn(profiles, consent);
        QuarkusTransaction.requiringNew().run(() ->
                UserProfile.<UserProfile>findById(chat.chatId()).timeZone = "Asia/Tokyo");
        // 05:20 UTC is 14:20 in Tokyo.
        MovableClock.setTo(LocalDate.now(ZoneOffset.UTC).atTime(5, 20).toInstant(ZoneOffset.UTC));

        FakeBotApi.instance().pushText(chat.chatId(), "/checkin");

        String question = chat.awaitMessage("How is your back right now?").path("text").asText();
        assertThat(question).startsWith("Good afternoon. How is your back right now?");
    }
}
