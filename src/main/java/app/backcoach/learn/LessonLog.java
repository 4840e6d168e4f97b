package app.backcoach.learn;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A lesson offered to or read by a person. */
@Entity
@Table(name = "lesson_log")
public class LessonLog extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "telegram_user_id", nullable = false)
    public long telegramUserId;

    @Column(nullable = false)
    public String lesson;

    @Column(name = "offered_at")
    public Instant offeredAt;

    @Column(name = "read_at")
    public Instant readAt;

    public static List<LessonLog> of(long userId) {
        return list("telegramUserId", userId);
    }

    public static Optional<LessonLog> of(long userId, String lesson) {
        return find("telegramUserId = ?1 and lesson = ?2", userId, lesson).firstResultOptional();
    }
}
