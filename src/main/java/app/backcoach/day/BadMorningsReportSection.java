package app.backcoach.day;

import app.backcoach.coaching.Signals;
import app.backcoach.share.ReportPeriod;
import app.backcoach.share.ReportSection;
import app.backcoach.text.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * The report's flare-ups and bad mornings: a morning that said yesterday's session flared things up,
 * pain of 7 or more, or a leg still affected after a session, each with its date.
 */
@ApplicationScoped
public class BadMorningsReportSection implements ReportSection {

    /** Pain from here on is a bad morning (the rules' "severe pain"). */
    static final int SEVERE = 7;

    private final Texts texts;

    public BadMorningsReportSection(Texts texts) {
        this.texts = texts;
    }

    @Override
    public String key() {
        return "bad-mornings";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public String title(String language) {
        return texts.plain(language, "share.bad.title").orElseThrow();
    }

    @Override
    public List<String> lines(long userId, ReportPeriod period, String language) {
        List<DailyCheckin> mornings = new ArrayList<>(DailyCheckin.between(userId, period.from(), period.end()));
        mornings.sort(java.util.Comparator.comparing(checkin -> checkin.localDate));
        List<String> lines = new ArrayList<>();
        for (DailyCheckin morning : mornings) {
            List<String> what = new ArrayList<>();
            if (Signals.NextDay.FLARED.code().equals(morning.yesterday)) {
                what.add(text(language, "share.bad.flared"));
            }
            if (morning.pain != null && morning.pain >= SEVERE) {
                what.add(text(language, "share.bad.severe", "pain", morning.pain));
            }
            if (morning.leg != null && !app.backcoach.safety.RedFlags.LEG_SETTLED.equals(morning.leg)) {
                what.add(text(language, "share.bad.leg." + morning.leg));
            }
            if (!what.isEmpty()) {
                lines.add("• " + period.day(morning.localDate) + ": " + String.join("; ", what));
            }
        }
        return lines;
    }

    private String text(String language, String key, Object... arguments) {
        return texts.plain(language, key, arguments).orElse(key);
    }
}
