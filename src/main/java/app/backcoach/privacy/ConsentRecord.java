package app.backcoach.privacy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** One consent decision; the latest one counts. */
@Entity
@Table(name = "consent_record")
public class ConsentRecord extends PanacheEntityBase {

    public enum Decision { GIVEN, DECLINED, WITHDRAWN }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "telegram_user_id", nullable = false)
    public long telegramUserId;

    @Column(name = "policy_version", nullable = false)
    public String policyVersion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Decision decision;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;

    public static Optional<ConsentRecord> latest(long telegramUserId) {
        return find("telegramUserId = ?1 order by decidedAt desc, id desc", telegramUserId).firstResultOptional();
    }
}
