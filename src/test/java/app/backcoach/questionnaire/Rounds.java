package app.backcoach.questionnaire;

import app.backcoach.day.DailyCheckin;
import app.backcoach.day.DailyPlan;
import app.backcoach.privacy.ConsentService;
import app.backcoach.profile.ProfileService;
import app.backcoach.schedule.ScheduledJob;
import app.backcoach.testing.ChatScreen;
import app.backcoach.testing.People;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;

/** People whose weekly round is due, for the questionnaire tests. */
final class Rounds {

    private Rounds() {
    }

    /** A person with two weeks of check-ins (pain 5, then 3) and sessions. */
    static ChatScreen activeWeeks(ProfileService profiles, ConsentService consent, Clock clock) {
        ChatScreen chat = People.readyToCheckIn(profiles, consent);
        LocalDate today = profiles.today(chat.chatId());
        QuarkusTransaction.requiringNew().run(() -> {
            for (int daysAgo = 13; daysAgo >= 0; daysAgo--) {
                checkin(chat.chatId(), today.minusDays(daysAgo), daysAgo >= 7 ? 5 : 3, clock);
            }
        });
        return chat;
    }

    /** The weekly job due now, for today's round. */
    static void reviewDue(ChatScreen chat, ProfileService profiles, EntityManager entityManager, Clock clock) {
        LocalDate today = profiles.today(chat.chatId());
        QuarkusTransaction.requiringNew().run(() -> entityManager.createQuery(
                        "update ScheduledJob set dueAt = ?1, localDate = ?2 where telegramUserId = ?3 and kind = ?4")
                .setParameter(1, clock.instant().minusSeconds(30)).setParameter(2, today)
                .setParameter(3, chat.chatId()).setParameter(4, ScheduledJob.Kind.WEEKLY).executeUpdate());
    }

    static ScheduledJob weeklyJob(ChatScreen chat) {
        return QuarkusTransaction.requiringNew().call(() ->
                ScheduledJob.of(chat.chatId(), ScheduledJob.Kind.WEEKLY).orElseThrow());
    }

    private static void checkin(long userId, LocalDate date, int pain, Clock clock) {
        DailyCheckin checkin = new DailyCheckin();
        checkin.telegramUserId = userId;
        checkin.localDate = date;
        checkin.pain = pain;
        checkin.stiffness = "lt15";
        checkin.confidence = 3;
        checkin.sleep = "fair";
        checkin.yesterday = "fine";
        checkin.completedAt = clock.instant();
        checkin.updatedAt = clock.instant();
        checkin.persist();
        DailyPlan plan = new DailyPlan();
        plan.telegramUserId = userId;
        plan.localDate = date;
        plan.version = "FULL";
        plan.shape = "STANDARD";
        plan.items = "[]";
        plan.reasons = "[]";
        plan.status = DailyPlan.Status.DONE;
        plan.createdAt = clock.instant();
        plan.updatedAt = clock.instant();
        plan.persist();
    }
}
