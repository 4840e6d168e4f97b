package app.backcoach.day;

import app.backcoach.catalogue.Catalogue;
import app.backcoach.catalogue.Restriction;
import app.backcoach.conditions.ConditionsService;
import app.backcoach.coaching.DayDecision;
import app.backcoach.coaching.DayFacts;
import app.backcoach.coaching.DayPlanner;
import app.backcoach.coaching.Decision;
import app.backcoach.coaching.PlannedItem;
import app.backcoach.coaching.SessionComposer;
import app.backcoach.coaching.SessionFeedback;
import app.backcoach.coaching.Tolerance;
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
    /** Days of plans the ladder and the session feedback look back over. */
    static final int HISTORY_DAYS = 28;
    /** The reason a plan names when the clinician's conditions changed its exercises. */
    static final String CONDITIONS_RULE = "clearance-conditions";

    private final Catalogue catalogue;
    private final StoredJson json;
    private final Clock clock;
    private final ConditionsService conditions;

    public PlanService(Catalogue catalogue, StoredJson json, Clock clock, ConditionsService conditions) {
        this.catalogue = catalogue;
        this.json = json;
        this.clock = clock;
        this.conditions = conditions;
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
                .filter(plan -> outcomes(plan).containsValue(DailyPlan.LEG_SYMPTOMS))
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
        List<Decision> reasons = new ArrayList<>(decision.reasons());
        store(plan, decision, compose(profile, decision, checkin.localDate, reasons), reasons);
        return plan;
    }

    /** "Shorter version": one version down, the same day otherwise; empty when it is already the shortest. */
    public Optional<DailyPlan> shorter(UserProfile profile, DailyPlan plan) {
        Version current = Version.valueOf(plan.version);
        if (current.shorter() == current) {
            return Optional.empty();
        }
        SessionFeedback feedback = feedback(DailyPlan.between(plan.telegramUserId,
                plan.localDate.minusDays(HISTORY_DAYS), plan.localDate), plan.localDate);
        DayDecision shorter = new DayDecision(current.shorter(), Shape.valueOf(plan.shape), plan.step,
                plan.reliefFocus, false, plan.settled, plan.progressed, List.of(), feedback.hurtExercises(),
                feedback.resting());
        List<Decision> reasons = new ArrayList<>(reasons(plan));
        reasons.add(Decision.because("asked-shorter", "rule.asked-shorter"));
        reasons.removeIf(reason -> CONDITIONS_RULE.equals(reason.rule()));
        store(plan, shorter, compose(profile, shorter, plan.localDate, reasons), reasons);
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
        long baselineMornings = DailyCheckin.between(userId, date.minusDays(BASELINE_DAYS), date).stream()
                .filter(checkin -> checkin.pain != null).count();
        List<DailyPlan> recent = DailyPlan.between(userId, date.minusDays(HISTORY_DAYS), date);
        Optional<DailyPlan> yesterday = DailyPlan.on(userId, date.minusDays(1));
        int step = DailyPlan.before(userId, date).map(DailyPlan::confirmedStep)
                .orElse(DayFacts.firstStep(profile.phase));
        boolean redFlag = SafetyScreen.pausingPlan(userId).isPresent();
        return new DayFacts(signals, redFlag, baseline.isPresent() ? baseline.getAsDouble() : null,
                (int) baselineMornings,
                yesterday.filter(plan -> plan.demanding && plan.status != DailyPlan.Status.SKIPPED).isPresent(),
                yesterday.filter(plan -> plan.settled).isPresent(),
                yesterday.filter(plan -> plan.progressed).isPresent(),
                step, sessionsAt(step, recent), daysSinceStepUp(recent, date), feedback(recent, date),
                profile.phase, profile.sessionMinutes);
    }

    /**
     * Sessions done at this step since the person reached it (full or reduced days, not easing ones,
     * and not those with pain above 5/10 during them).
     */
    static int sessionsAt(int step, List<DailyPlan> newestFirst) {
        int sessions = 0;
        for (DailyPlan plan : newestFirst) {
            if (plan.confirmedStep() != step) {
                break;
            }
            boolean atTheStep = plan.step == step && !plan.reliefFocus
                    && (Version.FULL.name().equals(plan.version) || Version.REDUCED.name().equals(plan.version))
                    && Shape.STANDARD.name().equals(plan.shape);
            // A session that hurt is no evidence the step is tolerated.
            boolean painFree = plan.painDuring == null || plan.painDuring <= SessionFeedback.PAIN_LIMIT;
            if (atTheStep && plan.status == DailyPlan.Status.DONE && painFree) {
                sessions++;
            }
        }
        return sessions;
    }

    static Integer daysSinceStepUp(List<DailyPlan> newestFirst, LocalDate date) {
        return newestFirst.stream().filter(DailyPlan::steppedUp).findFirst()
                .map(plan -> (int) java.time.temporal.ChronoUnit.DAYS.between(plan.localDate, date)).orElse(null);
    }

    /**
     * Pain during the recent sessions, the sessions that hurt, and the tolerance memory: what each
     * exercise's sessions, the ratings and the next mornings said.
     */
    SessionFeedback feedback(List<DailyPlan> newestFirst, LocalDate date) {
        List<DailyPlan> sessions = newestFirst.stream().filter(plan -> plan.status.happened()).toList();
        if (sessions.isEmpty()) {
            return SessionFeedback.NONE;
        }
        LocalDate windowStart = date.minusDays(SessionFeedback.WINDOW_DAYS);
        int hurtSessions = (int) sessions.stream().filter(plan -> !plan.localDate.isBefore(windowStart))
                .filter(this::hurt).count();
        DailyPlan last = sessions.get(0);
        boolean lastHurt = !last.localDate.isBefore(date.minusDays(SessionFeedback.RECENT_DAYS)) && hurt(last);
        java.util.Map<String, Tolerance.Level> tolerance = Tolerance.of(signals(sessions, date), date);
        return new SessionFeedback(lastHurt, last.painDuring, hurtSessions, levelled(tolerance, Tolerance.Level.AMBER),
                levelled(tolerance, Tolerance.Level.RED));
    }

    private static java.util.Set<String> levelled(java.util.Map<String, Tolerance.Level> tolerance,
                                                  Tolerance.Level level) {
        return tolerance.entrySet().stream().filter(entry -> entry.getValue() == level)
                .map(java.util.Map.Entry::getKey).collect(java.util.stream.Collectors.toSet());
    }

    /** What each session said about each of its exercises. */
    List<Tolerance.Signal> signals(List<DailyPlan> sessions, LocalDate date) {
        long userId = sessions.get(0).telegramUserId;
        java.util.Map<LocalDate, String> nextMornings = new java.util.HashMap<>();
        DailyCheckin.between(userId, date.minusDays(HISTORY_DAYS), date.plusDays(1))
                .forEach(checkin -> nextMornings.put(checkin.localDate, checkin.yesterday));
        List<Tolerance.Signal> signals = new ArrayList<>();
        for (DailyPlan plan : sessions) {
            List<PlannedItem> items = items(plan);
            java.util.Map<String, String> outcomes = outcomes(plan);
            boolean painful = plan.painDuring != null && plan.painDuring > SessionFeedback.PAIN_LIMIT;
            boolean flaredAfter = Signals.NextDay.FLARED.code().equals(nextMornings.get(plan.localDate.plusDays(1)));
            for (int index = 0; index < items.size(); index++) {
                String outcome = outcomes.get(String.valueOf(index));
                // "Done" marks the whole plan done without a per-exercise answer.
                boolean done = outcome == null ? plan.status == DailyPlan.Status.DONE : !"skipped".equals(outcome);
                Tolerance.Kind kind = DailyPlan.LEG_SYMPTOMS.equals(outcome) ? Tolerance.Kind.LEG
                        : DailyPlan.HURT.equals(outcome) ? Tolerance.Kind.HURT
                        : DailyPlan.EASIER.equals(outcome) ? Tolerance.Kind.TOO_HARD
                        : !done ? null
                        : painful ? Tolerance.Kind.PAINFUL_SESSION
                        : flaredAfter ? Tolerance.Kind.FLARED_AFTER
                        : Tolerance.Kind.DONE;
                if (kind != null) {
                    signals.add(new Tolerance.Signal(plan.localDate, items.get(index).exerciseId(), kind));
                }
            }
        }
        return signals;
    }

    /** Pain above 5/10 during the session, or an exercise that hurt or reached a leg. */
    private boolean hurt(DailyPlan plan) {
        return plan.painDuring != null && plan.painDuring > SessionFeedback.PAIN_LIMIT
                || outcomes(plan).values().stream().anyMatch(outcome -> DailyPlan.HURT.equals(outcome)
                        || DailyPlan.LEG_SYMPTOMS.equals(outcome));
    }

    /** What happened to each exercise in the guided session: item index → outcome (empty without one). */
    public java.util.Map<String, String> outcomes(DailyPlan plan) {
        return plan.outcomes == null ? java.util.Map.of() : json.read(plan.outcomes,
                new TypeReference<java.util.Map<String, String>>() {
                }, "session outcomes");
    }

    /**
     * The day's exercises within the clinician's conditions; when they changed what would have been
     * chosen, a reason says so (for /why and the plan message).
     */
    private List<PlannedItem> compose(UserProfile profile, DayDecision decision, LocalDate date, List<Decision> reasons) {
        SessionComposer composer = new SessionComposer(catalogue);
        java.util.Set<Restriction> ruledOut = conditions.inForce(profile.telegramUserId, date);
        List<PlannedItem> items = composer.compose(decision, new SessionComposer.Setting(profile.equipment,
                profile.phase, profile.sessionMinutes, ruledOut), date);
        if (!ruledOut.isEmpty() && !items.equals(composer.compose(decision,
                new SessionComposer.Setting(profile.equipment, profile.phase, profile.sessionMinutes), date))) {
            reasons.add(Decision.because(CONDITIONS_RULE, "rule.clearance-conditions"));
        }
        return items;
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
