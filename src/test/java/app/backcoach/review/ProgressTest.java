package app.backcoach.review;

import static org.assertj.core.api.Assertions.assertThat;

import app.backcoach.day.DailyCheckin;
import app.backcoach.day.DailyPlan;
import app.backcoach.privacy.ConsentService;
import app.backcoach.profile.ProfileService;
import app.backcoach.schedule.ScheduledJob;
import app.backcoach.testing.ChatScreen;
import app.backcoach.testing.FakeBotApi;
import app.backcoach.testing.People;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** /progress through the fake Bot API: the chart as a photo with a caption, then the week in words. */
@QuarkusTest
class ProgressTest {

    private final FakeBotApi fake = FakeBotApi.instance();

    @Inject
    ProfileService profiles;

    @Inject
    ConsentService consent;

    @Inject
    Clock clock;

    @Inject
    app.backcoach.schedule.Scheduler scheduler;

    @Inject
    jakarta.persistence.EntityManager entityManager;

    @Test
    void threeWeeksOfCheckInsGiveAChartAndAMeaningfulChange() throws Exception {
        ChatScreen chat = People.readyToCheckIn(profiles, consent);
        LocalDate today = profiles.today(chat.chatId());
        QuarkusTransaction.requiringNew().run(() -> {
            for (int daysAgo = 20; daysAgo >= 0; daysAgo--) {
                int pain = daysAgo >= 14 ? 6 : daysAgo >= 7 ? 5 : 3;
                store(chat.chatId(), today.minusDays(daysAgo), pain, daysAgo % 3 == 0 ? "SKIPPED" : "DONE");
            }
        });

        fake.pushText(chat.chatId(), "/progress");

        // Photos to other chats (earlier tests) do not count: wait for this chat's.
        FakeBotApi.Call photo = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> fake.calls("sendPhoto").stream().filter(call -> call.chatId() == chat.chatId())
                        .findFirst(), java.util.Optional::isPresent).orElseThrow();
        assertThat(photo.params().path("caption").asText())
                .contains("pain 3.0 on average (lower than last week)", "The red line is daily pain");
        BufferedImage chart = ImageIO.read(new ByteArrayInputStream(FakeBotApi.photoBytes(photo)));
        assertThat(chart.getWidth()).isEqualTo(ProgressChart.WIDTH);
        assertThat(chart.getHeight()).isEqualTo(ProgressChart.HEIGHT);
        String details = chat.awaitMessage("Your week").path("text").asText();
        assertThat(details).contains("Check-ins: 7.", "Pain (0–10): 3.0 · 5.0 · 6.0", "-3.0 points",
                "meaningful improvement");

        // The week's one change: recovering, and meaningfully better, so building is proposed.
        JsonNode proposal = chat.awaitMessage("One change for next week");
        assertThat(proposal.path("text").asText()).contains("move from recovering to building",
                "Nothing changes unless you say so");
        assertThat(profiles.find(chat.chatId()).orElseThrow().phase).isEqualTo("recovering");
        chat.tapFirst(proposal, "tw:yes.");

