package app.backcoach.day;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Where a person is in a guided session (at most one at a time). */
@Entity
@Table(name = "guided_session")
public class GuidedSession extends PanacheEntityBase {

    @Id
    @Column(name = "telegram_user_id")
    public long telegramUserId;

    @Column(name = "plan_id", nullable = false)
    public long planId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public GuidedSteps.State state;

    @Column(name = "item_index", nullable = false)
    public int itemIndex;

    @Column(name = "set_index", nullable = false)
    public int setIndex;

    @Column(name = "message_id")
    public Long messageId;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
