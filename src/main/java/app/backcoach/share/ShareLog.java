package app.backcoach.share;

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

/** A report the person created for their clinician: when, the days it covered, the sections in it. */
@Entity
@Table(name = "share_log")
public class ShareLog extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "telegram_user_id", nullable = false)
    public long telegramUserId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "period_from", nullable = false)
    public LocalDate periodFrom;

    @Column(name = "period_to", nullable = false)
    public LocalDate periodTo;

    /** Section keys, comma-separated, in report order. */
    @Column(nullable = false)
    public String sections;

    public static List<ShareLog> of(long userId) {
        return list("telegramUserId = ?1 order by createdAt", userId);
    }
}
