package app.backcoach.questionnaire;

import java.time.LocalDate;

/**
 * Fired in the update's transaction when the last questionnaire due in a person's round has been answered;
 * the weekly review, which waited for the answers, follows it.
 */
public record QuestionnaireRoundDone(long chatId, long userId, String languageCode, LocalDate roundDate) {
}
