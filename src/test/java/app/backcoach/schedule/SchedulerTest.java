package app.backcoach.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import app.backcoach.chat.Answers;
import app.backcoach.privacy.ConsentRecord;
import app.backcoach.privacy.ConsentService;
import app.backcoach.profile.ProfileService;
import app.backcoach.sender.OutboxMessage;
import app.backcoach.testing.Chats;
import app.backcoach.testing.MovableClock;
import app.backcoach.user.BotUser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The scheduler against real MariaDB: prompts at local 07:00 exactly once across daylight-saving
 * changes, two instances sharing the work, and an instance dying half-way through a fan-out.
 */
@QuarkusTest
class SchedulerTest {

    private static final String PROMPT = "How is your back right now?";

    @Inject
    Scheduler scheduler;

    @Inject
    EntityManager entityManager;

    @Inject
    ScheduleConfig config;

    @Inject
    Clock clock;

    @Inject
    Instance<DueJob> jobs;

    @Inject
    ProfileService profiles;

    @Inject
    ConsentService consent;

    @AfterEach
    void backToNow() {
        MovableClock.reset();
    }

    @ParameterizedTest(name = "{0} around {1}")
    @CsvSource({"Europe/Berlin, 2026-03-29", "Europe/Berlin, 2026-10-25", "America/New_York, 2026-03-08",
            "America/New_York, 2026-11-01"})
    void thePromptComesAtLocalSevenOncePerDayAcrossTheChange(String zoneId, LocalDate change) {
        ZoneId zone = ZoneId.of(zoneId);
        Instant start = ZonedDateTime.of(change.minusDays(1), LocalTime.NOON, zone).toInstant();
        MovableClock.setTo(start);
        long user = person(zoneId, "0700");

        for (Instant t = start; t.isBefore(start.plus(Duration.ofHours(60))); t = t.plus(Duration.ofMinutes(20))) {
            MovableClock.setTo(t);
            scheduler.runDue();
        }

        Map<LocalDate, List<LocalTime>> prompts = sent(user, PROMPT, zone);
        Map<LocalDate, List<LocalTime>> nudges = sent(user, "still open", zone);
        assertThat(prompts.keySet()).containsExactly(change, change.plusDays(1));
        prompts.forEach((day, times) -> {
            // The prompt, and the question once more with the one nudge.
            assertThat(times).hasSize(2);
            assertThat(times.get(0)).isBetween(LocalTime.of(7, 0), LocalTime.of(7, 20));
            assertThat(nudges.get(day)).hasSize(1);
        });
        // Its jobs lie in 2026's past now; they must not run in other tests.
        QuarkusTransaction.requiringNew().run(() -> ScheduledJob.delete("telegramUserId", user));
    }

    @Test
    void twoInstancesShareTheDueWorkWithoutDoubles() {
        List<Long> users = people(120);
        dueNow(users);
        Scheduler first = new Scheduler(entityManager, config, clock, jobs);
        Scheduler second = new Scheduler(entityManager, config, clock, jobs);

        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(first::runDue);
        CompletableFuture<Integer> b = CompletableFuture.supplyAsync(second::runDue);

        // Both worked (other tests' jobs may be due too, so at least ours ran).
        assertThat(a.join() + b.join()).isGreaterThanOrEqualTo(users.size());
        assertThat(promptsPerUser(users)).containsOnlyKeys(users).allSatisfy((user, count) -> assertThat(count).isOne());
        assertThat(nothingDueFor(users)).isTrue();
    }

    @Test
    void anInstanceThatDiesMidFanOutLosesNothingAndDoublesNothing() {
        scheduler.runDue(); // whatever else is due, so the claims below are ours
        List<Long> users = people(60);
        dueNow(users);
        Scheduler dying = new Scheduler(entityManager, config, clock, jobs);
        Scheduler survivor = new Scheduler(entityManager, config, clock, jobs);

        List<Long> claimed = QuarkusTransaction.requiringNew().call(() -> dying.claim(clock.instant()));
        List<Long> half = claimed.subList(0, claimed.size() / 2);
        half.forEach(id -> QuarkusTransaction.requiringNew().call(() -> dying.run(id)));
        // ... and it dies here. Its other claims wait for the lease, then the survivor takes them.
        survivor.runDue();
        assertThat(promptsPerUser(users)).hasSize(half.size());
        MovableClock.advance(config.lease().plusSeconds(1));
        survivor.runDue();
        // The dead instance comes back and finishes its old list: nothing runs twice.
        claimed.forEach(id -> assertThat(QuarkusTransaction.requiringNew().call(() -> dying.run(id))).isFalse());

        assertThat(promptsPerUser(users)).containsOnlyKeys(users).allSatisfy((user, count) -> assertThat(count).isOne());
    }

