package app.backcoach.questionnaire;

import app.backcoach.personal.PersonalData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;

/** Each questionnaire asked: when, the answers, the score, the band and what it suggested. */
@ApplicationScoped
public class QuestionnairePersonalData implements PersonalData {

    record Answered(String questionnaire, int version, String occasion, LocalDate roundDate, Instant askedAt,
                    Instant completedAt, JsonNode answers, Double score, JsonNode subscales, String band,
                    String effect) {
    }

    private final ObjectMapper json;

    public QuestionnairePersonalData(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public String section() {
        return "questionnaires";
    }

    @Override
    public Object export(long userId) {
        return QuestionnaireResult.of(userId).stream().map(row -> new Answered(row.questionnaire,
                row.questionnaireVersion, row.occasion, row.roundDate, row.askedAt, row.completedAt,
                PersonalData.storedJson(json, row.answers), row.score, PersonalData.storedJson(json, row.subscales),
                row.band, row.effect)).toList();
    }

    @Override
    public boolean isHealthData() {
        return true;
    }

    @Override
    public void erase(long userId) {
        QuestionnaireResult.delete("telegramUserId", userId);
    }
}
