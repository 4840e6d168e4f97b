package app.backcoach.questionnaire;

import app.backcoach.share.ReportPeriod;
import app.backcoach.share.ReportSection;
import app.backcoach.text.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * The report's outcome measures: each questionnaire in use (PEG every week) with its scores in the period,
 * and the band where the file declares bands, so a clinician sees the measure they know beside daily pain.
 */
@ApplicationScoped
public class QuestionnaireReportSection implements ReportSection {

    private final QuestionnaireResults results;
    private final Questionnaires questionnaires;
    private final Texts texts;

    public QuestionnaireReportSection(QuestionnaireResults results, Questionnaires questionnaires, Texts texts) {
        this.results = results;
        this.questionnaires = questionnaires;
        this.texts = texts;
    }

    @Override
    public String key() {
        return "questionnaires";
    }

    @Override
    public int order() {
        return 15;
    }

    @Override
    public String title(String language) {
        return texts.plain(language, "share.questionnaires.title").orElseThrow();
    }

    @Override
    public List<String> lines(long userId, ReportPeriod period, String language) {
        List<String> lines = new ArrayList<>();
        for (Questionnaire questionnaire : questionnaires.all()) {
            List<QuestionnaireResults.Score> scores = results.scores(userId, questionnaire.id(), period.from(), period.to());
            if (scores.isEmpty()) {
                continue;
            }
            lines.add(QuestionnaireResults.title(questionnaire, language) + " (" + QuestionnaireService.number(questionnaire.minTotal())
                    + "–" + QuestionnaireService.number(questionnaire.maxTotal()) + ")");
            for (QuestionnaireResults.Score score : scores) {
                lines.add("• " + period.day(score.date()) + ": " + QuestionnaireService.number(score.score())
                        + score.band().map(band -> " · " + band).orElse(""));
            }
        }
        return lines;
    }
}
