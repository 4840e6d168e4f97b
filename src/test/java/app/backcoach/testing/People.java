package app.backcoach.testing;

import static app.backcoach.testing.Chats.awaitReply;
import static app.backcoach.testing.Chats.newChat;

import app.backcoach.dialogue.Answers;
import app.backcoach.profile.ProfileService;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** People in known states, for tests that start past set-up. */
public final class People {

    private People() {
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
