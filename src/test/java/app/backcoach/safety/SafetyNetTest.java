package app.backcoach.safety;

import static app.backcoach.testing.Chats.newChat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.backcoach.privacy.ConsentService;
import app.backcoach.profile.ProfileService;
import app.backcoach.safety.SafetyScreen.Outcome;
import app.backcoach.testing.ChatScreen;
import app.backcoach.testing.FakeBotApi;
import app.backcoach.testing.People;
import app.backcoach.user.BotUser;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Whatever a person types, words that suggest an emergency sign get the emergency advice at once. */
@QuarkusTest
class SafetyNetTest {

    private final FakeBotApi fake = FakeBotApi.instance();

    @Inject
    ProfileService profiles;

    @Inject
    ConsentService consent;

    @Test
    void wordsInTheMiddleOfACheckInGetTheAdviceAtOnceAndAYesPausesThePlan() {
        ChatScreen chat = People.readyToCheckIn(profiles, consent);
        fake.pushText(chat.chatId(), "/checkin");
        chat.awaitMessage("How is your back right now?");

        fake.pushText(chat.chatId(), "since this morning I can't pee properly");

        JsonNode advice = chat.awaitMessage("Please read this first");
        assertThat(advice.path("text").asText()).contains("emergency department", "112", "999", "911");
        JsonNode question = chat.awaitMessage("To keep you safe");
        assertThat(chat.buttons(question)).containsExactly("dlg:sn.rf-emergency.yes", "dlg:sn.rf-emergency.not-sure",
                "dlg:sn.rf-emergency.no");
        chat.tap("To keep you safe", "dlg:sn.rf-emergency.yes");

        chat.awaitMessage("Please get emergency care now");
        SafetyScreen screen = People.pausingScreen(chat).orElseThrow();
        assertThat(screen.outcome).isEqualTo(Outcome.URGENT);
        assertThat(screen.source).isEqualTo("free-text");
        // What was typed is not kept; only which sign it suggested.
        assertThat(screen.answers).contains("\"sign\":\"bladder\"").doesNotContain("pee");
        fake.pushText(chat.chatId(), "/checkin");
        chat.awaitMessage("Your plan is paused: please get emergency care");
    }

    @Test
    void aNoAfterTheAdviceChangesNothing() {
        ChatScreen chat = People.readyToCheckIn(profiles, consent);
        fake.pushText(chat.chatId(), "my legs both feel numb after sitting on the plane");

        chat.tap("To keep you safe", "dlg:sn.rf-emergency.no");

        chat.awaitMessage("sorry if I misread you");
        assertThat(People.pausingScreen(chat)).isEmpty();
    }

    @Test
    void aNegatedOrHarmlessTextGetsTheUsualAnswer() {
        ChatScreen chat = People.readyToCheckIn(profiles, consent);
        fake.pushText(chat.chatId(), "no numbness, no bladder problems, just stiff");

        chat.awaitMessage("I work with commands and buttons");
        assertThat(chat.messages()).noneMatch(message -> message.path("text").asText().contains("Please read this first"));
    }

    @Test
    void germanWordsGetGermanAdvice() {
        ChatScreen chat = People.readyToCheckIn(profiles, consent);
        QuarkusTransaction.requiringNew().run(() ->
                BotUser.findByTelegramId(chat.chatId()).orElseThrow().preferredLanguage = "de");

        fake.pushText(chat.chatId(), "Seit gestern habe ich Taubheit im Schritt");

        assertThat(chat.awaitMessage("Bitte lies das zuerst").path("text").asText()).contains("Notaufnahme", "112");
        chat.tap("Damit ich dich sicher begleiten kann", "dlg:sn.rf-emergency.not-sure");
        chat.awaitMessage("Bitte hol dir jetzt sofort Hilfe");
        assertThat(People.pausingScreen(chat)).map(screen -> screen.outcome).hasValue(Outcome.URGENT);
    }

    @Test
    void withoutConsentTheAdviceIsGivenAndNothingIsStored() {
        long id = newChat();
        ChatScreen chat = new ChatScreen(fake, id);
        fake.pushText(id, "numb between my legs and I wet myself");

        chat.awaitMessage("Please read this first");
        await().pollDelay(java.time.Duration.ofMillis(500)).until(() -> true);
        assertThat(chat.messages()).noneMatch(message -> message.path("text").asText().contains("To keep you safe"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> SafetyScreen.count("telegramUserId", id))).isZero();
    }

}
