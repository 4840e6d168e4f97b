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

/** The check-in's edges: stored answer by answer, resumed, revised, the weekly red-flag recheck. */
@QuarkusTest
class CheckinDetailsTest {

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
    void withoutConsentTheCheckInAsksForItFirst() {
        ChatScreen chat = People.withDefaultProfile(profiles);
        fake.pushText(chat.chatId(), "/checkin");

        chat.awaitMessage("I need your consent first");
    }

    @Test
    void answersAreKeptAsGivenAndAnInterruptedCheckInResumes() {
        ChatScreen chat = People.readyToCheckIn(profiles, consent);
        fake.pushText(chat.chatId(), "/checkin");
        JsonNode question = chat.awaitMessage("How is your back right now?");
        chat.tap("How is your back right now?", "dlg:ci.pain.4");
        chat.tap("How long did stiffness last", "dlg:ci.stiffness.gt60");
        chat.awaitMessage("How confident do you feel");

        DailyCheckin half = checkinOn(chat, today());
        assertThat(half.pain).isEqualTo(4);
        assertThat(half.stiffness).isEqualTo("gt60");
        assertThat(half.completedAt).isNull();

        fake.pushText(chat.chatId(), "/checkin");
        await().until(() -> chat.messages().stream()
                .filter(message -> message.path("text").asText().contains("How confident do you feel")).count() == 2);
        JsonNode resumed = chat.awaitMessage("How confident do you feel");
        assertThat(resumed.path("message_id").asLong()).isNotEqualTo(question.path("message_id").asLong());
        chat.tap("How confident do you feel", "dlg:ci.confidence.3");
        chat.tap("How did you sleep?", "dlg:ci.sleep.good");
        chat.tap("What kind of day is ahead?", "dlg:ci.daytype.desk");

        JsonNode plan = chat.awaitButtons("plan:");
        assertThat(plan.path("text").asText()).contains("Today: reduced session", "more than an hour");
        assertThat(checkinOn(chat, today()).completedAt).isNotNull();
    }

    @Test
    void aSecondCheckInTheSameDayRevisesTheFirst() {
        ChatScreen chat = People.readyToCheckIn(profiles, consent);
        app.backcoach.testing.CheckIns.earlierMornings(chat, 3, 2);
        checkIn(chat, "2", null, "desk");
        assertThat(planOn(chat, today()).version).isEqualTo("FULL");

        fake.pushText(chat.chatId(), "/checkin");
        chat.awaitMessage("You’ve checked in today already");
        JsonNode revised = reviseWithPain(chat, "8");

        assertThat(revised.path("text").asText()).contains("Today: relief only", "8/10", "contact a clinician");
        assertThat(planOn(chat, today()).version).isEqualTo("RELIEF_ONLY");
        long rows = QuarkusTransaction.requiringNew().call(() -> DailyCheckin.count(
                "telegramUserId = ?1 and localDate = ?2", chat.chatId(), today()));
        assertThat(rows).isEqualTo(1);
        assertThat(checkinOn(chat, today()).pain).isEqualTo(8);
    }

    @Test
    void theWeeklyRecheckCatchesANewRedFlagAndPausesThePlan() {
        ChatScreen chat = People.readyToCheckIn(profiles, consent);
        MovableClock.advance(Duration.ofDays(8));
        fake.pushText(chat.chatId(), "/checkin");
        chat.tap("Quick weekly safety check", "dlg:ci.rf-week.yes");
        chat.tap("Is it any of these?", "dlg:ci.rf-emergency.no");
        chat.tap("a leg slowly getting weaker", "dlg:ci.rf-today.no");

        JsonNode advice = chat.awaitMessage("Please check with a clinician before we start");
        assertThat(chat.buttons(advice)).singleElement().asString().startsWith("clr:ok.");
        assertThat(latestScreen(chat).outcome).isEqualTo(SafetyScreen.Outcome.REFER);

        fake.pushText(chat.chatId(), "/checkin");
        chat.awaitMessage("Your plan is paused until a clinician has seen you");
        assertThat(QuarkusTransaction.requiringNew().call(() -> DailyPlan.count("telegramUserId", chat.chatId())))
                .isZero();
    }

