package app.backcoach.privacy;

import static app.backcoach.testing.CheckIns.checkIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.backcoach.profile.ProfileService;
import app.backcoach.review.PlanChange;
import app.backcoach.safety.SafetyScreen;
import app.backcoach.testing.ChatScreen;
import app.backcoach.testing.FakeBotApi;
import app.backcoach.testing.MovableClock;
import app.backcoach.testing.People;
import app.backcoach.text.Texts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * /export in words a person can read: reasons as their text (with the stable code beside it), stored
 * answers as real JSON objects, and a caption that says honestly where the format is described.
 */
@QuarkusTest
class ExportReadableTest {

    /** A text key where a person would expect words ("tweak.reason.hold-few", "rule.recovering-phase"). */
    private static final Pattern TEXT_KEY = Pattern.compile("(tweak|rule|checkin|plan|profile)\\.[a-z0-9.-]+");

    private final FakeBotApi fake = FakeBotApi.instance();

    @Inject
    ProfileService profiles;

    @Inject
    ConsentService consent;

    @Test
    void reasonsAreWordsAndAnswersAreObjects() throws Exception {
        ChatScreen chat = People.readyToCheckIn(profiles, consent);
        QuarkusTransaction.requiringNew().run(() -> {
            SafetyScreen screen = new SafetyScreen();
            screen.telegramUserId = chat.chatId();
            screen.outcome = SafetyScreen.Outcome.CLEAR;
            screen.answers = "{\"rf-bladder\":\"no\",\"rf-night\":\"no\"}";
            screen.screenedAt = MovableClock.INSTANCE.instant();
            screen.persist();
            PlanChange change = new PlanChange();
            change.telegramUserId = chat.chatId();
            change.proposedAt = MovableClock.INSTANCE.instant();
            change.kind = "HOLD";
            change.reason = "tweak.reason.hold-few";
            change.decision = PlanChange.Decision.PENDING;
            change.persist();
        });
        checkIn(chat, "2", null, "desk");

        fake.pushText(chat.chatId(), "/export");
        FakeBotApi.Call upload = await().atMost(Duration.ofSeconds(20)).until(() -> fake.calls("sendDocument").stream()
                .filter(call -> call.chatId() != null && call.chatId() == chat.chatId()).findFirst(), Optional::isPresent)
                .orElseThrow();
        JsonNode export = new ObjectMapper().readTree(FakeBotApi.documentContent(upload));

        JsonNode change = export.path("planChanges").path(0);
        assertThat(change.path("reason").asText()).startsWith("There were fewer than three sessions this week");
        assertThat(change.path("reasonCode").asText()).isEqualTo("tweak.reason.hold-few");
        JsonNode reason = export.path("plans").path(0).path("reasons").path(0);
        assertThat(reason.path("rule").asText()).isNotBlank();
        assertThat(reason.path("reasonCode").asText()).startsWith("rule.");
        assertThat(reason.path("reason").asText()).doesNotStartWith("rule.").contains(" ");
        JsonNode answers = export.path("safetyScreens").path(1).path("answers");
        assertThat(answers.isObject()).as("answers as an object: %s", answers).isTrue();
        assertThat(answers.path("rf-bladder").asText()).isEqualTo("no");

        // Nowhere in these sections a text key in place of words, or JSON hidden inside a string.
        List<String> unreadable = new ArrayList<>();
        for (String section : List.of("safetyScreens", "profile", "checkins", "plans", "planChanges")) {
            collectUnreadable(section, export.path(section), unreadable);
        }
        assertThat(unreadable).isEmpty();

        String caption = upload.params().path("caption").asText();
        assertThat(caption).contains("“Your data export”", "README").doesNotContain("my documentation");
    }

    @Test
    void theCaptionLinksTheFormatWhereTheOperatorPublishedIt() {
        Texts texts = new Texts();
        assertThat(ExportCommand.caption(texts, "en", Optional.of("https://coach.example.org/data-export")))
                .contains("<a href=\"https://coach.example.org/data-export\">Your data export</a>");
        assertThat(ExportCommand.caption(texts, "de", Optional.of("javascript:alert(1)")))
                .contains("README").doesNotContain("href");
        assertThat(ExportCommand.caption(texts, "de", Optional.empty())).contains("„Your data export“", "README");
    }

    private static void collectUnreadable(String path, JsonNode node, List<String> unreadable) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
                if (!field.getKey().equals("reasonCode")) {
                    collectUnreadable(path + "." + field.getKey(), field.getValue(), unreadable);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectUnreadable(path + "[" + i + "]", node.get(i), unreadable);
            }
        } else if (node.isTextual()) {
            String text = node.asText().strip();
            if (TEXT_KEY.matcher(text).matches() || text.startsWith("{") || text.startsWith("[")) {
                unreadable.add(path + " = " + text);
            }
        }
    }
}
