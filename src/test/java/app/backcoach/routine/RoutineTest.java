package app.backcoach.routine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.backcoach.privacy.ConsentService;
import app.backcoach.profile.ProfileService;
import app.backcoach.schedule.ScheduleConfig;
import app.backcoach.schedule.ScheduledJob;
import app.backcoach.schedule.Scheduler;
import app.backcoach.testing.ChatScreen;
import app.backcoach.testing.FakeBotApi;
import app.backcoach.testing.MovableClock;
import app.backcoach.testing.People;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** /stiff, /travel and the reminders through the fake Bot API: routines, taps logged once, snooze. */
@QuarkusTest
class RoutineTest {

    private final FakeBotApi fake = FakeBotApi.instance();

    @Inject
    ProfileService profiles;

    @Inject
    ConsentService consent;

    @Inject
    Scheduler scheduler;

    @Inject
    ScheduleConfig config;

    @Inject
    Clock clock;

    @AfterEach
    void backToNow() {
        MovableClock.reset();
    }

    @Test
    void stiffAsksWhereAndADoneTapIsLoggedOnce() {
        ChatScreen chat = People.readyToCheckIn(profiles, consent);
        fake.pushText(chat.chatId(), "/stiff");
        chat.tap("Where do you feel stiff", "dlg:sf.where.hips");

        JsonNode routine = chat.awaitMessage("Hips: about");
        assertThat(routine.path("text").asText()).contains("1. ", "stop if pain goes above 5/10");
        chat.tapFirst(routine, "rt:done.s.hips");
        await().until(() -> chat.buttons(chat.awaitMessage("Hips: about")).isEmpty());
        fake.pushCallback(chat.chatId(), routine.path("message_id").asLong(), "rt:done.s.hips");

        await().until(() -> fake.calls("answerCallbackQuery").stream()
                .anyMatch(call -> call.params().path("text").asText().contains("closed")));
        List<RoutineLog> log = log(chat);
        assertThat(log).hasSize(1);
        assertThat(log.get(0).kind).isEqualTo("stiff");
        assertThat(log.get(0).outcome).isEqualTo("done");
    }

    @Test
    void travelAsksWhereAndFitsTheSeat() {
        ChatScreen chat = People.readyToCheckIn(profiles, consent);
        fake.pushText(chat.chatId(), "/travel");
        chat.tap("Where are you right now?", "dlg:tv.place.seat");

        JsonNode routine = chat.awaitMessage("Travel routine");
        assertThat(chat.buttons(routine)).contains("rt:done.t.seat", "rt:skip.t.seat");
    }

    @Test
    void aReminderComesWithItsButtonsAndSnoozeLeavesTheScheduleAlone() {
        ChatScreen chat = People.readyToCheckIn(profiles, consent);
        // Just after a slot of the day's reminders, on a work day: with the wall clock, a run in the quarter hour
        // before a slot (10:30, 12:00, 13:30 … by default) had the regular reminder come with the snoozed one.
        ZoneId zone = ZoneId.of(profiles.find(chat.chatId()).orElseThrow().timeZone);
        MovableClock.setTo(LocalDate.now(zone).with(TemporalAdjusters.next(DayOfWeek.WEDNESDAY)).atTime(10, 35)
                .atZone(zone).toInstant());
        Instant now = clock.instant();
        QuarkusTransaction.requiringNew().run(() -> {
            ScheduledJob job = ScheduledJob.of(chat.chatId(), ScheduledJob.Kind.REMINDER).orElseThrow();
            job.dueAt = now.minusSeconds(30);
        });

        scheduler.runDue();

        JsonNode reminder = chat.awaitMessage("Time for a two-minute reset");
        List<String> buttons = chat.buttons(reminder);
        assertThat(buttons).anyMatch(b -> b.startsWith("rt:done.r.")).anyMatch(b -> b.startsWith("rt:snooze.r."))
                .anyMatch(b -> b.startsWith("rt:skip.r.")).anyMatch(b -> b.startsWith("rt:stiff.r."));
        Instant nextReminder = job(chat, ScheduledJob.Kind.REMINDER).dueAt;
        assertThat(nextReminder).isAfter(now);

        chat.tapFirst(reminder, "rt:snooze.r.");
        await().until(() -> QuarkusTransaction.requiringNew().call(() ->
                ScheduledJob.of(chat.chatId(), ScheduledJob.Kind.SNOOZE).isPresent()));
        assertThat(job(chat, ScheduledJob.Kind.SNOOZE).dueAt)
                .isBetween(now.plus(config.snooze()).minusSeconds(5), now.plus(config.snooze()).plusSeconds(60));
        assertThat(job(chat, ScheduledJob.Kind.REMINDER).dueAt).isEqualTo(nextReminder);
        assertThat(nextReminder).isAfter(clock.instant().plus(config.snooze()).plus(Duration.ofMinutes(1)));

        MovableClock.advance(config.snooze().plus(Duration.ofMinutes(1)));
        scheduler.runDue();

        await().until(() -> chat.messages().stream()
                .filter(message -> message.path("text").asText().contains("Time for a two-minute reset")).count() == 2);
        assertThat(QuarkusTransaction.requiringNew().call(() ->
                ScheduledJob.of(chat.chatId(), ScheduledJob.Kind.SNOOZE))).isEmpty();
        assertThat(log(chat)).extracting(entry -> entry.outcome).containsExactly("snoozed");
    }

    @Test
    void aPauseMovesRemindersPastItAndResumeBringsThemBack() {
        ChatScreen chat = People.readyToCheckIn(profiles, consent);
        Instant now = clock.instant();
        fake.pushText(chat.chatId(), "/pause 2w");
        await().until(() -> job(chat, ScheduledJob.Kind.REMINDER).dueAt.isAfter(now.plus(Duration.ofDays(13))));

        fake.pushText(chat.chatId(), "/resume");

        await().until(() -> job(chat, ScheduledJob.Kind.REMINDER).dueAt.isBefore(now.plus(Duration.ofDays(4))));
    }

    private static ScheduledJob job(ChatScreen chat, ScheduledJob.Kind kind) {
        return QuarkusTransaction.requiringNew().call(() -> ScheduledJob.of(chat.chatId(), kind).orElseThrow());
    }

    private static List<RoutineLog> log(ChatScreen chat) {
        return QuarkusTransaction.requiringNew().call(() -> RoutineLog.list("telegramUserId", chat.chatId()));
    }
}
