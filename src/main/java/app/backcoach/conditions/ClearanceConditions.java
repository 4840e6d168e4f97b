package app.backcoach.conditions;

import app.backcoach.catalogue.Restriction;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The conditions a person recorded from their clinician: what is ruled out, and until when (none: until changed). */
@Entity
@Table(name = "clearance_conditions")
public class ClearanceConditions extends PanacheEntityBase {

    @Id
    @Column(name = "telegram_user_id")
    public long telegramUserId;

    /** Restriction codes, comma-separated ({@code seated-only,no-loaded-flexion}); may be empty while editing. */
    @Column(nullable = false)
    public String restrictions;

    @Column(name = "until_date")
    public LocalDate untilDate;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Optional<ClearanceConditions> of(long userId) {
        return findByIdOptional(userId);
    }

    public Set<Restriction> restrictionSet() {
        Set<Restriction> set = EnumSet.noneOf(Restriction.class);
        Arrays.stream(restrictions.split(",")).map(Restriction::of).flatMap(Optional::stream).forEach(set::add);
        return set;
    }

    void restrictionSet(Set<Restriction> set) {
        restrictions = set.stream().sorted().map(Restriction::code).collect(Collectors.joining(","));
    }

    /** In force on this local date: something ruled out, and the end date (if any) not passed. */
    public boolean inForceOn(LocalDate date) {
        return !restrictionSet().isEmpty() && (untilDate == null || !date.isAfter(untilDate));
    }
}
