package app.backcoach.flare;

import app.backcoach.day.AfterCheckin;
import app.backcoach.day.DailyCheckin;
import app.backcoach.coaching.Version;
import app.backcoach.chat.ButtonAction;
import app.backcoach.chat.CallbackData;
import app.backcoach.chat.Incoming;
import app.backcoach.chat.Answers;
import app.backcoach.chat.DialogueContext;
import app.backcoach.chat.DialogueEngine;
import app.backcoach.day.DailyPlan;
import app.backcoach.privacy.ConsentService;
import app.backcoach.profile.ProfileService;
import app.backcoach.safety.SafetyPause;
import app.backcoach.sender.Keyboard;
import app.backcoach.sender.MessageSender;
import app.backcoach.text.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The flare-up plan: /flare shows it, a flaring morning brings it at once, a calm morning in the first
 * week offers to write it, and the written plan is kept. While a red flag pauses the plan, nothing here
 * is shown but the pause's own advice.
 */
@ApplicationScoped
@Transactional
public class FlareService implements AfterCheckin, ButtonAction {

    static final String PREFIX = "flare";
    static final String WRITE = "write";
    static final String LATER = "later";
    /** Days of check-ins the baseline is taken over (as the day's rules take it). */
    static final int BASELINE_DAYS = 7;

    private final FlareView view;
    private final DialogueEngine dialogues;
    private final SafetyPause pause;
    private final ConsentService consent;
    private final MessageSender sender;
    private final Texts texts;
    private final Clock clock;
    private final ProfileService profiles;

    public FlareService(FlareView view, DialogueEngine dialogues, SafetyPause pause, ConsentService consent,
                        MessageSender sender, Texts texts, Clock clock, ProfileService profiles) {
        this.profiles = profiles;
        this.view = view;
        this.dialogues = dialogues;
        this.pause = pause;
        this.consent = consent;
        this.sender = sender;
        this.texts = texts;
        this.clock = clock;
    }

    /** /flare: the person's plan (or the general one, with the offer to write their own). */
    public void show(long chatId, long userId, String language) {
        if (pause.remindIfPaused(chatId, userId, language)) {
            return;
        }
        Optional<FlarePlan> plan = FlarePlan.of(userId).filter(FlarePlan::written);
        Keyboard keyboard = consent.hasConsent(userId) ? Keyboard.singleRow(new CallbackData(PREFIX, WRITE)
                .button(texts.get(language, plan.isPresent() ? "flare.button.rewrite" : "flare.button.write")))
                : null;
        sender.send(chatId, view.render(plan.orElse(null), language), keyboard);
    }

    @Override
    public boolean after(DialogueContext below, DailyCheckin checkin, DailyPlan plan) {
        long userId = below.userId();
        LocalDate today = checkin.localDate;
        FlareRules.Morning morning = morning(userId, checkin, plan);
        FlareRules.Verdict show = FlareRules.showAtOnce(morning);
        Instant now = clock.instant();
        String language = below.languageCode();
        if (show.fires()) {
            FlarePlan stored = FlarePlan.forUser(userId, now);
            if (today.equals(stored.shownOn)) {
                // A revised check-in: it was shown this morning already.
                return true;
            }
            stored.shownOn = today;
            save(stored, now);
            String lead = texts.get(language, "flare.shown." + show.reason(), "pain", String.valueOf(checkin.pain),
                    "before", before(show.reason(), morning));
            sender.send(below.chatId(), lead + "\n\n" + view.body(stored, language) + "\n\n"
                    + texts.get(language, stored.written() ? "flare.footer.own" : "flare.shown.write-later"));
            return true;
        }
        Optional<FlarePlan> stored = FlarePlan.of(userId);
        FlareRules.Verdict offer = FlareRules.offerToWrite(morning, standing(userId, today, stored));
        if (!offer.fires()) {
            // Offered earlier this morning (the check-in was revised): the lesson still waits for another day.
            return stored.map(row -> row.offeredAt).filter(at -> offeredToday(userId, at, today)).isPresent();
        }
        FlarePlan offered = stored.orElseGet(() -> FlarePlan.forUser(userId, now));
        offered.offeredAt = now;
        save(offered, now);
        sender.send(below.chatId(), texts.get(language, "flare.offer"), Keyboard.singleRow(
                new CallbackData(PREFIX, WRITE).button(texts.get(language, "flare.button.write")),
                new CallbackData(PREFIX, LATER).button(texts.get(language, "flare.button.later"))));
        return true;
    }

