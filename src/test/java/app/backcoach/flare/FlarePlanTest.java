package app.backcoach.flare;

import static app.backcoach.testing.CheckIns.checkIn;
import static app.backcoach.testing.CheckIns.earlierMornings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.backcoach.chat.DialogueState;
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
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The flare-up plan end to end: written in a dialogue on a calm day, offered once in the first week, shown at
 * once on a flaring morning, kept out of the way of a safety pause, exported and erased.
 */
@QuarkusTest
class FlarePlanTest {

    private static final String GENERAL = "This is the general plan";
    private static final String OFFER = "A plan for a bad day, written on a good one";
    private static final String HELP = "What I can do";

    private final FakeBotApi fake = FakeBotApi.instance();

    @Inject
    ProfileService profiles;

    @Inject
    ConsentService consent;

    @Inject
    FlarePersonalData personalData;

    @Test
    void flareShowsTheGeneralPlanAndTheDialogueWritesTheOwnOne() {
        ChatScreen chat = People.readyToCheckIn(profiles, consent);
        fake.pushText(chat.chatId(), "/flare");

        JsonNode general = chat.awaitMessage(GENERAL);
        assertThat(general.path("text").asText()).contains("Your flare-up plan for the next 48 hours",
                "rarely means new damage", "On your back, lower legs resting on a chair", "a pillow between your knees",
                "only if that eases it", "every hour or two", "staying in bed all day", "new exercises",
                "Emergency now", "bladder or bowel", "both legs", "A doctor today", "a leg getting weaker or numb",
                "fever", "not easing after a few days");
        assertThat(chat.buttons(general)).containsExactly("flare:write");

        fake.pushCallback(chat.chatId(), general.path("message_id").asLong(), "flare:write");
        chat.tap("which position eases it most?", "dlg:fl.position.side-pillow");
        chat.tap("And a second one to switch to?", "dlg:fl.position-2.walking");
        chat.tap("On a bad day, what feels doable?", "dlg:fl.walk.hourly");
        chat.tap("Slow breathing calms", "dlg:fl.breathing.belly");
        chat.tap("What sets your back off most", "dlg:fl.avoid.sitting");
        chat.awaitMessage("Type a short note");
        fake.pushText(chat.chatId(), "  Breathe <slowly> & walk to the window  ");

        String own = chat.awaitMessage("Saved.").path("text").asText();
        assertThat(own).contains("On your side, knees bent", "Walking slowly", "About 5 minutes every hour",
                "a hand on your belly", "what sets your back off: long sitting", "Your note to yourself",
                "Breathe <slowly> & walk to the window", "Emergency now", "/flare shows this plan any time")
                .doesNotContain("On your back, lower legs resting", GENERAL);
        assertThat(fake.violations()).as("the note is escaped").isEmpty();
        FlarePlan stored = stored(chat);
        assertThat(stored.positions).isEqualTo("side-pillow,walking");
        assertThat(List.of(stored.walking, stored.breathing, stored.avoid)).containsExactly("hourly", "belly", "sitting");
        assertThat(stored.note).isEqualTo("Breathe <slowly> & walk to the window");
        assertThat(stored.writtenAt).isNotNull();

        fake.pushText(chat.chatId(), "/flare");
        JsonNode again = chat.awaitButtons("flare:");
        assertThat(again.path("text").asText()).contains("Breathe <slowly>", "On your side").doesNotContain(GENERAL);
        assertThat(chat.buttons(again)).containsExactly("flare:write");
        assertThat(again.path("reply_markup").toString()).contains("Change my plan");
    }

