package app.backcoach.conditions;

import static app.backcoach.testing.CheckIns.checkIn;
import static app.backcoach.testing.CheckIns.earlierMornings;
import static app.backcoach.testing.CheckIns.planOn;
import static app.backcoach.testing.CheckIns.today;
import static org.assertj.core.api.Assertions.assertThat;

import app.backcoach.catalogue.Catalogue;
import app.backcoach.catalogue.Exercise;
import app.backcoach.catalogue.Restriction;
import app.backcoach.coaching.PlannedItem;
import app.backcoach.day.PlanService;
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
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A clinician clears a paused plan "but seated only for four weeks": the person records it with a
 * few taps under the clearance, the next plan and /travel keep to it, /why says so, /settings shows
 * and clears it, and it ends by itself after its date.
 */
@QuarkusTest
class ClearanceConditionsTest {

    private final FakeBotApi fake = FakeBotApi.instance();

    @Inject
    ProfileService profiles;

    @Inject
    ConsentService consent;

    @Inject
    ConditionsService conditions;

    @Inject
    PlanService plans;

    @Inject
    Catalogue catalogue;

    @Test
    void conditionsRecordedAtTheClearanceShapeEveryChoiceUntilTheirDate() {
        ChatScreen chat = People.readyToCheckIn(profiles, consent);
        MovableClock.advance(Duration.ofDays(8));
        fake.pushText(chat.chatId(), "/checkin");
        chat.tap("Quick weekly safety check", "dlg:ci.rf-week.yes");
        chat.tap("Is it any of these?", "dlg:ci.rf-emergency.no");
        chat.tap("a leg slowly getting weaker", "dlg:ci.rf-today.no");
        chat.tapFirst(chat.awaitMessage("Please check with a clinician before we start"), "clr:ok.");
        chat.awaitMessage("Glad you were checked");

        JsonNode offer = chat.awaitMessage("Did your clinician set any conditions?");
        assertThat(chat.buttons(offer)).contains("cnd:t.no-prone-extension", "cnd:t.no-loaded-flexion",
                "cnd:t.no-end-range-rotation", "cnd:t.seated-only", "cnd:u.2", "cnd:u.4", "cnd:u.6", "cnd:u.0",
                "cnd:done", "cnd:none");
        chat.tap("Did your clinician set any conditions?", "cnd:t.seated-only");
        chat.awaitMessage("• Seated exercises only");
        chat.tap("Seated exercises only", "cnd:u.4");
        String until = today().plusWeeks(4).format(DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH));
        chat.awaitMessage("Until " + until);
        chat.tap("Until " + until, "cnd:done");
        JsonNode saved = chat.awaitMessage("Saved.");
        assertThat(saved.path("text").asText()).contains("Seated exercises only", "Until " + until);
        assertThat(chat.buttons(saved)).isEmpty();
        assertThat(inForce(chat)).containsExactly(Restriction.SEATED_ONLY);

        earlierMornings(chat, 3, 3);
        checkIn(chat, "3", null, "desk");
        List<PlannedItem> items = QuarkusTransaction.requiringNew().call(() -> plans.items(planOn(chat, today())));
        assertThat(items).hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(item -> assertThat(catalogue.get(item.exerciseId()).seatedOnly()).as(item.exerciseId()).isTrue());
        fake.pushText(chat.chatId(), "/why");
        chat.awaitMessage("Your clinician’s conditions shaped today");

        fake.pushText(chat.chatId(), "/travel");
        chat.tap("Where are you right now?", "dlg:tv.place.standing");
        String routine = chat.awaitMessage("Travel routine").path("text").asText();
        assertThat(catalogue.all()).filteredOn(Exercise::seatedOnly)
                .anySatisfy(exercise -> assertThat(routine).contains(exercise.text("en").name()));
        assertThat(catalogue.all()).filteredOn(exercise -> !exercise.seatedOnly())
                .allSatisfy(exercise -> assertThat(routine).doesNotContain(exercise.text("en").name()));

        fake.pushText(chat.chatId(), "/settings");
        JsonNode menu = chat.awaitMessage("Conditions from your clinician");
        assertThat(menu.path("text").asText()).contains("Seated exercises only");
        MovableClock.advance(Duration.ofDays(29));
        assertThat(inForce(chat)).as("past its date a condition holds no more").isEmpty();
        MovableClock.advance(Duration.ofDays(-29));
        chat.tapFirst(menu, "cnd:open");
        chat.awaitMessage("Tap a condition to set or remove it");
        chat.tap("Tap a condition to set or remove it", "cnd:none");
        chat.awaitMessage("No conditions recorded. If your clinician sets some later");
        assertThat(inForce(chat)).isEmpty();
    }

    private Set<Restriction> inForce(ChatScreen chat) {
        return QuarkusTransaction.requiringNew().call(() -> conditions.inForce(chat.chatId(),
                profiles.today(chat.chatId())));
    }
}