    @Test
    void notSureAboutEmergencySignsInTheRecheckEndsInEmergencyAdvice() {
        ChatScreen chat = People.readyToCheckIn(profiles, consent);
        MovableClock.advance(Duration.ofDays(8));
        fake.pushText(chat.chatId(), "/checkin");
        chat.tap("Quick weekly safety check", "dlg:ci.rf-week.yes");
        chat.tap("Is it any of these?", "dlg:ci.rf-emergency.not-sure");

        JsonNode advice = chat.awaitMessage("Please get emergency care now");
        assertThat(chat.buttons(advice)).isEmpty();
        assertThat(latestScreen(chat).outcome).isEqualTo(SafetyScreen.Outcome.URGENT);
    }

    @Test
    void aClearRecheckIsRecordedAndTheCheckInGoesOn() {
        ChatScreen chat = People.readyToCheckIn(profiles, consent);
        MovableClock.advance(Duration.ofDays(8));
        fake.pushText(chat.chatId(), "/checkin");
        chat.tap("Quick weekly safety check", "dlg:ci.rf-week.no");

        chat.awaitMessage("How is your back right now?");
        SafetyScreen screen = latestScreen(chat);
        assertThat(screen.outcome).isEqualTo(SafetyScreen.Outcome.CLEAR);
        assertThat(screen.screenedAt).isAfter(MovableClock.INSTANCE.instant().minus(Duration.ofMinutes(1)));
    }

    @Test
    void shorterVersionAndNotToday() {
        ChatScreen chat = People.readyToCheckIn(profiles, consent);
        app.backcoach.testing.CheckIns.earlierMornings(chat, 3, 2);
        JsonNode plan = checkIn(chat, "2", null, "desk");
        chat.tapFirst(plan, "plan:short");

        JsonNode shorter = chat.awaitMessage("Today: reduced session");
        assertThat(shorter.path("message_id").asLong()).isEqualTo(plan.path("message_id").asLong());
        assertThat(shorter.path("text").asText()).contains("You asked for a shorter version");
        assertThat(planOn(chat, today()).demanding).isFalse();

        chat.tapFirst(shorter, "plan:skip");
        chat.awaitMessage("No problem.");
        assertThat(planOn(chat, today()).status).isEqualTo(DailyPlan.Status.SKIPPED);
    }

    @Test
    void everyExerciseHasAWhyThisButton() {
        ChatScreen chat = People.readyToCheckIn(profiles, consent);
        JsonNode plan = checkIn(chat, "2", null, "desk");
        long whyButtons = chat.buttons(plan).stream().filter(data -> data.startsWith("plan:why.")).count();
        String firstExercise = plan.path("text").asText().split("\n1\\. ")[1].split(" · ")[0];

        assertThat(whyButtons).isEqualTo(planItems(chat));
        chat.tapFirst(plan, "plan:why.");

        JsonNode why = chat.awaitMessage("Why " + firstExercise + "?");
        assertThat(why.path("text").asText()).contains("In today’s plan it works on:", "🛑 ");
    }

    @Test
    void todayAndWhyBeforeAnyCheckInPointToIt() {
        ChatScreen chat = People.readyToCheckIn(profiles, consent);
        fake.pushText(chat.chatId(), "/today");

        assertThat(chat.awaitMessage("No plan yet today").path("text").asText()).contains("/checkin");
        fake.pushText(chat.chatId(), "/why");
        chat.awaitMessage("There’s no plan to explain yet today");
    }

    private static JsonNode reviseWithPain(ChatScreen chat, String pain) {
        chat.tap("How is your back right now?", "dlg:ci.pain." + pain);
        chat.tap("How long did stiffness last", "dlg:ci.stiffness.lt15");
        chat.tap("How confident do you feel", "dlg:ci.confidence.4");
        chat.tap("How did you sleep?", "dlg:ci.sleep.good");
        chat.tap("What kind of day is ahead?", "dlg:ci.daytype.desk");
        return chat.awaitMessage("Today: relief only");
    }

    @Inject
    PlanService plans;

    private long planItems(ChatScreen chat) {
        return QuarkusTransaction.requiringNew().call(() -> plans.items(planOn(chat, today())).size());
    }

    private static SafetyScreen latestScreen(ChatScreen chat) {
        return QuarkusTransaction.requiringNew().call(() -> SafetyScreen.latest(chat.chatId()).orElseThrow());
    }
}
