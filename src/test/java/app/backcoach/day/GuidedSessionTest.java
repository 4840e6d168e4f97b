package app.backcoach.day;

import static app.backcoach.testing.CheckIns.checkIn;
import static app.backcoach.testing.CheckIns.planOn;
import static app.backcoach.testing.CheckIns.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.backcoach.catalogue.Catalogue;
import app.backcoach.catalogue.Exercise;
import app.backcoach.coaching.PlannedItem;
import app.backcoach.privacy.ConsentService;
import app.backcoach.profile.ProfileService;
import app.backcoach.testing.ChatScreen;
import app.backcoach.testing.FakeBotApi;
import app.backcoach.testing.People;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Guided mode's branches: too hard swaps in the regression, hurts stops and offers relief, end asks for the rating. */
@QuarkusTest
class GuidedSessionTest {

    @Inject
    ProfileService profiles;

    @Inject
    ConsentService consent;

    @Inject
    PlanService plans;

    @Inject
    Catalogue catalogue;

    @Test
    void tooHardSwapsInTheRegressionAndHurtsStopsWithARelief() {
        ChatScreen chat = People.readyToCheckIn(profiles, consent);
        JsonNode plan = checkIn(chat, "2", null, "desk");
        List<PlannedItem> before = items(chat);
        int easierAt = indexWithRegression(before);
        chat.tapFirst(plan, "plan:guide");

        JsonNode card = chat.awaitButtons("gs:");
        assertThat(card.path("text").asText()).contains("1/" + before.size(), "Set 1 of", "Watch out:", "🛑 ");
        for (int i = 0; i < easierAt; i++) {
            card = skip(chat, card);
        }
        Exercise hard = catalogue.get(before.get(easierAt).exerciseId());
        Exercise easier = catalogue.get(hard.regression());
        chat.tapFirst(card, "gs:hard");

        JsonNode swapped = chat.awaitMessage("Swapped: " + hard.text("en").name() + " felt too hard");
        assertThat(swapped.path("text").asText()).contains("easier version, " + easier.text("en").name(),
                (easierAt + 1) + "/" + before.size() + " · " + easier.text("en").name());
        assertThat(swapped.path("message_id").asLong()).isEqualTo(card.path("message_id").asLong());
        assertThat(items(chat).get(easierAt).exerciseId()).isEqualTo(easier.id());
        // The plan above lists the exercise now done, and its "why this?" button names and explains it.
        long planMessage = plan.path("message_id").asLong();
        JsonNode updatedPlan = await().until(() -> message(chat, planMessage),
                shown -> shown.path("text").asText().contains((easierAt + 1) + ". " + easier.text("en").name()));
        assertThat(updatedPlan.path("text").asText()).doesNotContain(hard.text("en").name());
        String why = "plan:why." + planOn(chat, today()).id + "." + easierAt;
        assertThat(label(updatedPlan, why)).startsWith("ℹ " + (easierAt + 1) + " ")
                .contains(easier.text("en").name().substring(0, 8));
        FakeBotApi.instance().pushCallback(chat.chatId(), planMessage, why);
        chat.awaitMessage("Why " + easier.text("en").name() + "?");

        chat.tapFirst(swapped, "gs:hurt");
        JsonNode where = chat.awaitMessage("Where do you feel it?");
        assertThat(chat.buttons(where)).extracting(data -> data.substring(0, data.indexOf('.')))
                .containsExactly("gs:back", "gs:pain", "gs:numb", "gs:both");
        chat.tapFirst(where, "gs:back");
        // The card once it offers relief (the plan's stop rule also says "above 5/10").
        JsonNode hurt = chat.awaitButtons("gs:relief");
        assertThat(hurt.path("text").asText()).contains("above 5/10");
        chat.tapFirst(hurt, "gs:relief");
        JsonNode relief = chat.awaitMessage("Easing: ");
        chat.tapFirst(relief, "gs:end");

        JsonNode finished = chat.awaitMessage("Session finished: 0 of " + before.size());
        assertThat(finished.path("text").asText()).contains("contact a clinician");
        chat.awaitMessage("The most pain you felt");
        DailyPlan stored = planOn(chat, today());
        assertThat(stored.status).isEqualTo(DailyPlan.Status.PARTIAL);
        assertThat(stored.outcomes).contains("\"" + easierAt + "\":\"hurt\"");
    }

    @Test
    void aTapOnAnOldCardChangesNothing() {
        ChatScreen chat = People.readyToCheckIn(profiles, consent);
        chat.tapFirst(checkIn(chat, "2", null, "desk"), "plan:guide");
        JsonNode card = chat.awaitButtons("gs:");
        String skip = chat.tapFirst(card, "gs:skip");
        JsonNode second = chat.awaitMessage("2/");
        FakeBotApi fake = FakeBotApi.instance();
        long closedBefore = closedAnswers(fake);

        fake.pushCallback(chat.chatId(), card.path("message_id").asLong(), skip);

        await().until(() -> closedAnswers(fake) > closedBefore);
        assertThat(chat.awaitButtons("gs:").path("text").asText()).isEqualTo(second.path("text").asText());
        assertThat(QuarkusTransaction.requiringNew().call(() ->
                GuidedSession.<GuidedSession>findById(chat.chatId()).itemIndex)).isEqualTo(1);
    }

    private static JsonNode message(ChatScreen chat, long messageId) {
        return chat.messages().stream().filter(m -> m.path("message_id").asLong() == messageId).findFirst()
                .orElseThrow();
    }

    private static String label(JsonNode message, String callbackData) {
        for (JsonNode row : message.path("reply_markup").path("inline_keyboard")) {
            for (JsonNode button : row) {
                if (button.path("callback_data").asText().equals(callbackData)) {
                    return button.path("text").asText();
                }
            }
        }
        throw new AssertionError("No button " + callbackData + " on " + message);
    }

    private static long closedAnswers(FakeBotApi fake) {
        return fake.calls("answerCallbackQuery").stream()
                .filter(call -> call.params().path("text").asText().contains("closed")).count();
    }

    private static JsonNode skip(ChatScreen chat, JsonNode card) {
        String[] position = card.path("text").asText().split(" · ")[0].trim().split("/");
        chat.tapFirst(card, "gs:skip");
        return chat.awaitMessage((Integer.parseInt(position[0]) + 1) + "/" + position[1] + " · ");
    }

    private int indexWithRegression(List<PlannedItem> items) {
        for (int i = 0; i < items.size(); i++) {
            if (catalogue.get(items.get(i).exerciseId()).hasRegression()) {
                return i;
            }
        }
        throw new AssertionError("No exercise in the plan has a regression: " + items);
    }

    private List<PlannedItem> items(ChatScreen chat) {
        return QuarkusTransaction.requiringNew().call(() -> plans.items(planOn(chat, today())));
    }
}
