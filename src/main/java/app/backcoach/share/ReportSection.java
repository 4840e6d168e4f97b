package app.backcoach.share;

import java.util.List;

/**
 * One part of the report for a clinician (/share). A feature that has something a physiotherapist or
 * doctor should see provides a bean of this type; /share lists every section's title before the
 * person taps, and the report shows them in {@link #order()}. Texts are plain (the PDF is no HTML),
 * in the person's language.
 */
public interface ReportSection {

    /** Stable name, kept in the share log: which parts a report contained. */
    String key();

    /** Place in the report, lower first (pain 10, sessions 20, …); leave gaps for new sections. */
    int order();

    /** The heading, also listed by /share before anything is made. */
    String title(String language);

    /** The section's lines for this person and period; empty when nothing was recorded in it. */
    List<String> lines(long userId, ReportPeriod period, String language);
}
