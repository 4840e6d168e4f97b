package app.backcoach.testing;

import static org.awaitility.Awaitility.await;

import app.backcoach.day.DailyCheckin;
import app.backcoach.day.DailyPlan;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Check-ins, plans and guided sessions as a person goes through them in the fake chat. */
public final class CheckIns {

    private CheckIns() {
    }

    /** Answers a whole check-in and returns the plan message. */
    public static JsonNode checkIn(ChatScreen chat, String pain, String yesterday, String dayType) {
        FakeBotApi.instance().pushText(chat.chatId(), "/checkin");
        long checkin = chat.awaitMessage("How is your back right now?").path("message_id").asLong();
        chat.tap("How is your back right now?", "dlg:ci.pain." + pain);
        chat.tap("How long did stiffness last", "dlg:ci.stiffness.lt15");
        chat.tap("How confident do you feel", "dlg:ci.confidence.4");
        chat.tap("How did you sleep?", "dlg:ci.sleep.good");
        if (yesterday != null) {
            chat.tap("How does yesterday’s session feel", "dlg:ci.yesterday." + yesterday);
        }
        chat.tap("What kind of day is ahead?", "dlg:ci.daytype." + dayType);
        return planIn(chat, checkin);
    }

    /**
     * The plan that replaced the check-in shown in {@code checkinMessage}. Not simply the newest message
     * with plan buttons: an earlier plan (yesterday's, or before a revision) still carries them.
     */
    public static JsonNode planIn(ChatScreen chat, long checkinMessage) {
        return chat.awaitButtonsOn(checkinMessage, "plan:");
    }

    /** Taps through a guided session (done, next set) until it ends; returns how many cards it showed. */
    public static int doEverything(ChatScreen chat) {
        int cards = 0;
        while (cards < 80) {
            JsonNode card = chat.awaitButtons("gs:");
            String text = card.path("text").asText();
            chat.tapFirst(card, chat.buttons(card).stream().anyMatch(b -> b.startsWith("gs:done")) ? "gs:done" : "gs:next");
            cards++;
            boolean finished = await().atMost(Duration.ofSeconds(20)).until(() -> {
                JsonNode now = chat.messages().stream()
                        .filter(m -> m.path("message_id").asLong() == card.path("message_id").asLong())
                        .findFirst().orElseThrow();
                return now.path("text").asText().equals(text) ? null : now.path("text").asText();
            }, changed -> changed != null).startsWith("Session finished");
            if (finished) {
                return cards;
            }
        }
        throw new AssertionError("The guided session did not end");
    }

    public static void finishRating(ChatScreen chat) {
        chat.tap("The most pain you felt", "dlg:sr.pain-during.1");
        chat.tap("How hard was it", "dlg:sr.effort.easy");
        chat.tap("how do you feel now", "dlg:sr.feeling.good");
        chat.awaitMessage("Thank you, noted.");
    }

    /**
     * Completed check-ins with this pain on the {@code days} mornings before today, so the rules
     * have a baseline (without one, the first days are reduced).
     */
    public static void earlierMornings(ChatScreen chat, int days, int pain) {
        LocalDate today = today();
        QuarkusTransaction.requiringNew().run(() -> {
            for (int daysAgo = days; daysAgo >= 1; daysAgo--) {
                DailyCheckin checkin = new DailyCheckin();
                checkin.telegramUserId = chat.chatId();
                checkin.localDate = today.minusDays(daysAgo);
                checkin.pain = pain;
                checkin.completedAt = MovableClock.INSTANCE.instant();
                checkin.updatedAt = MovableClock.INSTANCE.instant();
                checkin.persist();
            }
        });
    }

    public static LocalDate today() {
        return LocalDate.now(MovableClock.INSTANCE.withZone(ZoneOffset.UTC));
    }

    public static DailyPlan planOn(ChatScreen chat, LocalDate date) {
        return QuarkusTransaction.requiringNew().call(() -> DailyPlan.on(chat.chatId(), date).orElseThrow());
    }

    public static DailyCheckin checkinOn(ChatScreen chat, LocalDate date) {
        return QuarkusTransaction.requiringNew().call(() -> DailyCheckin.on(chat.chatId(), date).orElseThrow());
    }

}
