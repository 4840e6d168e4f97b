package app.backcoach.safety;

import static app.backcoach.testing.Chats.newChat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.backcoach.chat.DialogueState;
import app.backcoach.day.DailyPlan;
import app.backcoach.privacy.ConsentService;
import app.backcoach.profile.ProfileService;
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
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The three tiers end to end: each with its own advice and time frame, a pause that every contact
 * repeats without offering exercise, and a clearance that no accidental tap can give.
 */
@QuarkusTest
class SafetyTiersTest {

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
    void anEmergencyIsRepeatedByEveryContactAndNoExerciseIsOffered() {
        ChatScreen chat = People.startedAndAgreed();
        chat.tap("Safety check · 1 of 5", "dlg:rf.rf-emergency.not-sure");
        JsonNode advice = chat.awaitMessage("Please get emergency care now");
        assertThat(advice.path("text").asText()).contains("within hours", "112", "999", "911");
        assertThat(chat.buttons(advice)).isEmpty();

        for (String command : List.of("/start", "/today", "/checkin", "/stiff", "/travel")) {
            int before = remindersOf(chat, "Your plan is paused: please get emergency care");
            fake.pushText(chat.chatId(), command);
            await().until(() -> remindersOf(chat, "Your plan is paused: please get emergency care") == before + 1);
        }
        JsonNode last = chat.awaitMessage("Your plan is paused: please get emergency care");
        assertThat(last.path("text").asText()).contains("emergency department now", "112");
        assertThat(chat.buttons(last)).singleElement().asString().startsWith("clr:ask.");
        assertThat(dialogue(chat.chatId())).isEmpty();
        assertThat(QuarkusTransaction.requiringNew().call(() -> DailyPlan.count("telegramUserId", chat.chatId()))).isZero();
        assertThat(chat.messages()).noneMatch(message -> message.path("text").asText().contains("How is your back"));
    }

    @Test
    void liftingAnEmergencyPauseTakesTwoDeliberateSteps() {
        ChatScreen chat = People.startedAndAgreed();
        chat.tap("Safety check · 1 of 5", "dlg:rf.rf-emergency.yes");
        chat.awaitMessage("Please get emergency care now");
        long screen = People.pausingScreen(chat).orElseThrow().id;
        fake.pushText(chat.chatId(), "/start");
        JsonNode paused = chat.awaitMessage("Your plan is paused: please get emergency care");

        // Neither the old one-tap button nor a forged one-tap clearance does anything.
        closedAfter(chat, paused, "cleared:yes");
        closedAfter(chat, paused, "clr:ok." + screen);
        closedAfter(chat, paused, "clr:yes." + screen);
        assertThat(People.pausingScreen(chat)).isPresent();

        chat.tap("Your plan is paused", "clr:ask." + screen);
        JsonNode confirm = chat.awaitMessage("Just to be sure");
        // "Not yet" sits where the first button was, so a double tap cannot confirm.
        assertThat(confirm.path("reply_markup").path("inline_keyboard").get(0).get(0).path("callback_data").asText())
                .isEqualTo("clr:no." + screen);
        assertThat(confirm.path("reply_markup").path("inline_keyboard").get(1).get(0).path("callback_data").asText())
                .isEqualTo("clr:yes." + screen);
        chat.tap("Just to be sure", "clr:no." + screen);
        chat.awaitMessage("Your plan is paused: please get emergency care");
        closedAfter(chat, chat.awaitMessage("Your plan is paused"), "clr:yes." + screen);
        assertThat(People.pausingScreen(chat)).isPresent();

        chat.tap("Your plan is paused", "clr:ask." + screen);
        chat.tap("Just to be sure", "clr:yes." + screen);

        chat.awaitMessage("Glad you were checked");
        chat.awaitMessage("Your profile · 1 of 9");
        assertThat(People.pausingScreen(chat)).isEmpty();
        SafetyScreen cleared = QuarkusTransaction.requiringNew().call(() -> SafetyScreen.<SafetyScreen>findById(screen));
        assertThat(cleared.clearanceAskedAt).isNotNull();
        assertThat(cleared.clearedAt).isAfterOrEqualTo(cleared.clearanceAskedAt);
    }

