package app.backcoach.day;

import static app.backcoach.testing.CheckIns.checkIn;
import static app.backcoach.testing.CheckIns.checkinOn;
import static app.backcoach.testing.CheckIns.planOn;
import static app.backcoach.testing.CheckIns.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.backcoach.privacy.ConsentService;
import app.backcoach.profile.ProfileService;
import app.backcoach.safety.SafetyScreen;
import app.backcoach.safety.SafetyScreen.Outcome;
import app.backcoach.testing.ChatScreen;
import app.backcoach.testing.FakeBotApi;
import app.backcoach.testing.MovableClock;
import app.backcoach.testing.People;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * "Hurts" during a guided session asks where: the back goes on as before; symptoms into a leg end the
 * session with advice, and numbness, weakness or both legs raise the tier; the next morning asks
 * about the leg first.
 */
@QuarkusTest
class LegSymptomsTest {

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
    void legPainEndsTheSessionWithAdviceAndTheNextMorningAsksAboutTheLegFirst() {
        ChatScreen chat = People.readyToCheckIn(profiles, consent);
        hurtsIntoTheLeg(chat, "gs:pain");

        JsonNode finished = chat.awaitMessage("Your leg comes first today");
        assertThat(finished.path("text").asText()).contains("Session finished", "first thing tomorrow");
        assertThat(chat.buttons(finished)).isEmpty();
        chat.awaitMessage("The most pain you felt");
        DailyPlan plan = planOn(chat, today());
        assertThat(plan.status).isEqualTo(DailyPlan.Status.PARTIAL);
        assertThat(plan.outcomes).contains("\"0\":\"leg\"");
        assertThat(People.pausingScreen(chat)).isEmpty();

        MovableClock.advance(Duration.ofDays(1));
        fake.pushText(chat.chatId(), "/checkin");
        long checkin = chat.awaitMessage("First, your leg.").path("message_id").asLong();
        chat.tap("First, your leg.", "dlg:ci.leg.pain");
        chat.tap("How is your back right now?", "dlg:ci.pain.3");
        chat.tap("How long did stiffness last", "dlg:ci.stiffness.lt15");
        chat.tap("How confident do you feel", "dlg:ci.confidence.4");
        chat.tap("How did you sleep?", "dlg:ci.sleep.good");
        // The leg already said how yesterday's session feels: straight to the day ahead.
        chat.tap("What kind of day is ahead?", "dlg:ci.daytype.desk");
        app.backcoach.testing.CheckIns.planIn(chat, checkin);

        assertThat(checkinOn(chat, today()).leg).isEqualTo("pain");
        assertThat(checkinOn(chat, today()).yesterday).isEqualTo("flared");
        DailyPlan next = planOn(chat, today());
        assertThat(next.version).isNotEqualTo("FULL");
        assertThat(next.reliefFocus).isTrue();
        assertThat(chat.messages()).noneMatch(m -> m.path("text").asText().contains("How does yesterday’s session feel"));
    }

    @Test
    void legNumbnessTheNextMorningPausesThePlanWithSameDayAdvice() {
        ChatScreen chat = People.readyToCheckIn(profiles, consent);
        hurtsIntoTheLeg(chat, "gs:pain");
        chat.awaitMessage("Your leg comes first today");

        MovableClock.advance(Duration.ofDays(1));
        fake.pushText(chat.chatId(), "/checkin");
        chat.tap("First, your leg.", "dlg:ci.leg.numb");

        JsonNode advice = chat.awaitMessage("Please see a doctor today");
        assertThat(chat.buttons(advice)).singleElement().asString().startsWith("clr:ask.");
        SafetyScreen screen = People.pausingScreen(chat).orElseThrow();
        assertThat(screen.outcome).isEqualTo(Outcome.TODAY);
        assertThat(screen.source).isEqualTo("leg");
    }

    @Test
    void numbnessOrWeaknessDuringAnExerciseStopsTheSessionAndPausesThePlan() {
        ChatScreen chat = People.readyToCheckIn(profiles, consent);
        hurtsIntoTheLeg(chat, "gs:numb");

        JsonNode advice = chat.awaitMessage("Please stop the session here");
        assertThat(advice.path("text").asText()).contains("Please see a doctor today", "116 117");
        assertThat(chat.buttons(advice)).singleElement().asString().startsWith("clr:ask.");
        SafetyScreen screen = People.pausingScreen(chat).orElseThrow();
        assertThat(screen.outcome).isEqualTo(Outcome.TODAY);
        assertThat(screen.source).isEqualTo("session");
        assertThat(screen.answers).contains("\"leg\":\"numb\"", "\"exercise\":");
        assertThat(planOn(chat, today()).status).isEqualTo(DailyPlan.Status.PARTIAL);
        assertThat(QuarkusTransaction.requiringNew().call(() -> GuidedSession.<GuidedSession>findByIdOptional(chat.chatId()))).isEmpty();
        assertThat(chat.messages()).noneMatch(m -> m.path("text").asText().contains("The most pain you felt"));

        fake.pushText(chat.chatId(), "/today");
        chat.awaitMessage("Your plan is paused: please see a doctor today");
    }

    @Test
    void symptomsInBothLegsAreAnEmergency() {
        ChatScreen chat = People.readyToCheckIn(profiles, consent);
        hurtsIntoTheLeg(chat, "gs:both");

        JsonNode advice = chat.awaitMessage("Please stop the session here");
        assertThat(advice.path("text").asText()).contains("Please get emergency care now", "112");
        assertThat(chat.buttons(advice)).isEmpty();
        assertThat(People.pausingScreen(chat)).map(screen -> screen.outcome).hasValue(Outcome.URGENT);
    }

    @Test
    void aTapOnTheOldCardAfterALegStopChangesNothing() {
        ChatScreen chat = People.readyToCheckIn(profiles, consent);
        JsonNode where = hurtsIntoTheLeg(chat, null);
        String numb = chat.buttons(where).stream().filter(data -> data.startsWith("gs:numb")).findFirst().orElseThrow();
        chat.tapFirst(where, "gs:pain");
        chat.awaitMessage("Your leg comes first today");

        int stale = fake.pushCallback(chat.chatId(), where.path("message_id").asLong(), numb);

        await().until(() -> fake.calls("answerCallbackQuery").stream()
                .anyMatch(call -> ("cq" + stale).equals(call.params().path("callback_query_id").asText())));
        assertThat(People.pausingScreen(chat)).isEmpty();
    }

    /** Starts a guided session, taps "Hurts" on the first card and, when given, where. Returns the question. */
    private JsonNode hurtsIntoTheLeg(ChatScreen chat, String where) {
        chat.tapFirst(checkIn(chat, "2", null, "desk"), "plan:guide");
        chat.tapFirst(chat.awaitButtons("gs:"), "gs:hurt");
        JsonNode question = chat.awaitMessage("Where do you feel it?");
        if (where != null) {
            chat.tapFirst(question, where);
        }
        return question;
    }

}
