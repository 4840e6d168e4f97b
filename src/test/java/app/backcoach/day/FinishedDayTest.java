package app.backcoach.day;

import static app.backcoach.testing.CheckIns.checkIn;
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
import app.backcoach.testing.People;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A finished day keeps its record: the plan's buttons follow the day (planned → under way →
 * finished), and an old button (start guided, done, not today, a guided card) changes nothing.
 */
@QuarkusTest
class FinishedDayTest {

    @Inject
    ProfileService profiles;

    @Inject
    ConsentService consent;

    @Test
    void aRatedSessionCannotBeOverwrittenByStaleButtons() {
        ChatScreen chat = People.readyToCheckIn(profiles, consent);
        JsonNode plan = checkIn(chat, "2", null, "desk");
        long planMessage = plan.path("message_id").asLong();
        List<String> planned = chat.buttons(plan);
        assertThat(planned).anyMatch(data -> data.startsWith("plan:guide."))
                .anyMatch(data -> data.startsWith("plan:done.")).anyMatch(data -> data.startsWith("plan:skip."));
        String guide = data(planned, "plan:guide.");
        String done = data(planned, "plan:done.");
        String skip = data(planned, "plan:skip.");

        chat.tapFirst(plan, "plan:guide");
        // Under way: "not today" and "shorter" are gone from the plan; restarting and "done" remain.
        await().until(() -> !buttons(chat, planMessage).contains(skip));
        assertThat(buttons(chat, planMessage)).contains(guide, done).noneMatch(data -> data.startsWith("plan:short"));
        doEverything(chat);
        finishRating(chat);
        DailyPlan rated = planOn(chat, today());
        assertThat(rated.status).isEqualTo(DailyPlan.Status.DONE);
        assertThat(rated.painDuring).isEqualTo(1);

        // Finished: only "why this?" is left on the plan message.
        await().until(() -> buttons(chat, planMessage).stream().allMatch(data -> data.startsWith("plan:why.")));
        assertThat(buttons(chat, planMessage)).isNotEmpty();
        assertThat(message(chat, planMessage).path("text").asText()).contains("✅ Done");

        // Old taps (an earlier copy of the plan still shows them) change nothing.
        FakeBotApi fake = FakeBotApi.instance();
        int messagesBefore = chat.messages().size();
        for (String stale : List.of(guide, done, skip)) {
            String toast = toast(fake, fake.pushCallback(chat.chatId(), planMessage, stale));
            assertThat(toast).as(stale).contains("already on record");
        }
        DailyPlan after = planOn(chat, today());
        assertThat(after.status).isEqualTo(DailyPlan.Status.DONE);
        assertThat(after.painDuring).isEqualTo(1);
        assertThat(after.effort).isEqualTo("easy");
        assertThat(after.feeling).isEqualTo("good");
        assertThat(after.outcomes).isEqualTo(rated.outcomes);
        assertThat(after.finishedAt).isEqualTo(rated.finishedAt);
        assertThat(QuarkusTransaction.requiringNew().call(() -> GuidedSession.<GuidedSession>findByIdOptional(chat.chatId()))).isEmpty();
        assertThat(chat.messages()).hasSize(messagesBefore);
        // Refreshing a message that already shows the finished day is not sent: Telegram would refuse it.
        await().pollDelay(java.time.Duration.ofMillis(500)).until(() -> true);
        assertThat(fake.violations()).noneMatch(violation -> violation.contains("to chat " + chat.chatId() + ":"));

        // /today shows the finished day with only what makes sense.
        fake.pushText(chat.chatId(), "/today");
        await().until(() -> chat.messages().size() > messagesBefore);
        JsonNode today = chat.messages().get(chat.messages().size() - 1);
        assertThat(today.path("text").asText()).contains("✅ Done");
        assertThat(chat.buttons(today)).isNotEmpty().allMatch(data -> data.startsWith("plan:why."));

        // A check-in revised afterwards does not rewrite the session that was done.
        checkIn(chat, "8", null, "desk");
        DailyPlan revised = planOn(chat, today());
        assertThat(revised.status).isEqualTo(DailyPlan.Status.DONE);
        assertThat(revised.version).isEqualTo(rated.version);
        assertThat(revised.items).isEqualTo(rated.items);
    }

    @Test
    void doneOnThePlanClosesTheGuidedCardsUnderWay() {
        ChatScreen chat = People.readyToCheckIn(profiles, consent);
        JsonNode plan = checkIn(chat, "2", null, "desk");
        chat.tapFirst(plan, "plan:guide");
        JsonNode card = chat.awaitButtons("gs:");
        JsonNode underWay = await().until(() -> message(chat, plan.path("message_id").asLong()),
                shown -> chat.buttons(shown).stream().noneMatch(data -> data.startsWith("plan:skip")));
        chat.tapFirst(underWay, "plan:done");
        chat.awaitMessage("The most pain you felt");

        FakeBotApi fake = FakeBotApi.instance();
        String end = chat.buttons(card).stream().filter(data -> data.startsWith("gs:end")).findFirst().orElseThrow();
        String toast = toast(fake, fake.pushCallback(chat.chatId(), card.path("message_id").asLong(), end));

        assertThat(toast).contains("already on record");
        assertThat(planOn(chat, today()).status).isEqualTo(DailyPlan.Status.DONE);
        await().until(() -> chat.buttons(message(chat, card.path("message_id").asLong())).isEmpty());
        assertThat(chat.messages()).noneMatch(message -> message.path("text").asText().startsWith("Session finished"));
    }

    private static String data(List<String> buttons, String prefix) {
        return buttons.stream().filter(data -> data.startsWith(prefix)).findFirst().orElseThrow();
    }

    private static List<String> buttons(ChatScreen chat, long messageId) {
        return chat.buttons(message(chat, messageId));
    }

    private static JsonNode message(ChatScreen chat, long messageId) {
        return chat.messages().stream().filter(m -> m.path("message_id").asLong() == messageId).findFirst()
                .orElseThrow();
    }

    /** The toast that answered the tap pushed as update {@code updateId}. */
    static String toast(FakeBotApi fake, int updateId) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> fake.calls("answerCallbackQuery").stream()
                .filter(call -> call.params().path("callback_query_id").asText().equals("cq" + updateId))
                .map(call -> call.params().path("text").asText()).findFirst(), java.util.Optional::isPresent)
                .orElseThrow();
    }
}