    /** The end of the dialogue: the plan is kept and shown in place. */
    void written(DialogueContext context, Answers answers) {
        Instant now = clock.instant();
        FlarePlan plan = FlarePlan.forUser(context.userId(), now);
        List<String> positions = FlareFlow.positions(answers);
        plan.positions = positions.isEmpty() ? null : String.join(",", positions);
        plan.walking = answers.get(FlareFlow.WALK.id()).orElse(null);
        plan.breathing = answers.get(FlareFlow.BREATHING.id()).orElse(null);
        plan.avoid = answers.get(FlareFlow.AVOID.id()).orElse(null);
        plan.note = answers.get(FlareFlow.NOTE.id()).filter(note -> !"none".equals(note)).orElse(null);
        plan.writtenAt = now;
        save(plan, now);
        String language = context.languageCode();
        if (pause.isPaused(context.userId())) {
            // A red flag came up while writing: the plan is kept, and the pause speaks instead of it.
            dialogues.show(context, texts.get(language, "flare.saved"));
            pause.remindIfPaused(context.chatId(), context.userId(), language);
            return;
        }
        dialogues.show(context, texts.get(language, "flare.saved") + "\n\n" + view.render(plan, language));
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public boolean accepts(String argument) {
        return WRITE.equals(argument) || LATER.equals(argument);
    }

    @Override
    public Optional<String> handle(Incoming.ButtonTap tap, String argument) {
        long chatId = tap.chat().id();
        long userId = tap.from().userId();
        String language = tap.from().languageCode();
        sender.editKeyboard(chatId, tap.messageId(), null);
        if (LATER.equals(argument)) {
            return Optional.of(texts.get(language, "flare.later"));
        }
        if (pause.remindIfPaused(chatId, userId, language)) {
            return Optional.empty();
        }
        if (!consent.hasConsent(userId)) {
            sender.send(chatId, texts.get(language, "flare.needs-consent"));
            return Optional.empty();
        }
        dialogues.start(new DialogueContext(chatId, userId, language, null), FlareFlow.CODE);
        return Optional.empty();
    }

    private FlareRules.Morning morning(long userId, DailyCheckin checkin, DailyPlan plan) {
        LocalDate today = checkin.localDate;
        List<DailyCheckin> week = DailyCheckin.between(userId, today.minusDays(BASELINE_DAYS), today);
        OptionalDouble baseline = week.stream().filter(morning -> morning.pain != null)
                .mapToInt(morning -> morning.pain).average();
        Optional<DailyCheckin> previous = DailyCheckin.<DailyCheckin>find(
                "telegramUserId = ?1 and localDate < ?2 and pain is not null order by localDate desc", userId, today)
                .firstResultOptional();
        return new FlareRules.Morning(pause.isPaused(userId), Version.valueOf(plan.version), plan.easingOnly(),
                checkin.pain, previous.map(morning -> morning.pain).orElse(null),
                baseline.isPresent() ? baseline.getAsDouble() : null);
    }

    private static FlareRules.Standing standing(long userId, LocalDate today, Optional<FlarePlan> stored) {
        List<DailyCheckin> completed = DailyCheckin.<DailyCheckin>list(
                "telegramUserId = ?1 and completedAt is not null order by localDate", userId);
        int days = completed.isEmpty() ? 0 : (int) ChronoUnit.DAYS.between(completed.get(0).localDate, today);
        return new FlareRules.Standing(stored.filter(FlarePlan::written).isPresent(),
                stored.filter(plan -> plan.offeredAt != null).isPresent(), completed.size(), days);
    }

    private boolean offeredToday(long userId, Instant at, LocalDate today) {
        return profiles.find(userId).map(profile -> LocalDate.ofInstant(at, ZoneId.of(profile.timeZone)))
                .filter(today::equals).isPresent();
    }

    /** The pain the jump is measured from, as the lead line quotes it. */
    private static String before(String reason, FlareRules.Morning morning) {
        if ("jump-previous".equals(reason)) {
            return String.valueOf(morning.previousPain());
        }
        if ("jump-baseline".equals(reason)) {
            return String.valueOf(Math.round(morning.baseline()));
        }
        return "";
    }

    private static void save(FlarePlan plan, Instant now) {
        plan.updatedAt = now;
        if (!plan.isPersistent()) {
            plan.persist();
        }
    }
}
