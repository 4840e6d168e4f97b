package app.backcoach.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.backcoach.day.DailyCheckin;
import app.backcoach.day.DailyPlan;
import app.backcoach.privacy.ConsentService;
import app.backcoach.profile.ProfileService;
import app.backcoach.safety.SafetyScreen;
import app.backcoach.schedule.ScheduledJob;
import app.backcoach.schedule.Scheduler;
import app.backcoach.testing.ChatScreen;
import app.backcoach.testing.FakeBotApi;
import app.backcoach.testing.People;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * PEG through the bot: asked by the weekly job just before the review, answered by tapping, stored with its
 * score, shown in the review's text and chart, read back through {@link QuestionnaireResults}, exported and erased.
 */
@QuarkusTest
class WeeklyQuestionnaireTest {

    private static final String FIRST = "PEG: pain, enjoyment, activity · 1 of 3";

    private final FakeBotApi fake = FakeBotApi.instance();

    @Inject
    ProfileService profiles;

    @Inject
    ConsentService consent;

    @Inject
    Clock clock;

    @Inject
    Scheduler scheduler;

    @Inject
    EntityManager entityManager;

    @Inject
    QuestionnaireResults results;

    @Inject
    QuestionnaireConfig config;

    @Test
    void pegIsAskedBeforeTheWeeklyReviewWhichThenShowsItBesideDailyPain() throws Exception {
        ChatScreen chat = activeWeeks();
        LocalDate today = profiles.today(chat.chatId());
        QuarkusTransaction.requiringNew().run(() -> completedPeg(chat.chatId(), today.minusDays(7), 6.0));
        reviewDue(chat);

        scheduler.runDue();

        JsonNode first = chat.awaitMessage(FIRST);
        assertThat(first.path("text").asText()).contains("Three quick questions about your past week",
                "Over the past week, what number best describes your pain on average?",
                "0 = no pain · 10 = pain as bad as you can imagine");
        assertThat(chat.buttons(first)).containsExactlyElementsOf(IntStream.rangeClosed(0, 10)
                .mapToObj(n -> "dlg:q-peg.pain." + n).toList());
        assertThat(chat.messages()).noneMatch(message -> message.path("text").asText().contains("Your week, "));

        chat.tap(FIRST, "dlg:q-peg.pain.4");
        chat.tap("2 of 3", "dlg:q-peg.enjoyment.5");
        JsonNode third = chat.awaitMessage("3 of 3");
        assertThat(third.path("text").asText()).contains("general activity", "0 = not at all · 10 = completely");
        chat.tap("3 of 3", "dlg:q-peg.activity.4");

        chat.awaitMessage("thank you, noted. Your score: 4.3 (on a scale from 0 to 10).");
        FakeBotApi.Call photo = await().atMost(Duration.ofSeconds(20)).until(() -> fake.calls("sendPhoto").stream()
                .filter(call -> call.chatId() == chat.chatId()).findFirst(), java.util.Optional::isPresent).orElseThrow();
        assertThat(photo.params().path("caption").asText()).contains("Purple triangles: PEG (weekly).");
        String review = chat.awaitMessage("Your week, ").path("text").asText();
        assertThat(review).contains("Pain (0–10): 3.0 · 5.0 · 5.0",
                "PEG: pain, enjoyment, activity (0–10, weekly): 4.3 · 6.0 · 6.0");

        QuestionnaireResult stored = QuarkusTransaction.requiringNew().call(() -> QuestionnaireResult
                .<QuestionnaireResult>find("telegramUserId = ?1 and roundDate = ?2", chat.chatId(), today)
                .singleResult());
        assertThat(stored.questionnaire).isEqualTo("peg");
        assertThat(stored.occasion).isEqualTo("weekly");
        assertThat(new ObjectMapper().readTree(stored.answers)).isEqualTo(new ObjectMapper()
                .readTree("{\"pain\":\"4\",\"enjoyment\":\"5\",\"activity\":\"4\"}"));
        assertThat(stored.score).isEqualTo(4.33);
        assertThat(stored.completedAt).isNotNull();
        assertThat(QuarkusTransaction.requiringNew().call(() -> results.scores(chat.chatId(), "peg",
                today.minusDays(13), today))).extracting(QuestionnaireResults.Score::score).containsExactly(6.0, 4.33);
        ScheduledJob next = weeklyJob(chat);
        assertThat(next.localDate).isAfter(today);
        assertThat(next.dueAt).isAfter(clock.instant());
    }