        chat.awaitMessage("your phase is now building");
        assertThat(QuarkusTransaction.requiringNew().call(() -> profiles.find(chat.chatId()).orElseThrow().phase))
                .isEqualTo("building");
        PlanChange change = QuarkusTransaction.requiringNew().call(() -> PlanChange.of(chat.chatId()).get(0));
        assertThat(change.decision).isEqualTo(PlanChange.Decision.ACCEPTED);
        assertThat(change.chosen).isEqualTo("BUILD_PHASE");
    }

    @Test
    void anotherOptionCanBePickedAndThePlanStartsLower() {
        ChatScreen chat = People.readyToCheckIn(profiles, consent);
        LocalDate today = profiles.today(chat.chatId());
        QuarkusTransaction.requiringNew().run(() -> {
            for (int daysAgo = 6; daysAgo >= 0; daysAgo--) {
                store(chat.chatId(), today.minusDays(daysAgo), 3, "DONE");
            }
            // Step 2: the default profile is recovering, which goes up to step 3 (level 2).
            DailyPlan.<DailyPlan>on(chat.chatId(), today).orElseThrow().step = 2;
        });
        fake.pushText(chat.chatId(), "/progress");
        JsonNode proposal = chat.awaitMessage("One change for next week");

        // A settled week at step 2 proposes a step up; the other option offered is a step back.
        assertThat(proposal.path("text").asText()).contains("one step up");
        fake.pushText(chat.chatId(), "/progress"); // asked again the same week: the same open proposal
        org.awaitility.Awaitility.await().until(() -> chat.messages().stream()
                .filter(message -> message.path("text").asText().contains("One change for next week")).count() == 2);
        assertThat(QuarkusTransaction.requiringNew().call(() -> PlanChange.of(chat.chatId()))).hasSize(1);
        chat.tapFirst(proposal, "tw:pick.");
        chat.awaitMessage("Done: from tomorrow");

        PlanChange change = QuarkusTransaction.requiringNew().call(() -> PlanChange.of(chat.chatId()).get(0));
        assertThat(change.decision).isEqualTo(PlanChange.Decision.OTHER);
        int step = QuarkusTransaction.requiringNew().call(() -> DailyPlan.<DailyPlan>on(chat.chatId(), today)
                .orElseThrow().step);
        assertThat(change.chosen).isEqualTo("REGRESS");
        assertThat(step).isEqualTo(1);
    }

    @Test
    void keepingThePlanIsOneButtonNotTwoThatMeanTheSame() {
        ChatScreen chat = People.readyToCheckIn(profiles, consent);
        LocalDate today = profiles.today(chat.chatId());
        QuarkusTransaction.requiringNew().run(() -> {
            for (int daysAgo = 6; daysAgo >= 0; daysAgo--) {
                store(chat.chatId(), today.minusDays(daysAgo), 3, daysAgo < 2 ? "DONE" : "SKIPPED");
            }
            DailyPlan.<DailyPlan>on(chat.chatId(), today).orElseThrow().step = 2;
        });
        fake.pushText(chat.chatId(), "/progress");
        JsonNode proposal = chat.awaitMessage("One change for next week");

        // Two sessions this week: the proposal is to keep the plan, so "yes" and "keep as is" are one button.
        assertThat(proposal.path("text").asText()).contains("keep the plan as it is");
        assertThat(labels(proposal)).containsExactly(List.of("Keep as is"), List.of("One step up", "One step back"));
        chat.tapFirst(proposal, "tw:yes.");
        chat.awaitMessage("Fine, the plan stays as it is.");
        PlanChange change = QuarkusTransaction.requiringNew().call(() -> PlanChange.of(chat.chatId()).get(0));
        assertThat(change.decision).isEqualTo(PlanChange.Decision.ACCEPTED);
        assertThat(change.chosen).isEqualTo("HOLD");
    }

    private static List<List<String>> labels(JsonNode message) {
        List<List<String>> rows = new java.util.ArrayList<>();
        message.path("reply_markup").path("inline_keyboard").forEach(row -> {
            List<String> labels = new java.util.ArrayList<>();
            row.forEach(button -> labels.add(button.path("text").asText()));
            rows.add(labels);
        });
        return rows;
    }

    @Test
    void theWeeklyReviewComesByItselfOnlyAfterAWeekWithCheckIns() {
        ChatScreen active = People.readyToCheckIn(profiles, consent);
        ChatScreen quiet = People.readyToCheckIn(profiles, consent);
        LocalDate today = profiles.today(active.chatId());
        QuarkusTransaction.requiringNew().run(() -> store(active.chatId(), today.minusDays(1), 3, "DONE"));
        QuarkusTransaction.requiringNew().run(() -> store(active.chatId(), today, 2, "DONE"));
        QuarkusTransaction.requiringNew().run(() -> entityManager.createQuery(
                        "update ScheduledJob set dueAt = ?1, localDate = ?2 where telegramUserId in ?3 and kind = ?4")
                .setParameter(1, clock.instant().minusSeconds(30)).setParameter(2, today)
                .setParameter(3, List.of(active.chatId(), quiet.chatId()))
                .setParameter(4, ScheduledJob.Kind.WEEKLY).executeUpdate());

        scheduler.runDue();

        // The week's questionnaire (PEG) comes first; the review follows its last answer.
        active.tap("PEG: pain, enjoyment, activity · 1 of 3", "dlg:q-peg.pain.3");
        active.tap("2 of 3", "dlg:q-peg.enjoyment.2");
        active.tap("3 of 3", "dlg:q-peg.activity.2");
        active.awaitMessage("Your week, ");
        assertThat(quiet.messages()).noneMatch(message -> message.path("text").asText().contains("Your week, "));
        ScheduledJob next = QuarkusTransaction.requiringNew().call(() ->
                ScheduledJob.of(quiet.chatId(), ScheduledJob.Kind.WEEKLY).orElseThrow());
        assertThat(next.dueAt).isAfter(clock.instant()); // moved on to the next Sunday, nothing sent
    }

    @Test
    void withoutCheckInsThereIsNothingToReviewYet() {
        ChatScreen chat = People.readyToCheckIn(profiles, consent);
        fake.pushText(chat.chatId(), "/progress");

        chat.awaitMessage("nothing to review yet");
        assertThat(fake.calls("sendPhoto")).noneMatch(call -> call.chatId() == chat.chatId());
    }

    private void store(long userId, LocalDate date, int pain, String status) {
        DailyCheckin checkin = new DailyCheckin();
        checkin.telegramUserId = userId;
        checkin.localDate = date;
        checkin.pain = pain;
        checkin.stiffness = "lt15";
        checkin.confidence = 3;
        checkin.sleep = "fair";
        checkin.yesterday = "fine";
        checkin.completedAt = clock.instant();
        checkin.updatedAt = clock.instant();
        checkin.persist();
        DailyPlan plan = new DailyPlan();
        plan.telegramUserId = userId;
        plan.localDate = date;
        plan.version = "FULL";
        plan.shape = "STANDARD";
        plan.items = "[]";
        plan.reasons = "[]";
        plan.status = DailyPlan.Status.valueOf(status);
        plan.createdAt = clock.instant();
        plan.updatedAt = clock.instant();
        plan.persist();
    }
}
