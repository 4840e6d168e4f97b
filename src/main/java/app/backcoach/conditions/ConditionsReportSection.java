package app.backcoach.conditions;

import app.backcoach.share.ReportPeriod;
import app.backcoach.share.ReportSection;
import app.backcoach.text.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** The report's conditions from a clinician, as the person recorded them and as every plan honours them. */
@ApplicationScoped
public class ConditionsReportSection implements ReportSection {

    private final Texts texts;

    public ConditionsReportSection(Texts texts) {
        this.texts = texts;
    }

    @Override
    public String key() {
        return "conditions";
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public String title(String language) {
        return texts.plain(language, "share.conditions.title").orElseThrow();
    }

    @Override
    public List<String> lines(long userId, ReportPeriod period, String language) {
        return ClearanceConditions.of(userId).filter(stored -> stored.inForceOn(period.to())).map(stored -> {
            List<String> lines = new ArrayList<>();
            stored.restrictionSet().forEach(restriction -> lines.add("• " + texts.plain(language,
                    "conditions.restriction." + restriction.code()).orElseThrow()));
            lines.add(texts.plain(language, "share.conditions.recorded", "date",
                    period.date(period.localDate(stored.recordedAt))).orElseThrow() + " "
                    + (stored.untilDate == null ? texts.plain(language, "share.conditions.open").orElseThrow()
                    : texts.plain(language, "conditions.until", "date", period.date(stored.untilDate)).orElseThrow()));
            return lines;
        }).orElse(List.of());
    }
}
