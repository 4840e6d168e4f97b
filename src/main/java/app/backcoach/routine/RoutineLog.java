package app.backcoach.routine;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** A tap on a short routine or reminder (done, skipped, snoozed), for the weekly picture. */
@Entity
@Table(name = "routine_log")
public class RoutineLog extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "telegram_user_id", nullable = false)
    public long telegramUserId;

    /** reminder, stiff or travel. */
    @Column(nullable = false)
    public String kind;

    @Column(name = "local_date", nullable = false)
    public LocalDate localDate;

    /** done, skipped or snoozed. */
    @Column(nullable = false)
    public String outcome;

    /** The exercise or area it was about. */
    public String detail;

    @Column(name = "message_id")
    public Long messageId;

    @Column(name = "logged_at", nullable = false)
    public Instant loggedAt;
}
