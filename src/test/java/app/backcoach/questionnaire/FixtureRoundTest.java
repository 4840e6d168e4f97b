package app.backcoach.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;

import app.backcoach.privacy.ConsentService;
import app.backcoach.profile.ProfileService;
import app.backcoach.schedule.Scheduler;
import app.backcoach.testing.ChatScreen;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An operator's folder with PEG and a STarT Back-shaped questionnaire (the fixture, placeholder wording): the
 * round asks both, one after the other, scores the fixture into its band, says what the band suggests, and the
 * weekly review follows. The fixture is asked once (onboarding); PEG each week.
 */
@QuarkusTest
@TestProfile(FixtureRoundTest.WithFixture.class)
class FixtureRoundTest {

    public static class WithFixture implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Path folder = Path.of("target", "questionnaires-with-fixture");
            try (InputStream fixture = FixtureRoundTest.class.getResourceAsStream(
                    "/questionnaires/start-back-fixture.yaml")) {
                Files.createDirectories(folder);
                Files.copy(Path.of("config/questionnaires/peg.yaml"), folder.resolve("peg.yaml"),
                        StandardCopyOption.REPLACE_EXISTING);
                Files.copy(fixture, folder.resolve("start-back-fixture.yaml"), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of("questionnaires.path", folder.toString());
        }
    }

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
    QuestionnaireService service;

    @Test
    void pegThenTheFixtureThenTheReviewWithTheHighBandsAdvice() {
        ChatScreen chat = Rounds.activeWeeks(profiles, consent, clock);
        LocalDate today = profiles.today(chat.chatId());
        Rounds.reviewDue(chat, profiles, entityManager, clock);

        scheduler.runDue();

        chat.tap("PEG: pain, enjoyment, activity · 1 of 3", "dlg:q-peg.pain.5");
        chat.tap("2 of 3", "dlg:q-peg.enjoyment.5");
        chat.tap("3 of 3", "dlg:q-peg.activity.5");
        chat.awaitMessage("Your score: 5 (on a scale from 0 to 10)");
        JsonNode first = chat.awaitMessage("Back screening (fixture) · 1 of 9");
        assertThat(first.path("text").asText()).contains("Intro placeholder.", "Item 1 placeholder");
        assertThat(labels(first)).containsExactly("Option A placeholder", "Option B placeholder");
        // Physical items 1-4 disagree, psychosocial items 5-8 agree, item 9 the fifth answer: psychosocial 5 → high.
        for (int item = 1; item <= 8; item++) {
            chat.tap("Back screening (fixture) · " + item + " of 9", "dlg:q-sbst.i" + item + "."
                    + (item >= 5 ? "agree" : "disagree"));
        }
        JsonNode ninth = chat.awaitMessage("Back screening (fixture) · 9 of 9");
        assertThat(labels(ninth)).containsExactly("Option 1 placeholder", "Option 2 placeholder",
                "Option 3 placeholder", "Option 4 placeholder", "Option 5 placeholder", "‹ Back");
        chat.tap("Back screening (fixture) · 9 of 9", "dlg:q-sbst.i9.e");

        String thanks = chat.awaitMessage("Back screening (fixture): thank you").path("text").asText();
        assertThat(thanks).contains("Your score: 5 (on a scale from 0 to 9)",
                "psychologically informed physiotherapy", "Please ask your doctor or physiotherapist");
        chat.awaitMessage("Your week, ");

        QuestionnaireResults.Score screening = QuarkusTransaction.requiringNew().call(() ->
                results.scores(chat.chatId(), "sbst", today, today)).get(0);
        assertThat(screening.score()).isEqualTo(5.0);
        assertThat(screening.subscales()).containsExactly(Map.entry("psychosocial", 5.0));
        assertThat(screening.band()).contains("high");
        assertThat(screening.effect()).isEqualTo(Questionnaire.Effect.CLINICIAN_GUIDED);
        // Next week's round: PEG again, the screening not.
        assertThat(QuarkusTransaction.requiringNew().call(() -> service.due(chat.chatId(), today.plusDays(7))))
                .extracting(Questionnaire::id).containsExactly("peg");
    }

    @Test
    void aLowTotalSuggestsSelfManagement() {
        ChatScreen chat = Rounds.activeWeeks(profiles, consent, clock);
        Rounds.reviewDue(chat, profiles, entityManager, clock);
        scheduler.runDue();
        chat.tap("PEG: pain, enjoyment, activity · 1 of 3", "dlg:q-peg.pain.2");
        chat.tap("2 of 3", "dlg:q-peg.enjoyment.1");
        chat.tap("3 of 3", "dlg:q-peg.activity.1");
        for (int item = 1; item <= 8; item++) {
            chat.tap("Back screening (fixture) · " + item + " of 9", "dlg:q-sbst.i" + item + "."
                    + (item <= 2 ? "agree" : "disagree"));
        }
        chat.tap("Back screening (fixture) · 9 of 9", "dlg:q-sbst.i9.b");

        assertThat(chat.awaitMessage("Back screening (fixture): thank you").path("text").asText())
                .contains("Your score: 2 (on a scale from 0 to 9)", "keep moving in your day");
    }

    private static List<String> labels(JsonNode message) {
        List<String> labels = new java.util.ArrayList<>();
        message.path("reply_markup").path("inline_keyboard")
                .forEach(row -> row.forEach(button -> labels.add(button.path("text").asText())));
        return labels;
    }
}
