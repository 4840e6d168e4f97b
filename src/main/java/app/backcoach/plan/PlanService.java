package app.backcoach.plan;

import app.backcoach.catalogue.Catalogue;
import app.backcoach.checkin.DailyCheckin;
import app.backcoach.coaching.DayDecision;
import app.backcoach.coaching.DayFacts;
import app.backcoach.coaching.DayPlanner;
import app.backcoach.coaching.Decision;
import app.backcoach.coaching.PlannedItem;
import app.backcoach.coaching.SessionComposer;
import app.backcoach.coaching.Shape;
import app.backcoach.coaching.Signals;
import app.backcoach.coaching.Version;
import app.backcoach.profile.UserProfile;
import app.backcoach.safety.SafetyScreen;
import com.fasterxml.jackson.core.type.TypeReference;
import app.backcoach.support.StoredJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** Decides and keeps each day's plan: facts from storage, the rules, the composer. */
@ApplicationScoped
@Transactional
public class PlanService {

    /** Days of check-ins the pain baseline is taken over. */
    static final int BASELINE_DAYS = 7;

    private final Catalogue catalogue;
    private final StoredJson json;
    private final Clock clock;

    public PlanService(Catalogue catalogue, StoredJson json, Clock clock) {
        this.catalogue = catalogue;
        this.json = json;
        this.clock = clock;
    }

    public Optional<DailyPlan> on(long userId, LocalDate date) {
        return DailyPlan.on(userId, date);
    }

    /** Whether the day before {@code date} had a session, so this morning's check-in asks how it feels. */
    public boolean hadSessionBefore(long userId, LocalDate date) {
        return DailyPlan.on(userId, date.minusDays(1)).filter(plan -> plan.status.happened()).isPresent();
    }

    /**
     * Whether the day before {@code date} ended its guided session with symptoms in a leg, so this
     * morning's check-in asks about the leg first.
     */
    public boolean legSymptomsBefore(long userId, LocalDate date) {
        return DailyPlan.on(userId, date.minusDays(1))
                .filter(plan -> plan.outcomes != null)
                .map(plan -> json.read(plan.outcomes, new TypeReference<java.util.Map<String, String>>() {
                }, "session outcomes"))
                .filter(outcomes -> outcomes.containsValue(DailyPlan.LEG_SYMPTOMS))
                .isPresent();
    }

    /** Plans the day from its check-in; a revised check-in replans it until the session is finished. */
    public DailyPlan plan(UserProfile profile, DailyCheckin checkin) {
        DayFacts facts = facts(profile, checkin.localDate, checkin.signals());
        DayDecision decision = checkin.chosenVersion == null ? DayPlanner.decide(facts)
                : DayPlanner.selfAdjusted(facts, Version.valueOf(checkin.chosenVersion.toUpperCase(java.util.Locale.ROOT)
                        .replace('-', '_')));
        DailyPlan plan = DailyPlan.on(profile.telegramUserId, checkin.localDate).orElseGet(() -> {
            DailyPlan created = new DailyPlan();
            created.telegramUserId = profile.telegramUserId;
            created.localDate = checkin.localDate;
            created.createdAt = clock.instant();
            created.status = DailyPlan.Status.PLANNED;
            return created;
        });
        if (plan.status.finished()) {
            // The day's session is on record; a later check-in must not rewrite what was done.
            return plan;
        }
        store(plan, decision, compose(profile, decision, checkin.localDate), decision.reasons());
        return plan;
    }

    /** "Shorter version": one version down, the same day otherwise; empty when it is already the shortest. */
    public Optional<DailyPlan> shorter(UserProfile profile, DailyPlan plan) {
        Version current = Version.valueOf(plan.version);
        if (current.shorter() == current) {
            return Optional.empty();
        }
        DayDecision shorter = new DayDecision(current.shorter(), Shape.valueOf(plan.shape), plan.step,
                plan.reliefFocus, false, plan.settled, plan.progressed, List.of());
        List<Decision> reasons = new ArrayList<>(reasons(plan));
        reasons.add(Decision.because("asked-shorter", "rule.asked-shorter"));
        store(plan, shorter, compose(profile, shorter, plan.localDate), reasons);
        return Optional.of(plan);
    }

    public List<PlannedItem> items(DailyPlan plan) {
        return json.read(plan.items, new TypeReference<>() {
        }, "plan items");
    }

    public List<Decision> reasons(DailyPlan plan) {
        return json.read(plan.reasons, new TypeReference<>() {
        }, "plan reasons");
    }

    public void replaceItems(DailyPlan plan, List<PlannedItem> items) {
        plan.items = json.write(items);
        plan.updatedAt = clock.instant();
    }

    /**
     * Moves the day's session on (started, done, partly done, not today). A finished session is on
     * record and stays as it is, whatever an old button asks.
     *
     * @return false when the plan was already finished and nothing changed
     */
    public boolean mark(DailyPlan plan, DailyPlan.Status status) {
        if (plan.status.finished()) {
            return false;
        }
        plan.status = status;
        plan.updatedAt = clock.instant();
        if (status != DailyPlan.Status.STARTED && status != DailyPlan.Status.PLANNED) {
            plan.finishedAt = clock.instant();
        }
        return true;
    }

    /** What the rules look at, from what is stored before {@code date}. */
    DayFacts facts(UserProfile profile, LocalDate date, Signals signals) {
        long userId = profile.telegramUserId;
        OptionalDouble baseline = DailyCheckin.between(userId, date.minusDays(BASELINE_DAYS), date).stream()
                .filter(checkin -> checkin.pain != null).mapToInt(checkin -> checkin.pain).average();
        Optional<DailyPlan> yesterday = DailyPlan.on(userId, date.minusDays(1));
        int step = DailyPlan.before(userId, date).map(plan -> plan.step).orElse(DayFacts.firstStep(profile.phase));
        boolean redFlag = SafetyScreen.pausingPlan(userId).isPresent();
        return new DayFacts(signals, redFlag, baseline.isPresent() ? baseline.getAsDouble() : null,
                yesterday.filter(plan -> plan.demanding && plan.status != DailyPlan.Status.SKIPPED).isPresent(),
                yesterday.filter(plan -> plan.settled).isPresent(),
                yesterday.filter(plan -> plan.progressed).isPresent(),
                step, profile.phase, profile.sessionMinutes);
    }

    private List<PlannedItem> compose(UserProfile profile, DayDecision decision, LocalDate date) {
        return new SessionComposer(catalogue).compose(decision,
                new SessionComposer.Setting(profile.equipment, profile.phase, profile.sessionMinutes), date);
    }

    private void store(DailyPlan plan, DayDecision decision, List<PlannedItem> items, List<Decision> reasons) {
        plan.version = decision.version().name();
        plan.shape = decision.shape().name();
        plan.step = decision.step();
        plan.reliefFocus = decision.reliefFocus();
        plan.demanding = decision.demanding();
        plan.settled = decision.settled();
        plan.progressed = decision.progressed();
        plan.items = json.write(items);
        plan.reasons = json.write(reasons);
        plan.updatedAt = clock.instant();
        if (!plan.isPersistent()) {
            plan.persist();
        }
    }
}
