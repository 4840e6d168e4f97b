package app.backcoach.review;

import static app.backcoach.chat.ButtonFormat.id;
import static app.backcoach.chat.ButtonFormat.optional;
import static app.backcoach.chat.ButtonFormat.word;

import app.backcoach.coaching.DayFacts;
import app.backcoach.chat.ButtonFormat;
import app.backcoach.chat.FormattedButton;
import app.backcoach.chat.Incoming;
import app.backcoach.chat.Answers;
import app.backcoach.day.DailyPlan;
import app.backcoach.profile.ProfileService;
import app.backcoach.profile.UserProfile;
import app.backcoach.review.WeeklyReview.Summary;
import app.backcoach.sender.Keyboard;
import app.backcoach.sender.MessageSender;
import app.backcoach.text.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Proposes the week's one change and applies what the person taps: yes, keep as is, or another
 * option. Every proposal and decision is kept (and exported): the plan's history in pencil.
 */
@ApplicationScoped
@Transactional
public class TweakService implements FormattedButton {

    private static final String PREFIX = "tw";
    /** Answer, the proposal's id, and for "pick" the other change chosen. */
    private static final ButtonFormat FORMAT = ButtonFormat.of(PREFIX, word("yes", "no", "pick"), id(),
            optional(ButtonFormat.code(16)));

    private final ProfileService profiles;
    private final MessageSender sender;
    private final Texts texts;
    private final Clock clock;

    public TweakService(ProfileService profiles, MessageSender sender, Texts texts, Clock clock) {
        this.profiles = profiles;
        this.sender = sender;
        this.texts = texts;
        this.clock = clock;
    }

    /** Proposes one change after a review, with its reason and the options. */
    public void propose(long chatId, long userId, String language, Summary week) {
        UserProfile profile = profiles.find(userId).orElseThrow();
        Tweak.Proposal proposal = Tweak.propose(week, currentStep(profile), profile.phase);
        // Asking twice in a week (/progress again) shows the same open proposal, not a second one.
        PlanChange change = PlanChange.<PlanChange>find("telegramUserId = ?1 and decision = ?2 and proposedAt > ?3"
                        + " order by proposedAt desc", userId, PlanChange.Decision.PENDING,
                clock.instant().minus(java.time.Duration.ofDays(6))).firstResultOptional().orElseGet(PlanChange::new);
        change.telegramUserId = userId;
        change.proposedAt = clock.instant();
        change.kind = proposal.kind().name();
        change.reason = proposal.reason();
        change.decision = PlanChange.Decision.PENDING;
        if (!change.isPersistent()) {
            change.persist();
        }
        sender.send(chatId, texts.get(language, "tweak.proposal", "change",
                texts.get(language, "tweak.option." + code(proposal.kind())), "reason",
                texts.get(language, proposal.reason()), "mix", texts.get(language, "tweak.mix." + code(proposal.kind()))),
                keyboard(change.id, proposal.kind(), currentStep(profile), language));
    }

    /**
     * Yes and keep as is, then the step up or back that is not proposed. When the proposal is to keep
     * the plan, "yes" and "keep as is" would be the same answer: one button says it.
     */
    Keyboard keyboard(long changeId, Tweak.Kind proposed, int step, String language) {
        List<List<Keyboard.Button>> rows = new ArrayList<>();
        if (proposed == Tweak.Kind.HOLD) {
            rows.add(List.of(FORMAT.data("yes", changeId).button(texts.get(language, "tweak.button.no"))));
        } else {
            rows.add(List.of(FORMAT.data("yes", changeId).button(texts.get(language, "tweak.button.yes")),
                    FORMAT.data("no", changeId).button(texts.get(language, "tweak.button.no"))));
        }
        List<Keyboard.Button> others = new ArrayList<>();
        if (proposed != Tweak.Kind.PROGRESS && step < DayFacts.MAX_STEP) {
            others.add(FORMAT.data("pick", changeId, code(Tweak.Kind.PROGRESS))
                    .button(texts.get(language, "tweak.pick." + code(Tweak.Kind.PROGRESS))));
        }
        if (proposed != Tweak.Kind.REGRESS && step > 0) {
            others.add(FORMAT.data("pick", changeId, code(Tweak.Kind.REGRESS))
                    .button(texts.get(language, "tweak.pick." + code(Tweak.Kind.REGRESS))));
        }
        if (!others.isEmpty()) {
            rows.add(others);
        }
        return Keyboard.of(rows);
    }

    @Override
    public ButtonFormat format() {
        return FORMAT;
    }

    @Override
    public Optional<String> handle(Incoming.ButtonTap tap, ButtonFormat.Values parts) {
        long userId = tap.from().userId();
        String language = tap.from().languageCode();
        Optional<PlanChange> found = PlanChange.<PlanChange>findByIdOptional(parts.id(1))
                .filter(change -> change.telegramUserId == userId && change.decision == PlanChange.Decision.PENDING);
        if (found.isEmpty()) {
            return Optional.of(texts.get(language, "callback.closed"));
        }
        PlanChange change = found.get();
        Tweak.Kind applied = switch (parts.word(0)) {
            case "yes" -> Tweak.Kind.valueOf(change.kind);
            case "pick" -> parts.optional(2).flatMap(TweakService::kind).orElse(null);
            default -> Tweak.Kind.HOLD;
        };
        if (applied == null) {
            return Optional.of(texts.get(language, "callback.closed"));
        }
        change.decision = switch (parts.word(0)) {
            case "yes" -> PlanChange.Decision.ACCEPTED;
            case "pick" -> PlanChange.Decision.OTHER;
            default -> PlanChange.Decision.DECLINED;
        };
        change.chosen = applied.name();
        change.decidedAt = clock.instant();
        apply(userId, applied);
        sender.editKeyboard(tap.chat().id(), tap.messageId(), null);
        sender.send(tap.chat().id(), texts.get(language, "tweak.applied." + code(applied)));
        return Optional.empty();
    }

    private void apply(long userId, Tweak.Kind kind) {
        switch (kind) {
            // The daily rule owns the step: it steps up only after settled mornings and two sessions
            // done at a step, once a week at most. A yes to "one step up" leaves that to it; a step back
            // on request is honoured, since going lighter never breaks the pain-monitoring model.
            case REGRESS -> latestPlan(userId).ifPresent(plan -> {
                plan.step = Math.max(0, plan.confirmedStep() - 1);
                plan.progressed = false;
            });
            case BUILD_PHASE -> profiles.save(userId, new Answers(Map.of("phase", "building")), false);
            case HEAVY_PHASE -> profiles.save(userId, new Answers(Map.of("phase", "heavy-work")), false);
            default -> {
                // keep as is
            }
        }
    }

    /** The ladder step the next plan starts from: the latest plan's. */
    private int currentStep(UserProfile profile) {
        return latestPlan(profile.telegramUserId).map(DailyPlan::confirmedStep).orElse(DayFacts.firstStep(profile.phase));
    }

    private Optional<DailyPlan> latestPlan(long userId) {
        LocalDate tomorrow = profiles.today(userId).plusDays(1);
        return DailyPlan.before(userId, tomorrow);
    }

    static String code(Tweak.Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static Optional<Tweak.Kind> kind(String code) {
        return Arrays.stream(Tweak.Kind.values()).filter(kind -> code(kind).equals(code)).findFirst();
    }
}