    @Test
    void pausedBlockedOrUnconsentedPeopleGetNothingAndTheirScheduleMovesOn() {
        List<Long> users = people(4);
        QuarkusTransaction.requiringNew().run(() -> {
            BotUser.<BotUser>findById(users.get(0)).blockedAt = clock.instant();
            consent.record(users.get(1), ConsentRecord.Decision.WITHDRAWN);
            app.backcoach.profile.UserProfile.<app.backcoach.profile.UserProfile>findById(users.get(2)).pausedUntil =
                    clock.instant().plus(Duration.ofDays(3));
            // A red flag waiting for a doctor pauses every prompt as well.
            app.backcoach.safety.SafetyScreen.record(users.get(3), app.backcoach.safety.SafetyScreen.Source.WEEKLY,
                    app.backcoach.safety.SafetyScreen.Outcome.TODAY, "{}", clock.instant());
        });
        dueNow(users);

        scheduler.runDue();

        assertThat(promptsPerUser(users)).isEmpty();
        assertThat(nothingDueFor(users)).isTrue();
    }

    @Test
    void aPromptMissedByMoreThanTheLateWindowIsSkipped() {
        List<Long> users = people(1);
        QuarkusTransaction.requiringNew().run(() -> entityManager.createQuery(
                        "update ScheduledJob set dueAt = ?1 where telegramUserId in ?2 and kind = ?3")
                .setParameter(1, clock.instant().minus(config.lateWindow()).minusSeconds(60))
                .setParameter(2, users).setParameter(3, ScheduledJob.Kind.MORNING).executeUpdate());

        scheduler.runDue();

        assertThat(promptsPerUser(users)).isEmpty();
        ScheduledJob next = QuarkusTransaction.requiringNew().call(() ->
                ScheduledJob.of(users.get(0), ScheduledJob.Kind.MORNING).orElseThrow());
        assertThat(next.dueAt).isAfter(clock.instant());
    }

    /** A person with consent and a profile in {@code zone}, checking in at {@code time}. */
    private long person(String zone, String time) {
        long id = Chats.newChat();
        QuarkusTransaction.requiringNew().run(() -> {
            BotUser user = new BotUser();
            user.telegramUserId = id;
            user.languageCode = "en";
            user.firstSeenAt = clock.instant();
            user.lastSeenAt = clock.instant();
            user.persist();
            consent.record(id, ConsentRecord.Decision.GIVEN);
            app.backcoach.safety.SafetyScreen screen = new app.backcoach.safety.SafetyScreen();
            screen.telegramUserId = id;
            screen.outcome = app.backcoach.safety.SafetyScreen.Outcome.CLEAR;
            screen.answers = "{}";
            screen.screenedAt = clock.instant();
            screen.persist();
            profiles.save(id, new Answers(Map.of("timezone", zone, "checkin", time)), true);
        });
        return id;
    }

    private List<Long> people(int count) {
        List<Long> users = new ArrayList<>();
        LongStream.range(0, count).forEach(i -> users.add(person("UTC", "0700")));
        return users;
    }

    private void dueNow(List<Long> users) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createQuery(
                        "update ScheduledJob set dueAt = ?1 where telegramUserId in ?2 and kind = ?3")
                .setParameter(1, clock.instant().minusSeconds(60)).setParameter(2, users)
                .setParameter(3, ScheduledJob.Kind.MORNING).executeUpdate());
    }

    private boolean nothingDueFor(List<Long> users) {
        return QuarkusTransaction.requiringNew().call(() -> ScheduledJob.count(
                "telegramUserId in ?1 and kind = ?2 and dueAt <= ?3", users, ScheduledJob.Kind.MORNING,
                clock.instant()) == 0);
    }

    private Map<Long, Long> promptsPerUser(List<Long> users) {
        List<OutboxMessage> rows = QuarkusTransaction.requiringNew().call(() ->
                OutboxMessage.list("chatId in ?1", users));
        return rows.stream().filter(row -> row.payload.contains(PROMPT))
                .collect(Collectors.groupingBy(row -> row.chatId, Collectors.counting()));
    }

    /** What was queued for a chat containing {@code text}, by the person's local date and time. */
    private Map<LocalDate, List<LocalTime>> sent(long chat, String text, ZoneId zone) {
        List<OutboxMessage> rows = QuarkusTransaction.requiringNew().call(() ->
                OutboxMessage.list("chatId = ?1 order by createdAt, id", chat));
        Map<LocalDate, List<LocalTime>> byDay = new TreeMap<>();
        rows.stream().filter(row -> row.payload.contains(text)).forEach(row -> byDay
                .computeIfAbsent(row.createdAt.atZone(zone).toLocalDate(), day -> new ArrayList<>())
                .add(row.createdAt.atZone(zone).toLocalTime()));
        return byDay;
    }
}
