package app.backcoach.safety;

import app.backcoach.share.ReportPeriod;
import app.backcoach.share.ReportSection;
import app.backcoach.text.Texts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The report's safety checks: each screen in the period (and the one before it, so the reader knows
 * where the person started), where it was asked, the answers that were not "no", the tier, and when
 * a clinician's clearance was confirmed; then any advice to see a clinician.
 */
@ApplicationScoped
public class TriageReportSection implements ReportSection {

    private final Texts texts;
    private final ObjectMapper json;

    public TriageReportSection(Texts texts, ObjectMapper json) {
        this.texts = texts;
        this.json = json;
    }

    @Override
    public String key() {
        return "safety";
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public String title(String language) {
        return text(language, "share.safety.title");
    }

    @Override
    public List<String> lines(long userId, ReportPeriod period, String language) {
        List<SafetyScreen> screens = SafetyScreen.list("telegramUserId = ?1 order by screenedAt, id", userId);
        List<SafetyScreen> shown = new ArrayList<>();
        Optional<SafetyScreen> before = screens.stream()
                .filter(screen -> period.localDate(screen.screenedAt).isBefore(period.from()))
                .reduce((first, second) -> second);
        before.ifPresent(shown::add);
        screens.stream().filter(screen -> period.contains(screen.screenedAt)).forEach(shown::add);
        List<String> lines = new ArrayList<>();
        for (SafetyScreen screen : shown) {
            StringBuilder line = new StringBuilder("• ").append(period.date(period.localDate(screen.screenedAt)))
                    .append(", ").append(textOr(language, "share.safety.source." + screen.source, screen.source))
                    .append(": ").append(text(language, "share.safety.outcome." + screen.outcome.name().toLowerCase(
                            java.util.Locale.ROOT)));
            List<String> answers = answers(screen, language);
            if (!answers.isEmpty()) {
                line.append(" (").append(String.join("; ", answers)).append(")");
            }
            if (screen.clearedAt != null) {
                line.append(". ").append(text(language, "share.safety.cleared", "date",
                        period.date(period.localDate(screen.clearedAt))));
            }
            lines.add(line.append('.').toString().replace("..", "."));
        }
        SafetyEscalation.<SafetyEscalation>list("telegramUserId = ?1 order by advisedAt", userId).stream()
                .filter(advice -> period.contains(advice.advisedAt))
                .forEach(advice -> lines.add("• " + period.date(period.localDate(advice.advisedAt)) + ": "
                        + textOr(language, "share.safety.escalation." + advice.reason, advice.reason)));
        return lines;
    }

    /** The answers that were anything but "no", in words. */
    private List<String> answers(SafetyScreen screen, String language) {
        List<String> said = new ArrayList<>();
        JsonNode answers = screen.answers == null ? null : readOrNull(screen.answers);
        if (answers == null || !answers.isObject()) {
            return said;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = answers.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String answer = field.getValue().asText();
            if (!RedFlags.NO.equals(answer)) {
                said.add(textOr(language, "share.safety.q." + field.getKey(), field.getKey()) + ": "
                        + textOr(language, "share.safety.a." + answer, answer));
            }
        }
        return said;
    }

    private JsonNode readOrNull(String stored) {
        try {
            return json.readTree(stored);
        } catch (java.io.IOException unreadable) {
            return null;
        }
    }

    private String textOr(String language, String key, String fallback) {
        return texts.plain(language, key).orElse(fallback);
    }

    private String text(String language, String key, Object... arguments) {
        return texts.plain(language, key, arguments).orElseThrow(() -> new IllegalStateException("No text " + key));
    }
}
