package app.backcoach.day;

import static app.backcoach.testing.CheckIns.checkIn;
import static app.backcoach.testing.CheckIns.earlierMornings;
import static app.backcoach.testing.CheckIns.checkinOn;
import static app.backcoach.testing.CheckIns.doEverything;
import static app.backcoach.testing.CheckIns.finishRating;
import static app.backcoach.testing.CheckIns.planOn;
import static app.backcoach.testing.CheckIns.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.backcoach.privacy.ConsentService;
import app.backcoach.profile.ProfileService;
import app.backcoach.testing.ChatScreen;
import app.backcoach.testing.FakeBotApi;
import app.backcoach.testing.MovableClock;
import app.backcoach.testing.People;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The whole loop through the fake Bot API: /checkin → plan → guided session → rating → next
 * morning's check-in, whose answers change the plan.
 */
@QuarkusTest
class CheckinJourneyTest {

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
    void aFlareTheMorningAfterAGuidedSessionStepsThePlanBack() {
        ChatScreen chat = People.readyToCheckIn(profiles, consent);
        earlierMornings(chat, 3, 3);

        JsonNode plan = checkIn(chat, "3", null, "desk");
        assertThat(plan.path("text").asText())
                .contains("Today: full session", "Why today looks like this", "recovering phase",
                        "Stop an exercise if pain goes above 5/10");
        DailyPlan first = planOn(chat, today());
        assertThat(first.version).isEqualTo("FULL");
        assertThat(first.demanding).isTrue();
        assertThat(checkinOn(chat, today()).pain).isEqualTo(3);

        chat.tapFirst(plan, "plan:guide");
        int cards = doEverything(chat);
        assertThat(cards).isGreaterThanOrEqualTo(5); // at least one card per area, plus breathers
        chat.awaitMessage("Session finished: ");
        chat.tap("The most pain you felt", "dlg:sr.pain-during.2");
        chat.tap("How hard was it", "dlg:sr.effort.moderate");
        chat.tap("how do you feel now", "dlg:sr.feeling.good");
        chat.awaitMessage("Thank you, noted.");
        DailyPlan done = planOn(chat, today());
        assertThat(done.status).isEqualTo(DailyPlan.Status.DONE);
        assertThat(done.painDuring).isEqualTo(2);
        assertThat(done.effort).isEqualTo("moderate");

        MovableClock.advance(Duration.ofDays(1));
        JsonNode nextDay = checkIn(chat, "3", "flared", "desk");

        assertThat(nextDay.path("text").asText())
                .contains("Today: reduced session", "flared things up", "two demanding days in a row");
        DailyPlan second = planOn(chat, today());
        assertThat(second.version).isEqualTo("REDUCED");
        assertThat(second.reliefFocus).isTrue();
        assertThat(second.demanding).isFalse();
    }

    @Test
    void twoGoodMorningsInARowStepUp() {
        ChatScreen chat = People.readyToCheckIn(profiles, consent);
        earlierMornings(chat, 3, 2);
        chat.tapFirst(checkIn(chat, "2", null, "desk"), "plan:done");
        finishRating(chat);
        int firstStep = planOn(chat, today()).step;

        MovableClock.advance(Duration.ofDays(1));
        JsonNode second = checkIn(chat, "2", "fine", "desk");
        assertThat(second.path("text").asText()).contains("settled well, so we repeat this level");
        chat.tapFirst(second, "plan:done");
        finishRating(chat);

        MovableClock.advance(Duration.ofDays(1));
        JsonNode third = checkIn(chat, "2", "same", "desk");

        assertThat(third.path("text").asText()).contains("Today: full session", "one step up");
        assertThat(planOn(chat, today()).step).isEqualTo(firstStep + 1);
        assertThat(planOn(chat, today()).progressed).isTrue();
    }

    @Test
    void aTravelDayGetsTheTravelVersionAndWhyExplainsIt() {
        ChatScreen chat = People.readyToCheckIn(profiles, consent);
        JsonNode plan = checkIn(chat, "2", null, "travel");

        assertThat(plan.path("text").asText()).contains("Today: reduced session", "a seat, a hotel room");
        fake.pushText(chat.chatId(), "/why");
        chat.awaitMessage("A travel day");
        chat.awaitMessage("Version: reduced.");

        fake.pushText(chat.chatId(), "/today");
        await().until(() -> chat.messages().stream()
                .filter(message -> message.path("text").asText().contains("Today: reduced session")).count() == 2);
    }
}