    @Test
    void aConfirmationLeftOpenTooLongNeedsItsFirstStepAgain() {
        ChatScreen chat = People.startedAndAgreed();
        chat.tap("Safety check · 1 of 5", "dlg:rf.rf-emergency.no");
        chat.tap("Safety check · 2 of 5", "dlg:rf.rf-today.yes");
        JsonNode advice = chat.awaitMessage("Please see a doctor today");
        long screen = People.pausingScreen(chat).orElseThrow().id;
        chat.tapFirst(advice, "clr:ask.");
        JsonNode confirm = chat.awaitMessage("Just to be sure");
        MovableClock.advance(ClearanceButton.CONFIRM_WITHIN.plusMinutes(1));

        closedAfter(chat, confirm, "clr:yes." + screen);

        assertThat(People.pausingScreen(chat)).isPresent();
    }

    @Test
    void theSameDayTierGivesItsOwnAdviceAndTimeFrame() {
        ChatScreen chat = People.startedAndAgreed();
        chat.tap("Safety check · 1 of 5", "dlg:rf.rf-emergency.no");
        chat.tap("Safety check · 2 of 5", "dlg:rf.rf-today.yes");

        JsonNode advice = chat.awaitMessage("Please see a doctor today");
        assertThat(advice.path("text").asText()).contains("today", "116 117", "emergency department at once")
                .doesNotContain("nothing serious");
        assertThat(chat.buttons(advice)).singleElement().asString().startsWith("clr:ask.");
        SafetyScreen screen = People.pausingScreen(chat).orElseThrow();
        assertThat(screen.outcome).isEqualTo(Outcome.TODAY);
        assertThat(screen.source).isEqualTo("onboarding");
        assertThat(screen.answers).contains("\"rf-emergency\":\"no\"", "\"rf-today\":\"yes\"");

        fake.pushText(chat.chatId(), "/travel");
        assertThat(chat.awaitMessage("Your plan is paused: please see a doctor today").path("text").asText())
                .contains("116 117");
    }

    @Test
    void theClinicianFirstTierSaysItIsUsuallyNotUrgentAndLiftsWithOneTap() {
        ChatScreen chat = People.startedAndAgreed();
        chat.tap("Safety check · 1 of 5", "dlg:rf.rf-emergency.no");
        chat.tap("Safety check · 2 of 5", "dlg:rf.rf-today.no");
        chat.tap("Safety check · 3 of 5", "dlg:rf.rf-history.no");
        chat.tap("Safety check · 4 of 5", "dlg:rf.rf-pattern.yes");
        chat.tap("Safety check · 5 of 5", "dlg:rf.rf-age.no");

        JsonNode advice = chat.awaitMessage("Please check with a clinician before we start");
        assertThat(advice.path("text").asText()).contains("usually not urgent", "week or two");
        SafetyScreen screen = People.pausingScreen(chat).orElseThrow();
        assertThat(screen.outcome).isEqualTo(Outcome.REFER);
        closedAfter(chat, advice, "clr:ask." + screen.id);

        chat.tap("Please check with a clinician", "clr:ok." + screen.id);

        chat.awaitMessage("Your profile · 1 of 9");
        assertThat(People.pausingScreen(chat)).isEmpty();
    }