    @Test
    void aSecondPositionLikeTheFirstAndNoNoteMakeAShortPlan() {
        ChatScreen chat = People.readyToCheckIn(profiles, consent);
        fake.pushText(chat.chatId(), "/flare");
        chat.tap(GENERAL, "flare:write");
        chat.tap("which position eases it most?", "dlg:fl.position.back-chair");
        chat.tap("And a second one to switch to?", "dlg:fl.position-2.back-chair");
        chat.tap("On a bad day, what feels doable?", "dlg:fl.walk.worse");
        chat.tap("Slow breathing calms", "dlg:fl.breathing.skip");
        chat.tap("What sets your back off most", "dlg:fl.avoid.nothing");
        chat.tap("Type a short note", "dlg:fl.note.none");

        String own = chat.awaitMessage("Saved.").path("text").asText();
        assertThat(own).contains("On your back, lower legs", "move around your home a minute or two",
                "breathe in through your nose") // skipped: the general breathing
                .doesNotContain("On your side", "what sets your back off", "Your note to yourself");
        assertThat(stored(chat).positions).isEqualTo("back-chair");
    }

    @Test
    void aCalmMorningInTheFirstWeekOffersItOnceInsteadOfTheLesson() {
        ChatScreen chat = People.readyToCheckIn(profiles, consent);
        earlierMornings(chat, 1, 2);
        checkIn(chat, "2", null, "desk");

        JsonNode offer = chat.awaitMessage(OFFER);
        assertThat(chat.buttons(offer)).containsExactly("flare:write", "flare:later");
        chat.tap(OFFER, "flare:later");

        checkIn(chat, "1", null, "desk"); // a revised check-in the same morning: never twice
        settled(chat);
        assertThat(chat.messages()).filteredOn(m -> m.path("text").asText().contains(OFFER)).hasSize(1);
        assertThat(chat.messages()).noneMatch(m -> m.path("text").asText().contains("A one-minute read"))
                .noneMatch(m -> m.path("text").asText().contains("Your flare-up plan for the next 48 hours"));
        assertThat(chat.buttons(chat.awaitMessage(OFFER))).isEmpty();
        assertThat(stored(chat).offeredAt).isNotNull();
        assertThat(stored(chat).writtenAt).isNull();
    }

    @Test
    void theFirstCheckInOffersNothingYet() {
        ChatScreen chat = People.readyToCheckIn(profiles, consent);
        checkIn(chat, "2", null, "desk");
        settled(chat);

        assertThat(chat.messages()).noneMatch(m -> m.path("text").asText().contains(OFFER));
        assertThat(QuarkusTransaction.requiringNew().call(() -> FlarePlan.of(chat.chatId()))).isEmpty();
    }

    @Test
    void aReliefOnlyMorningShowsTheGeneralPlanAtOnceAndOnceADay() {
        ChatScreen chat = People.readyToCheckIn(profiles, consent);
        earlierMornings(chat, 3, 3);
        checkIn(chat, "8", null, "desk");

        String shown = chat.awaitMessage("A tough morning.").path("text").asText();
        assertThat(shown).contains("Today is for easing only", "Positions that ease", "Emergency now",
                "When your back is calm again, /flare lets you write your own").doesNotContain(GENERAL);

        checkIn(chat, "8", null, "desk");
        settled(chat);
        assertThat(chat.messages()).filteredOn(m -> m.path("text").asText().contains("A tough morning.")).hasSize(1);
        assertThat(stored(chat).shownOn).isEqualTo(app.backcoach.testing.CheckIns.today());
    }

    @Test
    void painThreePointsAboveTheLastCheckInShowsTheOwnPlan() {
        ChatScreen chat = People.readyToCheckIn(profiles, consent);
        written(chat, "side-pillow", "Slow down, it passes");
        earlierMornings(chat, 3, 2);
        checkIn(chat, "5", null, "desk");

        String shown = chat.awaitMessage("Your pain is up from 2 to 5 out of 10.").path("text").asText();
        assertThat(shown).contains("On your side", "Slow down, it passes", "A doctor today")
                .doesNotContain("When your back is calm again");
    }

