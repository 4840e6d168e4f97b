package app.backcoach.flare;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A person's flare-up plan, as they wrote it on a calm day, and when it was offered and last shown.
 * A row can exist without a written plan: the offer (once) and the day it was last shown are kept
 * so neither repeats.
 */
@Entity
@Table(name = "flare_plan")
public class FlarePlan extends PanacheEntityBase {

    @Id
    @Column(name = "telegram_user_id")
    public long telegramUserId;

    /** Choice values of the positions that ease, best first, comma-separated (e.g. "side-pillow,walking"). */
    public String positions;

    public String walking;

    public String breathing;

    public String avoid;

    /** The person's own words, shown escaped. */
    public String note;

    @Column(name = "offered_at")
    public Instant offeredAt;

    @Column(name = "written_at")
    public Instant writtenAt;

    /** The person's local date it was last shown at once after a check-in. */
    @Column(name = "shown_on")
    public LocalDate shownOn;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public boolean written() {
        return writtenAt != null;
    }

    public List<String> positionList() {
        return positions == null || positions.isBlank() ? List.of() : Arrays.asList(positions.split(","));
    }

    public static Optional<FlarePlan> of(long userId) {
        return findByIdOptional(userId);
    }

    /** The person's row, created (not yet stored) when there is none. */
    static FlarePlan forUser(long userId, Instant now) {
        return FlarePlan.<FlarePlan>findByIdOptional(userId).orElseGet(() -> {
            FlarePlan created = new FlarePlan();
            created.telegramUserId = userId;
            created.updatedAt = now;
            return created;
        });
    }
}
