package app.backcoach.safety;

import static app.backcoach.testing.CheckIns.checkIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.backcoach.privacy.ConsentService;
import app.backcoach.profile.ProfileService;
import app.backcoach.testing.ChatScreen;
import app.backcoach.testing.FakeBotApi;
import app.backcoach.testing.MovableClock;
import app.backcoach.testing.People;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Severe pain that does not let up: advice to see a clinician, and the red-flag screen again. */
@QuarkusTest
class EscalationJourneyTest {

    private final FakeBotApi fake = FakeBotApi.instance();

    @Inject
    ProfileService profiles;

    @Inject
    ConsentService consent;

    @AfterEach
    void backToToday() {
        MovableClock.reset();
    }

    @Test
    void threeSevereMorningsAdviseAReviewAndRerunTheScreenOnce() {
        ChatScreen chat = People.readyToCheckIn(profiles, consent);
        checkIn(chat, "8", null, "desk");
        MovableClock.advance(Duration.ofDays(1));
        checkIn(chat, "9", null, "desk");
        assertThat(chat.messages()).noneMatch(m -> m.path("text").asText().contains("three mornings in a row"));
        MovableClock.advance(Duration.ofDays(1));

        checkIn(chat, "8", null, "desk");

        JsonNode advice = chat.awaitMessage("three mornings in a row");
        assertThat(advice.path("text").asText()).contains("review with your doctor or physiotherapist");
        chat.tap("Safety check · 1 of 5", "dlg:rf.rf-emergency.no");
        chat.tap("Safety check · 2 of 5", "dlg:rf.rf-today.no");
        chat.tap("Safety check · 3 of 5", "dlg:rf.rf-history.no");
        chat.tap("Safety check · 4 of 5", "dlg:rf.rf-pattern.no");
        chat.tap("Safety check · 5 of 5", "dlg:rf.rf-age.no");
        chat.awaitMessage("Nothing in your answers needs care before exercise");
        SafetyScreen rerun = QuarkusTransaction.requiringNew().call(() -> SafetyScreen.latest(chat.chatId()).orElseThrow());
        assertThat(rerun.source).isEqualTo("review");
        assertThat(rerun.outcome).isEqualTo(SafetyScreen.Outcome.CLEAR);
        // Set-up is done: a clear rerun does not start the profile again.
        assertThat(chat.messages()).noneMatch(m -> m.path("text").asText().contains("Your profile · 1 of 9"));

        // The next severe morning within the week gets its plan, not the same advice again.
        MovableClock.advance(Duration.ofDays(1));
        checkIn(chat, "8", null, "desk");
        await().until(() -> QuarkusTransaction.requiringNew().call(() ->
                SafetyEscalation.count("telegramUserId", chat.chatId())) == 1);
        assertThat(chat.messages().stream().filter(m -> m.path("text").asText().contains("three mornings in a row")))
                .hasSize(1);
    }

    @Test
    void aRedFlagInTheRerunPausesThePlan() {
        ChatScreen chat = People.readyToCheckIn(profiles, consent);
        for (int day = 0; day < 3; day++) {
            checkIn(chat, "7", null, "desk");
            MovableClock.advance(Duration.ofHours(24));
        }
        MovableClock.advance(Duration.ofHours(-24));
        chat.awaitMessage("three mornings in a row");

        chat.tap("Safety check · 1 of 5", "dlg:rf.rf-emergency.no");
        chat.tap("Safety check · 2 of 5", "dlg:rf.rf-today.yes");

        chat.awaitMessage("Please see a doctor today");
        assertThat(QuarkusTransaction.requiringNew().call(() -> SafetyScreen.pausingPlan(chat.chatId())))
                .map(screen -> screen.source).hasValue("review");
    }
}
