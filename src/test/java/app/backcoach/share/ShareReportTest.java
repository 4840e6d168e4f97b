package app.backcoach.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.backcoach.catalogue.Catalogue;
import app.backcoach.catalogue.Restriction;
import app.backcoach.day.DailyCheckin;
import app.backcoach.coaching.PlannedItem;
import app.backcoach.conditions.ConditionsService;
import app.backcoach.day.DailyPlan;
import app.backcoach.privacy.ConsentService;
import app.backcoach.privacy.PersonalDataService;
import app.backcoach.profile.ProfileService;
import app.backcoach.safety.SafetyScreen;
import app.backcoach.support.StoredJson;
import app.backcoach.testing.ChatScreen;
import app.backcoach.testing.CheckIns;
import app.backcoach.testing.FakeBotApi;
import app.backcoach.testing.MovableClock;
import app.backcoach.testing.People;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * /share end to end: a person with four weeks of check-ins, sessions, a flare-up, an exercise that
 * hurt, a cleared safety screen and a condition sees what the report holds, taps once, and gets a
 * PDF whose text (parsed back) carries the numbers; the share is logged, exported and erased.
 */
@QuarkusTest
class ShareReportTest {

    private final FakeBotApi fake = FakeBotApi.instance();
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    @Inject
    ProfileService profiles;

    @Inject
    ConsentService consent;

    @Inject
    ConditionsService conditions;

    @Inject
    StoredJson json;

    @Inject
    Catalogue catalogue;

    @Inject
    PersonalDataService personalData;

    @Test
    void aPersonCreatesTheReportWithOneTapAndItCarriesTheirWeeks() throws Exception {
        ChatScreen chat = People.readyToCheckIn(profiles, consent);
        LocalDate today = CheckIns.today();
        fourWeeksOf(chat.chatId(), today);

        fake.pushText(chat.chatId(), "/share");
        JsonNode offer = chat.awaitMessage("A report for your physiotherapist or doctor");
        assertThat(offer.path("text").asText()).contains("Morning pain (0–10)", "Sessions", "Flare-ups and bad mornings",
                "Exercises that bothered the back", "Safety checks and clearances", "Conditions from the clinician",
                "Questionnaires",
                DATE.format(today.minusDays(27)), DATE.format(today), "only to you");
        assertThat(chat.buttons(offer)).containsExactly("shr:make");
        assertThat(documentsTo(chat)).as("nothing is made before the tap").isEmpty();
        assertThat(logged(chat)).isEmpty();

        chat.tap("A report for your physiotherapist or doctor", "shr:make");
        FakeBotApi.Call upload = await().atMost(Duration.ofSeconds(20)).until(() -> documentsTo(chat),
                calls -> !calls.isEmpty()).get(0);

        // A second tap on the same button (a double tap) makes no second report.
        int again = fake.pushCallback(chat.chatId(), offer.path("message_id").asLong(), "shr:make");
        await().atMost(Duration.ofSeconds(20)).until(() -> fake.calls("answercallbackquery").stream()
                .anyMatch(call -> ("cq" + again).equals(call.params().path("callback_query_id").asText())
                        && call.params().path("text").asText().contains("Already done")));
        assertThat(documentsTo(chat)).hasSize(1);

        assertThat(FakeBotApi.documentName(upload)).isEqualTo("back-report-" + today + ".pdf");
        assertThat(upload.params().path("caption").asText()).contains("I haven’t sent it anywhere else");
        // Kept for a look (pdftoppm target/share-report-sample.pdf): the README's picture comes from it.
        java.nio.file.Files.write(java.nio.file.Path.of("target/share-report-sample.pdf"), FakeBotApi.documentBytes(upload));
        String text;
        try (PDDocument pdf = Loader.loadPDF(FakeBotApi.documentBytes(upload))) {
            text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        }
        assertThat(text).contains(
                "Back Coach: report for the treating clinician",
                "Period: " + DATE.format(today.minusDays(27)) + " to " + DATE.format(today) + " (28 days)",
                "Mornings with an answer: 27 of 28.",
                "PEG: pain, enjoyment, activity (0–10)",
                DAY.format(today.minusDays(21)) + ": 6.3", DAY.format(today.minusDays(7)) + ": 4",
                DAY.format(today.minusDays(20)) + ": –",
                DAY.format(today.minusDays(24)) + ": 7",
                "(average 6.1)", "(average 3.0)",
                "first week 6.1, last week 3.0: 3.1 points lower, a meaningful improvement.",
                "Days with a plan: 5. Done: 3, partly done: 1, skipped: 1, not finished: 0.",
                "Pain during sessions: average 3.0/10 over 4 rated sessions, highest 6/10 ("
                        + DAY.format(today.minusDays(12)) + ").",
                "The morning after a session: worked fine 2, no different 0, sore or guarded 1, flared up 1.",
                DAY.format(today.minusDays(11)) + ": yesterday’s session flared things up",
                DAY.format(today.minusDays(24)) + ": pain 7/10",
                "Bird-dog: hurt (" + DAY.format(today.minusDays(12)) + "). Now given in its easier version.",
                "see a clinician before starting",
                "cancer, unexplained weight loss, immunosuppression or steroids, IV drug use: yes",
                "Clearance by a clinician confirmed on " + DATE.format(today.minusDays(15)),
                "Seated exercises only",
                "A meaningful change is 2 points");
        assertThat(text).doesNotContain("rf-history", "share.");

        List<ShareLog> log = logged(chat);
        assertThat(log).hasSize(1);
        assertThat(log.get(0).periodFrom).isEqualTo(today.minusDays(27));
        assertThat(log.get(0).periodTo).isEqualTo(today);
        assertThat(log.get(0).sections).isEqualTo("pain,questionnaires,sessions,bad-mornings,flare-plan,exercises,safety,conditions");

        JsonNode export = new ObjectMapper().readTree(QuarkusTransaction.requiringNew()
                .call(() -> personalData.export(chat.chatId())));
        assertThat(export.path("shares").path(0).path("sections").toString()).contains("pain", "conditions");
        assertThat(export.path("clearanceConditions").path("restrictions").toString()).contains("seated-only");
        // Withdrawing consent erases both: they are health data.
        QuarkusTransaction.requiringNew().run(() -> personalData.eraseHealthData(chat.chatId()));
        assertThat(logged(chat)).isEmpty();
        assertThat(QuarkusTransaction.requiringNew().call(() -> conditions.find(chat.chatId()))).isEmpty();
    }

