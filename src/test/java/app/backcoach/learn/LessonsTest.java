package app.backcoach.learn;

import static app.backcoach.testing.CheckIns.checkIn;
import static org.assertj.core.api.Assertions.assertThat;

import app.backcoach.privacy.ConsentService;
import app.backcoach.profile.ProfileService;
import app.backcoach.testing.ChatScreen;
import app.backcoach.testing.FakeBotApi;
import app.backcoach.testing.People;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** /learn and the lesson offered after a check-in, at most one every few days. */
@QuarkusTest
class LessonsTest {

    private final FakeBotApi fake = FakeBotApi.instance();

    @Inject
    ProfileService profiles;

    @Inject
    ConsentService consent;

    @Test
    void learnListsTheLessonsAndOneLeadsToTheNext() {
        ChatScreen chat = People.readyToCheckIn(profiles, consent);
        fake.pushText(chat.chatId(), "/learn");

        // The menu is the message with lesson buttons (/help's reply also names "Short lessons").
        JsonNode menu = chat.awaitButtons("learn:");
        assertThat(chat.buttons(menu)).containsExactly("learn:precision", "learn:pre-pain", "learn:partners",
                "learn:recovery", "learn:pencil");
        chat.tap("Short lessons: a minute each", "learn:partners");

        JsonNode lesson = chat.awaitMessage("the silent partners");
        assertThat(lesson.path("text").asText()).contains("take load off the lower back");
        assertThat(chat.buttons(lesson)).containsExactly("learn:recovery");
        assertThat(QuarkusTransaction.requiringNew().call(() -> LessonLog.of(chat.chatId(), "partners")
                .orElseThrow().readAt)).isNotNull();
    }

    @Test
    void aCheckInOffersTheNextLessonButNotAgainTheSameDay() {
        ChatScreen chat = People.readyToCheckIn(profiles, consent);
        // Past the first week, so the flare-up plan's one-time offer does not take this morning's place.
        app.backcoach.testing.CheckIns.earlierMornings(chat, 7, 2);
        checkIn(chat, "2", null, "desk");
        chat.awaitMessage("A one-minute read for today");

        checkIn(chat, "3", null, "desk"); // a revised check-in the same morning
        chat.awaitMessage("Today: full session");

        assertThat(chat.messages()).filteredOn(message -> message.path("text").asText()
                .contains("A one-minute read")).hasSize(1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> LessonLog.of(chat.chatId()))).hasSize(1);
    }
}
