package app.backcoach.share;

import app.backcoach.text.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import app.backcoach.profile.UserProfile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Makes the report for a clinician from every {@link ReportSection}, and logs that it was made. */
@ApplicationScoped
@Transactional
public class ShareService {

    /** A made report: the PDF and its file name. */
    public record Created(String fileName, byte[] pdf, ReportPeriod period) {
    }

    private final Instance<ReportSection> sections;
    private final Texts texts;
    private final Clock clock;
    private final ReportPdf pdf = new ReportPdf();

    public ShareService(Instance<ReportSection> sections, Texts texts, Clock clock) {
        this.sections = sections;
        this.texts = texts;
        this.clock = clock;
    }

    /** The sections in report order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ReportSection> sections() {
        return sections.stream().sorted(Comparator.comparingInt(ReportSection::order)
                .thenComparing(ReportSection::key)).toList();
    }

    /** Writes the report over the four weeks up to {@code today} and logs it; the caller sends it. */
    public Created create(long userId, LocalDate today, String language) {
        ReportPeriod period = ReportPeriod.endingOn(today, language, zone(userId));
        List<ReportSection> parts = sections();
        List<ReportPdf.Part> written = new ArrayList<>();
        for (ReportSection section : parts) {
            written.add(new ReportPdf.Part(section.title(language), section.lines(userId, period, language)));
        }
        ReportPdf.Report report = new ReportPdf.Report(
                plain(language, "share.report.title"),
                List.of(plain(language, "share.report.period", "from", period.date(period.from()),
                                "to", period.date(period.to()), "days", String.valueOf(period.days())),
                        plain(language, "share.report.about")),
                written,
                plain(language, "share.report.footer"));
        byte[] bytes = pdf.render(report, plain(language, "share.report.nothing"));

        ShareLog log = new ShareLog();
        log.telegramUserId = userId;
        log.createdAt = clock.instant();
        log.periodFrom = period.from();
        log.periodTo = period.to();
        log.sections = parts.stream().map(ReportSection::key).collect(Collectors.joining(","));
        log.persist();
        return new Created("back-report-" + period.to() + ".pdf", bytes, period);
    }

    /** The person's zone (UTC before set-up). */
    public static ZoneId zone(long userId) {
        return UserProfile.<UserProfile>findByIdOptional(userId).map(profile -> ZoneId.of(profile.timeZone))
                .orElse(ZoneOffset.UTC);
    }

    private String plain(String language, String key, Object... arguments) {
        return texts.plain(language, key, arguments).orElseThrow(() -> new IllegalStateException("No text " + key));
    }
}
