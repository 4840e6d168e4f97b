package app.backcoach.questionnaire;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One questionnaire asked of one person: written when asked, completed with its score when every item is answered. */
@Entity
@Table(name = "questionnaire_result")
public class QuestionnaireResult extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "telegram_user_id", nullable = false)
    public long telegramUserId;

    /** The questionnaire's id (its file's {@code id}). */
    @Column(nullable = false)
    public String questionnaire;

    @Column(name = "questionnaire_version", nullable = false)
    public int questionnaireVersion;

    @Column(nullable = false)
    public String occasion;

    @Column(name = "round_date", nullable = false)
    public LocalDate roundDate;

    @Column(name = "asked_at", nullable = false)
    public Instant askedAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    /** JSON: item id → chosen value. */
    public String answers;

    public Double score;

    /** JSON: subscale → score. */
    public String subscales;

    public String band;

    public String effect;

    public static List<QuestionnaireResult> of(long userId) {
        return list("telegramUserId = ?1 order by askedAt, id", userId);
    }

    /** Whether any questionnaire was asked in the person's round of that date (a round is asked once). */
    static boolean roundStarted(long userId, LocalDate roundDate) {
        return count("telegramUserId = ?1 and roundDate = ?2", userId, roundDate) > 0;
    }

    /** Whether this questionnaire was asked in a round after {@code after}. */
    static boolean askedAfter(long userId, String questionnaire, LocalDate after) {
        return count("telegramUserId = ?1 and questionnaire = ?2 and roundDate > ?3", userId, questionnaire, after) > 0;
    }

    static boolean everAsked(long userId, String questionnaire) {
        return count("telegramUserId = ?1 and questionnaire = ?2", userId, questionnaire) > 0;
    }
}