    @Test
    void withoutConsentThereIsNothingToShare() {
        ChatScreen chat = People.withDefaultProfile(profiles);
        fake.pushText(chat.chatId(), "/share");
        chat.awaitMessage("There is nothing to report yet");
        assertThat(chat.buttons(chat.awaitMessage("There is nothing to report yet"))).isEmpty();
    }

    private List<FakeBotApi.Call> documentsTo(ChatScreen chat) {
        return fake.calls("sendDocument").stream().filter(c -> c.chatId() != null && c.chatId() == chat.chatId()).toList();
    }

    private List<ShareLog> logged(ChatScreen chat) {
        return QuarkusTransaction.requiringNew().call(() -> ShareLog.of(chat.chatId()));
    }

    /** Pain 6 then 5, 4, 3 by week (one 7, one morning missing), five sessions, one that hurt and flared. */
    private void fourWeeksOf(long userId, LocalDate today) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (int daysAgo = 27; daysAgo >= 0; daysAgo--) {
                if (daysAgo == 20) {
                    continue;
                }
                DailyCheckin checkin = new DailyCheckin();
                checkin.telegramUserId = userId;
                checkin.localDate = today.minusDays(daysAgo);
                checkin.pain = daysAgo == 24 ? 7 : 6 - (27 - daysAgo) / 7;
                checkin.stiffness = "lt15";
                checkin.sleep = "good";
                checkin.yesterday = Map.of(13, "fine", 11, "flared", 7, "sore", 2, "fine").get(daysAgo);
                checkin.completedAt = MovableClock.INSTANCE.instant();
                checkin.updatedAt = checkin.completedAt;
                checkin.persist();
            }
            plan(userId, today.minusDays(14), DailyPlan.Status.DONE, 2, null);
            plan(userId, today.minusDays(12), DailyPlan.Status.DONE, 6, "{\"0\":\"hurt\"}");
            plan(userId, today.minusDays(10), DailyPlan.Status.SKIPPED, null, null);
            plan(userId, today.minusDays(8), DailyPlan.Status.PARTIAL, 3, null);
            plan(userId, today.minusDays(3), DailyPlan.Status.DONE, 1, null);

            SafetyScreen screen = new SafetyScreen();
            screen.telegramUserId = userId;
            screen.outcome = SafetyScreen.Outcome.REFER;
            screen.answers = "{\"rf-emergency\":\"no\",\"rf-today\":\"no\",\"rf-history\":\"yes\"}";
            screen.screenedAt = today.minusDays(16).atTime(9, 0).toInstant(ZoneOffset.UTC);
            screen.clearedAt = today.minusDays(15).atTime(18, 0).toInstant(ZoneOffset.UTC);
            screen.persist();

            peg(userId, today.minusDays(21), 6.3);
            peg(userId, today.minusDays(7), 4.0);

            conditions.toggle(userId, Restriction.SEATED_ONLY);
            conditions.until(userId, 4, today);
        });
    }

    /** A weekly PEG answered on that round's date. */
    private static void peg(long userId, LocalDate round, double score) {
        app.backcoach.questionnaire.QuestionnaireResult result = new app.backcoach.questionnaire.QuestionnaireResult();
        result.telegramUserId = userId;
        result.questionnaire = "peg";
        result.questionnaireVersion = 1;
        result.occasion = "weekly";
        result.roundDate = round;
        result.askedAt = round.atTime(8, 0).toInstant(ZoneOffset.UTC);
        result.completedAt = round.atTime(8, 2).toInstant(ZoneOffset.UTC);
        result.answers = "{}";
        result.score = score;
        result.persist();
    }

    private void plan(long userId, LocalDate date, DailyPlan.Status status, Integer painDuring, String outcomes) {
        DailyPlan plan = new DailyPlan();
        plan.telegramUserId = userId;
        plan.localDate = date;
        plan.version = "FULL";
        plan.shape = "STANDARD";
        plan.step = 2;
        plan.items = json.write(List.of(new PlannedItem("bird-dog", PlannedItem.Part.MAIN,
                catalogue.get("bird-dog").dose(), 4), new PlannedItem("cat-camel", PlannedItem.Part.MAIN,
                catalogue.get("cat-camel").dose(), 2)));
        plan.reasons = "[]";
        plan.status = status;
        plan.painDuring = painDuring;
        plan.outcomes = outcomes;
        plan.createdAt = MovableClock.INSTANCE.instant();
        plan.updatedAt = plan.createdAt;
        plan.persist();
    }
}
