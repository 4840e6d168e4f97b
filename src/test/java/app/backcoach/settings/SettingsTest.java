package app.backcoach.settings;

import static app.backcoach.testing.Chats.awaitReply;
import static app.backcoach.testing.Chats.newChat;
import static org.assertj.core.api.Assertions.assertThat;

import app.backcoach.profile.ProfileService;
import app.backcoach.testing.ChatScreen;
import app.backcoach.testing.FakeBotApi;
import app.backcoach.testing.People;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** /settings: the menu, one field changed in place, the language switched. */
@QuarkusTest
class SettingsTest {

    private final FakeBotApi fake = FakeBotApi.instance();

    @Inject
    ProfileService profiles;

    @Test
    void withoutAProfileSettingsPointsToSetUp() {
        long chat = newChat();
        fake.pushText(chat, "/settings");

        assertThat(awaitReply(chat)).contains("/start sets up your profile first");
    }

    @Test
    void aFieldIsChangedInPlaceAndTheMenuComesBack() {
        ChatScreen chat = withProfile();
        fake.pushText(chat.chatId(), "/settings");
        JsonNode menu = chat.awaitMessage("Settings: tap what you’d like to change.");
        assertThat(chat.buttons(menu)).contains("set:timezone", "set:checkin", "set:workdays", "set:workhours",
                "set:reminders", "set:quiet", "set:phase", "set:equipment", "set:length", "set:language");
        assertThat(menu.path("text").asText()).contains("Morning check-in: 07:30");
        assertThat(chat.buttons(menu)).doesNotContain("consent:withdraw"); // no consent was given here

        chat.tap("Settings: tap", "set:checkin");
        chat.tap("morning check-in", "dlg:st.checkin.0800");

        JsonNode updated = chat.awaitMessage("Morning check-in: 08:00");
        assertThat(updated.path("message_id").asLong()).isEqualTo(menu.path("message_id").asLong());
        assertThat(profiles.find(chat.chatId()).orElseThrow().checkinTime).hasToString("08:00");
    }

    @Test
    void theWeeklyReviewCanBeMovedOrTurnedOff() {
        ChatScreen chat = withProfile();
        fake.pushText(chat.chatId(), "/settings");
        JsonNode menu = chat.awaitMessage("Weekly review: Sunday 18:00");
        chat.tap("Settings: tap", "set:review");
        chat.tap("weekly review", "dlg:st.review.off");

        chat.awaitMessage("Weekly review: Only when I ask");
        assertThat(io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                app.backcoach.schedule.ScheduledJob.of(chat.chatId(), app.backcoach.schedule.ScheduledJob.Kind.WEEKLY)))
                .isEmpty();
        assertThat(menu).isNotNull();
    }

    @Test
    void aTypedTimeWorksInSettingsToo() {
        ChatScreen chat = withProfile();
        fake.pushText(chat.chatId(), "/settings");
        chat.tap("Settings: tap", "set:checkin");
        chat.awaitMessage("morning check-in");

        fake.pushText(chat.chatId(), "6:45");

        chat.awaitMessage("Morning check-in: 06:45");
    }

    @Test
    void oneFieldIsAskedOnItsOwnAndACityCanBeTypedInTheLanguageOfThePerson() {
        ChatScreen chat = withProfile();
        fake.pushText(chat.chatId(), "/settings");
        chat.tap("Settings: tap", "set:timezone");
        String question = chat.awaitMessage("Which time zone are you in?").path("text").asText();
        // Not set-up's "Your profile · 1 of 9", and skipping keeps the zone instead of "uses UTC".
        assertThat(question).doesNotContain("Your profile", "of 9", "Skipping uses UTC")
                .contains("Skipping keeps what is set now.");

        fake.pushText(chat.chatId(), "Entenhausen");
        chat.awaitMessage("I couldn’t read that as an answer to this question.");
        assertThat(chat.messages()).noneMatch(m -> m.path("text").asText().contains("answer with the buttons"));

        fake.pushText(chat.chatId(), "Wien");
        chat.awaitMessage("Time zone: Europe/Vienna");
        assertThat(profiles.find(chat.chatId()).orElseThrow().timeZone).isEqualTo("Europe/Vienna");
    }

    @Test
    void theLanguageCanBeChosenOverTelegrams() {
        ChatScreen chat = withProfile();
        fake.pushText(chat.chatId(), "/settings");
        chat.tap("Settings: tap", "set:language");
        chat.tap("Which language", "dlg:st.language.de");

        chat.awaitMessage("Einstellungen");
        fake.pushText(chat.chatId(), "/help");
        chat.awaitMessage("Was ich kann");
    }

    private ChatScreen withProfile() {
        return People.withDefaultProfile(profiles);
    }
}