    @Test
    void aLaterClearScreenNeverLiftsAPauseOnlyAClearanceDoes() {
        long id = newChat();
        Optional<SafetyScreen> paused = QuarkusTransaction.requiringNew().call(() -> {
            SafetyScreen.record(id, SafetyScreen.Source.WEEKLY, Outcome.TODAY, "{}", MovableClock.INSTANCE.instant());
            SafetyScreen.record(id, SafetyScreen.Source.REVIEW, Outcome.CLEAR, "{}",
                    MovableClock.INSTANCE.instant().plusSeconds(60));
            SafetyScreen.record(id, SafetyScreen.Source.WEEKLY, Outcome.REFER, "{}",
                    MovableClock.INSTANCE.instant().plusSeconds(120));
            return SafetyScreen.pausingPlan(id);
        });

        // The most serious open one pauses, although newer screens exist.
        assertThat(paused).map(screen -> screen.outcome).hasValue(Outcome.TODAY);
        QuarkusTransaction.requiringNew().run(() -> SafetyScreen.clearUpTo(
                SafetyScreen.pausingPlan(id).orElseThrow(), MovableClock.INSTANCE.instant().plusSeconds(180)));
        // A clearance covers what was reported up to it; the referral reported later still holds.
        assertThat(QuarkusTransaction.requiringNew().call(() -> SafetyScreen.pausingPlan(id)))
                .map(screen -> screen.outcome).hasValue(Outcome.REFER);
    }

    @Test
    void theWeeklyRecheckRoutesToTheSameTiers() {
        ChatScreen chat = People.readyToCheckIn(profiles, consent);
        MovableClock.advance(Duration.ofDays(8));
        fake.pushText(chat.chatId(), "/checkin");
        chat.tap("Quick weekly safety check", "dlg:ci.rf-week.yes");
        chat.tap("Thank you for telling me", "dlg:ci.rf-emergency.no");
        chat.tap("a leg slowly getting weaker", "dlg:ci.rf-today.yes");

        JsonNode advice = chat.awaitMessage("Please see a doctor today");
        assertThat(chat.buttons(advice)).singleElement().asString().startsWith("clr:ask.");
        SafetyScreen screen = People.pausingScreen(chat).orElseThrow();
        assertThat(screen.outcome).isEqualTo(Outcome.TODAY);
        assertThat(screen.source).isEqualTo("weekly");
        fake.pushText(chat.chatId(), "/today");
        chat.awaitMessage("Your plan is paused: please see a doctor today");
    }

    @Test
    void aPlanOrReminderFromBeforeThePauseOffersNoExercise() {
        ChatScreen chat = People.readyToCheckIn(profiles, consent);
        JsonNode plan = app.backcoach.testing.CheckIns.checkIn(chat, "2", null, "desk");
        QuarkusTransaction.requiringNew().run(() -> SafetyScreen.record(chat.chatId(), SafetyScreen.Source.FREE_TEXT,
                Outcome.URGENT, "{}", MovableClock.INSTANCE.instant()));

        chat.tapFirst(plan, "plan:guide");
        chat.awaitMessage("Your plan is paused: please get emergency care");
        int stiffNow = fake.pushCallback(chat.chatId(), plan.path("message_id").asLong(), "rt:stiff.r.hips");
        await().until(() -> fake.calls("answerCallbackQuery").stream()
                .anyMatch(call -> ("cq" + stiffNow).equals(call.params().path("callback_query_id").asText())));

        assertThat(remindersOf(chat, "Your plan is paused: please get emergency care")).isEqualTo(2);
        assertThat(chat.messages()).noneMatch(message -> chat.buttons(message).stream().anyMatch(b -> b.startsWith("gs:")));
        assertThat(dialogue(chat.chatId())).isEmpty();
    }


    /** Taps {@code data} on {@code message} and waits for the "closed" answer to that tap. */
    private void closedAfter(ChatScreen chat, JsonNode message, String data) {
        int tap = fake.pushCallback(chat.chatId(), message.path("message_id").asLong(), data);
        await().until(() -> fake.calls("answerCallbackQuery").stream()
                .anyMatch(call -> ("cq" + tap).equals(call.params().path("callback_query_id").asText())
                        && call.params().path("text").asText().equals("This question has closed.")));
    }

    private static int remindersOf(ChatScreen chat, String text) {
        return (int) chat.messages().stream().filter(m -> m.path("text").asText().contains(text)).count();
    }


    private static Optional<DialogueState> dialogue(long userId) {
        return QuarkusTransaction.requiringNew().call(() -> DialogueState.<DialogueState>findByIdOptional(userId));
    }
}
