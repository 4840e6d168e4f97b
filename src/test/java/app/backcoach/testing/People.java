package app.backcoach.testing;

import static app.backcoach.testing.Chats.awaitReply;
import static app.backcoach.testing.Chats.newChat;

import app.backcoach.chat.Answers;
import app.backcoach.privacy.ConsentRecord;
import app.backcoach.privacy.ConsentService;
import app.backcoach.profile.ProfileService;
import app.backcoach.safety.SafetyScreen;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** People in known states, for tests that start past set-up. */
public final class People {

    private People() {
    }

    /**
     * A person who can check in: consent given, a clear red-flag screen just now (so no weekly
     * recheck is due) and the default profile.
     */
    public static ChatScreen readyToCheckIn(ProfileService profiles, ConsentService consent) {
        ChatScreen chat = withDefaultProfile(profiles);
        QuarkusTransaction.requiringNew().run(() -> {
            consent.record(chat.chatId(), ConsentRecord.Decision.GIVEN);
            SafetyScreen screen = new SafetyScreen();
            screen.telegramUserId = chat.chatId();
            screen.outcome = SafetyScreen.Outcome.CLEAR;
            screen.answers = "{}";
            screen.screenedAt = MovableClock.INSTANCE.instant();
            screen.persist();
        });
        return chat;
    }

    /** The red flag that keeps the person's plan paused, read past the test's session. */
    public static java.util.Optional<SafetyScreen> pausingScreen(ChatScreen chat) {
        return QuarkusTransaction.requiringNew().call(() -> SafetyScreen.pausingPlan(chat.chatId()));
    }

    /** A new person who sent /start and agreed to the policy; the safety check's first question is shown. */
    public static ChatScreen startedAndAgreed() {
        FakeBotApi fake = FakeBotApi.instance();
        long id = newChat();
        ChatScreen chat = new ChatScreen(fake, id);
        fake.pushText(id, "/start");
        chat.tap("Your consent", "dlg:cs.consent.agree");
        chat.awaitMessage("Safety check · 1 of 5");
        return chat;
    }

    /** A person who wrote once and has the default profile (set-up skipped through). */
    public static ChatScreen withDefaultProfile(ProfileService profiles) {
        FakeBotApi fake = FakeBotApi.instance();
        long id = newChat();
        fake.pushText(id, "/help");
        awaitReply(id);
        QuarkusTransaction.requiringNew().run(() -> profiles.save(id, Answers.none(), true));
        return new ChatScreen(fake, id);
    }
}