    @Test
    void unansweredTheReviewComesAloneAfterTheWaitAndLateAnswersStillCountButSendNoSecondReview() {
        ChatScreen chat = activeWeeks();
        LocalDate today = profiles.today(chat.chatId());
        reviewDue(chat);

        Instant asked = clock.instant();
        scheduler.runDue();

        chat.awaitMessage(FIRST);
        ScheduledJob waiting = weeklyJob(chat);
        assertThat(waiting.localDate).isEqualTo(today);
        assertThat(waiting.dueAt).isBetween(asked.plus(config.reviewWait()).minusSeconds(5),
                clock.instant().plus(config.reviewWait()));
        assertThat(chat.messages()).noneMatch(message -> message.path("text").asText().contains("Your week, "));

        reviewDue(chat); // the wait is over
        scheduler.runDue();

        chat.awaitMessage("Your week, ");
        assertThat(weeklyJob(chat).localDate).isAfter(today);
        assertThat(latest(chat, FIRST).path("text").asText()).as("the question stays open").contains("1 of 3");

        chat.tap(FIRST, "dlg:q-peg.pain.2");
        chat.tap("2 of 3", "dlg:q-peg.enjoyment.2");
        chat.tap("3 of 3", "dlg:q-peg.activity.3");
        chat.awaitMessage("Your score: 2.3");
        assertThat(QuarkusTransaction.requiringNew().call(() -> results.scores(chat.chatId(), "peg", today, today)))
                .extracting(QuestionnaireResults.Score::score).containsExactly(2.33);
        await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
        assertThat(chat.messages().stream().filter(message -> message.path("text").asText().contains("Your week, ")))
                .hasSize(1);
    }

    @Test
    void neverAskedWhileARedFlagPausesThePlan() {
        ChatScreen chat = activeWeeks();
        QuarkusTransaction.requiringNew().run(() -> SafetyScreen.record(chat.chatId(), SafetyScreen.Source.WEEKLY,
                SafetyScreen.Outcome.REFER, "{}", clock.instant()));
        reviewDue(chat);

        scheduler.runDue();

        chat.awaitMessage("Your week, ");
        assertThat(chat.messages()).noneMatch(message -> chat.buttons(message).stream()
                .anyMatch(data -> data.startsWith("dlg:q-peg.")));
        assertThat(QuarkusTransaction.requiringNew().call(() -> QuestionnaireResult.of(chat.chatId()))).isEmpty();
    }

    @Test
    void anOpenCheckInIsNeverCutShort() {
        ChatScreen chat = activeWeeks();
        fake.pushText(chat.chatId(), "/checkin");
        chat.awaitButtons("dlg:ci.");
        reviewDue(chat);

        scheduler.runDue();

        chat.awaitMessage("Your week, ");
        assertThat(chat.messages()).noneMatch(message -> chat.buttons(message).stream()
                .anyMatch(data -> data.startsWith("dlg:q-peg.")));
    }

    @Test
    void theAnswersAreExportedAndErasedWithTheRest() throws Exception {
        ChatScreen chat = activeWeeks();
        LocalDate today = profiles.today(chat.chatId());
        reviewDue(chat);
        scheduler.runDue();
        chat.tap(FIRST, "dlg:q-peg.pain.7");
        chat.tap("2 of 3", "dlg:q-peg.enjoyment.6");
        chat.tap("3 of 3", "dlg:q-peg.activity.8");
        chat.awaitMessage("Your week, ");

        fake.pushText(chat.chatId(), "/export");
        FakeBotApi.Call upload = await().atMost(Duration.ofSeconds(20)).until(() -> fake.calls("sendDocument").stream()
                .filter(call -> call.chatId() != null && call.chatId() == chat.chatId()).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
        JsonNode export = new ObjectMapper().readTree(FakeBotApi.documentContent(upload));
        JsonNode answered = export.path("questionnaires").path(0);
        assertThat(answered.path("questionnaire").asText()).isEqualTo("peg");
        assertThat(answered.path("roundDate").asText()).isEqualTo(today.toString());
        assertThat(answered.path("answers").path("pain").asText()).isEqualTo("7");
        assertThat(answered.path("score").asDouble()).isEqualTo(7.0);
        assertThat(answered.path("effect").asText()).isEqualTo("none");

        fake.pushText(chat.chatId(), "/delete");
        chat.tap("Erase everything?", "erase:yes");
        chat.awaitMessage("everything I stored about you is erased");
        assertThat(QuarkusTransaction.requiringNew().call(() -> QuestionnaireResult.of(chat.chatId()))).isEmpty();
    }

    private ChatScreen activeWeeks() {
        return Rounds.activeWeeks(profiles, consent, clock);
    }

    private void reviewDue(ChatScreen chat) {
        Rounds.reviewDue(chat, profiles, entityManager, clock);
    }

    private static ScheduledJob weeklyJob(ChatScreen chat) {
        return Rounds.weeklyJob(chat);
    }

    private static JsonNode latest(ChatScreen chat, String text) {
        List<JsonNode> messages = chat.messages();
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).path("text").asText().contains(text)) {
                return messages.get(i);
            }
        }
        throw new AssertionError("No message with " + text);
    }

    private void completedPeg(long userId, LocalDate round, double score) {
        QuestionnaireResult row = new QuestionnaireResult();
        row.telegramUserId = userId;
        row.questionnaire = "peg";
        row.questionnaireVersion = 1;
        row.occasion = "weekly";
        row.roundDate = round;
        row.askedAt = clock.instant().minus(Duration.ofDays(7));
        row.completedAt = row.askedAt;
        row.answers = "{\"pain\":\"6\",\"enjoyment\":\"6\",\"activity\":\"6\"}";
        row.score = score;
        row.subscales = "{}";
        row.effect = "none";
        row.persist();
    }
}
