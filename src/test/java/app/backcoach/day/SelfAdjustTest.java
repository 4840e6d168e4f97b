package app.backcoach.day;

import static app.backcoach.testing.CheckIns.planOn;
import static app.backcoach.testing.CheckIns.today;
import static org.assertj.core.api.Assertions.assertThat;

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
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** After four regular weeks: self-adjust is offered once; then the person picks, and only safety overrules. */
@QuarkusTest
class SelfAdjustTest {

    private final FakeBotApi fake = FakeBotApi.instance();

    @Inject
    ProfileService profiles;

    @Inject
    ConsentService consent;

    @Inject
    Clock clock;

    @AfterEach
    void backToToday() {
        MovableClock.reset();
    }

    @Test
    void fourRegularWeeksEarnTheChoiceAndSafetyStillHasTheLastWord() {
        ChatScreen chat = People.readyToCheckIn(profiles, consent);
        LocalDate today = today();
        QuarkusTransaction.requiringNew().run(() -> {
            for (int daysAgo = 27; daysAgo >= 1; daysAgo--) {
                DailyCheckin checkin = new DailyCheckin();
                checkin.telegramUserId = chat.chatId();
                checkin.localDate = today.minusDays(daysAgo);
                // Pain 2: four weeks at 3/10 would (rightly) advise a clinician review instead.
                checkin.pain = 2;
                checkin.completedAt = clock.instant();
                checkin.updatedAt = clock.instant();
                checkin.persist();
            }
        });
        checkInAs(chat, "3", "good", null);
        JsonNode offer = chat.awaitMessage("Four weeks of regular check-ins");
        chat.tapFirst(offer, "self:on");
        chat.awaitMessage("Self-adjust is on");

        MovableClock.advance(Duration.ofDays(1));
        JsonNode plan = checkInAs(chat, "3", "poor", "full");
        assertThat(plan.path("text").asText()).contains("Today: full session", "You chose the full session yourself")
                .doesNotContain("You slept poorly");
        assertThat(planOn(chat, today()).version).isEqualTo("FULL");

        fake.pushText(chat.chatId(), "/checkin"); // revised: pain 8 overrules the choice
        JsonNode revised = answer(chat, "8", "good", "full");
        assertThat(revised.path("text").asText()).contains("Today: relief only", "At 7 or more, we only ease");
    }

    private JsonNode checkInAs(ChatScreen chat, String pain, String sleep, String version) {
        fake.pushText(chat.chatId(), "/checkin");
        return answer(chat, pain, sleep, version);
    }

    private JsonNode answer(ChatScreen chat, String pain, String sleep, String version) {
        long checkin = chat.awaitMessage("How is your back right now?").path("message_id").asLong();
        chat.tap("How is your back right now?", "dlg:ci.pain." + pain);
        chat.tap("How long did stiffness last", "dlg:ci.stiffness.lt15");
        chat.tap("How confident do you feel", "dlg:ci.confidence.4");
        chat.tap("How did you sleep?", "dlg:ci.sleep." + sleep);
        chat.tap("What kind of day is ahead?", "dlg:ci.daytype.desk");
        if (version != null) {
            chat.tap("Your call today", "dlg:ci.own-version." + version);
        }
        return app.backcoach.testing.CheckIns.planIn(chat, checkin);
    }
}
