package app.backcoach.conditions;

import app.backcoach.catalogue.Restriction;
import app.backcoach.text.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The conditions a clinician set when clearing a paused plan: what is ruled out and until when. Every
 * place that chooses exercises asks {@link #inForce} and filters with {@link Restriction#allows}.
 */
@ApplicationScoped
@Transactional
public class ConditionsService {

    /** The end dates offered: weeks from the day they are set. */
    static final java.util.List<Integer> WEEKS = java.util.List.of(2, 4, 6);

    private final Texts texts;
    private final Clock clock;

    public ConditionsService(Texts texts, Clock clock) {
        this.texts = texts;
        this.clock = clock;
    }

    /** What is ruled out on this local date (empty when nothing is, or the end date has passed). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<Restriction> inForce(long userId, LocalDate date) {
        return ClearanceConditions.of(userId).filter(conditions -> conditions.inForceOn(date))
                .map(ClearanceConditions::restrictionSet).orElse(Set.of());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ClearanceConditions> find(long userId) {
        return ClearanceConditions.of(userId);
    }

    /** Adds the restriction when it is not set, removes it when it is. */
    public ClearanceConditions toggle(long userId, Restriction restriction) {
        ClearanceConditions conditions = findOrCreate(userId);
        Set<Restriction> set = EnumSet.noneOf(Restriction.class);
        set.addAll(conditions.restrictionSet());
        if (!set.remove(restriction)) {
            set.add(restriction);
        }
        conditions.restrictionSet(set);
        conditions.updatedAt = clock.instant();
        return conditions;
    }

    /** Until {@code weeks} weeks after today (inclusive), or with no end date when weeks is 0. */
    public ClearanceConditions until(long userId, int weeks, LocalDate today) {
        ClearanceConditions conditions = findOrCreate(userId);
        conditions.untilDate = weeks == 0 ? null : today.plusWeeks(weeks);
        conditions.updatedAt = clock.instant();
        return conditions;
    }

    /** Nothing ruled out any more. */
    public void clear(long userId) {
        ClearanceConditions.deleteById(userId);
    }

    private ClearanceConditions findOrCreate(long userId) {
        return ClearanceConditions.of(userId).orElseGet(() -> {
            ClearanceConditions created = new ClearanceConditions();
            created.telegramUserId = userId;
            created.restrictions = "";
            created.recordedAt = clock.instant();
            created.updatedAt = created.recordedAt;
            created.persist();
            return created;
        });
    }

    /**
     * The conditions in words (HTML, our own texts only): one line each and the end date, or the text
     * for none. Past conditions count as none.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String describe(long userId, LocalDate today, String language) {
        Optional<ClearanceConditions> conditions = ClearanceConditions.of(userId)
                .filter(stored -> stored.inForceOn(today));
        if (conditions.isEmpty()) {
            return texts.get(language, "conditions.none");
        }
        return conditions.get().restrictionSet().stream()
                .map(restriction -> "• " + texts.get(language, "conditions.restriction." + restriction.code()))
                .collect(Collectors.joining("\n")) + "\n" + until(conditions.get().untilDate, language);
    }

    String until(LocalDate untilDate, String language) {
        return untilDate == null ? texts.get(language, "conditions.until.open")
                : texts.get(language, "conditions.until", "date", date(untilDate, language));
    }

    /** A date as people write it in the language of the text around it. */
    String date(LocalDate date, String language) {
        boolean german = "de".equals(texts.bundle(language).getLocale().getLanguage());
        return date.format(DateTimeFormatter.ofPattern(german ? "d.M.yyyy" : "d MMM yyyy",
                german ? Locale.GERMAN : Locale.ENGLISH));
    }
}
