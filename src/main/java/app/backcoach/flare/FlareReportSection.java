package app.backcoach.flare;

import app.backcoach.share.ReportPeriod;
import app.backcoach.share.ReportSection;
import app.backcoach.text.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * The report's flare-up plan: what the person wrote for a bad day (positions, walking, breathing, their own
 * trigger and note), so their clinician can check it fits. Nothing when they have not written one.
 */
@ApplicationScoped
public class FlareReportSection implements ReportSection {

    private final Texts texts;

    public FlareReportSection(Texts texts) {
        this.texts = texts;
    }

    @Override
    public String key() {
        return "flare-plan";
    }

    @Override
    public int order() {
        return 35;
    }

    @Override
    public String title(String language) {
        return texts.plain(language, "share.flare.title").orElseThrow();
    }

    @Override
    public List<String> lines(long userId, ReportPeriod period, String language) {
        FlarePlan plan = FlarePlan.of(userId).filter(FlarePlan::written).orElse(null);
        if (plan == null) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        lines.add(text(language, "share.flare.written", "date", period.date(period.localDate(plan.writtenAt))));
        plan.positionList().forEach(position -> lines.add("• " + text(language, "flare.position." + position)));
        if (plan.walking != null) {
            lines.add("• " + text(language, "flare.walking." + plan.walking));
        }
        if (plan.breathing != null) {
            lines.add("• " + text(language, "flare.breathing." + plan.breathing));
        }
        if (plan.avoid != null && !"nothing".equals(plan.avoid)) {
            lines.add(text(language, "flare.avoid.own." + plan.avoid));
        }
        if (plan.note != null && !plan.note.isBlank()) {
            lines.add(text(language, "share.flare.note", "note", plan.note));
        }
        return lines;
    }

    private String text(String language, String key, Object... arguments) {
        return texts.plain(language, key, arguments).orElse(key);
    }
}