    @Test
    void painTwoPointsUpShowsNoPlan() {
        ChatScreen chat = People.readyToCheckIn(profiles, consent);
        written(chat, "side-pillow", null);
        earlierMornings(chat, 3, 2);
        checkIn(chat, "4", null, "desk");
        settled(chat);

        assertThat(chat.messages()).noneMatch(m -> m.path("text").asText().contains("Your flare-up plan for the next"));
    }

    @Test
    void duringASafetyPauseFlareGivesThePausesAdviceAndNeverTheDialogue() {
        ChatScreen chat = People.readyToCheckIn(profiles, consent);
        written(chat, "walking", null);
        fake.pushText(chat.chatId(), "/flare");
        JsonNode before = chat.awaitButtons("flare:");
        QuarkusTransaction.requiringNew().run(() -> SafetyScreen.record(chat.chatId(), SafetyScreen.Source.WEEKLY,
                SafetyScreen.Outcome.TODAY, "{}", MovableClock.INSTANCE.instant()));

        fake.pushText(chat.chatId(), "/flare");
        chat.awaitMessage("Your plan is paused: please see a doctor today.");
        // A button from before the pause leads to the same advice, not to the dialogue.
        fake.pushCallback(chat.chatId(), before.path("message_id").asLong(), "flare:write");
        settled(chat);

        assertThat(chat.messages()).filteredOn(m -> m.path("text").asText().contains("please see a doctor today"))
                .hasSize(2);
        assertThat(chat.messages()).filteredOn(m -> m.path("text").asText().contains("Positions that ease"))
                .as("only the plan shown before the pause").hasSize(1);
        assertThat(chat.messages()).noneMatch(m -> m.path("text").asText().contains("1 of 6"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> DialogueState.findByIdOptional(chat.chatId())))
                .isEmpty();
    }

    @Test
    void thePlanIsExportedAndErased() {
        ChatScreen chat = People.readyToCheckIn(profiles, consent);
        written(chat, "side-pillow,walking", "My words");

        FlarePersonalData.Plan exported = (FlarePersonalData.Plan) QuarkusTransaction.requiringNew()
                .call(() -> personalData.export(chat.chatId()));
        assertThat(exported.positions()).containsExactly("side-pillow", "walking");
        assertThat(exported.note()).isEqualTo("My words");
        assertThat(exported.writtenAt()).isNotNull();
        assertThat(personalData.isHealthData()).isTrue();

        QuarkusTransaction.requiringNew().run(() -> personalData.erase(chat.chatId()));
        assertThat(QuarkusTransaction.requiringNew().call(() -> FlarePlan.of(chat.chatId()))).isEmpty();
        assertThat(QuarkusTransaction.requiringNew().call(() -> personalData.export(chat.chatId()))).isNull();
    }

    /** Waits until everything sent before now has arrived: a chat's updates are answered in order. */
    private void settled(ChatScreen chat) {
        long before = helps(chat);
        fake.pushText(chat.chatId(), "/help");
        await().atMost(Duration.ofSeconds(20)).until(() -> helps(chat) > before);
    }

    private static long helps(ChatScreen chat) {
        return chat.messages().stream().filter(m -> m.path("text").asText().startsWith(HELP)).count();
    }

    private static FlarePlan stored(ChatScreen chat) {
        return QuarkusTransaction.requiringNew().call(() -> FlarePlan.of(chat.chatId()).orElseThrow());
    }

    /** A plan written on an earlier calm day. */
    private static void written(ChatScreen chat, String positions, String note) {
        QuarkusTransaction.requiringNew().run(() -> {
            FlarePlan plan = new FlarePlan();
            plan.telegramUserId = chat.chatId();
            plan.positions = positions;
            plan.walking = "two-hourly";
            plan.breathing = "slow-out";
            plan.avoid = "bending";
            plan.note = note;
            plan.writtenAt = MovableClock.INSTANCE.instant();
            plan.updatedAt = MovableClock.INSTANCE.instant();
            plan.persist();
        });
    }
}
