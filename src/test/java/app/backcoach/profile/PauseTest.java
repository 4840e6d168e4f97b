package app.backcoach.profile;

import static app.backcoach.testing.Chats.awaitReply;
import static app.backcoach.testing.Chats.newChat;
import static org.assertj.core.api.Assertions.assertThat;

import app.backcoach.testing.ChatScreen;
import app.backcoach.testing.FakeBotApi;
import app.backcoach.testing.People;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PauseTest {

    private final FakeBotApi fake = FakeBotApi.instance();

    @Inject
    ProfileService profiles;

    @Test
    void pauseForAWhileThenResume() {
        ChatScreen chat = withProfile();
        fake.pushText(chat.chatId(), "/pause 3d");

        chat.awaitMessage("Paused until");
        Instant until = pausedUntil(chat.chatId());
        assertThat(Duration.between(Instant.now(), until)).isBetween(Duration.ofHours(71), Duration.ofHours(73));

        fake.pushText(chat.chatId(), "/resume");
        chat.awaitMessage("Welcome back!");
        assertThat(pausedUntil(chat.chatId())).isNull();

        fake.pushText(chat.chatId(), "/resume");
        chat.awaitMessage("Nothing is paused right now.");
    }

    @Test
    void withoutALengthTheButtonsAsk() {
        ChatScreen chat = withProfile();
        fake.pushText(chat.chatId(), "/pause");

        chat.tap("for how long?", "pause:open");

        chat.awaitMessage("Paused until you send /resume");
        assertThat(pausedUntil(chat.chatId())).isEqualTo(PauseService.UNTIL_RESUMED);
    }

    @Test
    void anUnreadableLengthGetsAnExampleAndChangesNothing() {
        ChatScreen chat = withProfile();
        fake.pushText(chat.chatId(), "/pause <forever>");

        assertThat(chat.awaitMessage("couldn’t read").path("text").asText()).contains("“<forever>”", "/pause 3d");
        assertThat(pausedUntil(chat.chatId())).isNull();
    }

    @Test
    void withoutAProfileThereIsNothingToPause() {
        long chat = newChat();
        fake.pushText(chat, "/pause 1w");

        assertThat(awaitReply(chat)).contains("nothing to pause yet");
    }

    private Instant pausedUntil(long userId) {
        return QuarkusTransaction.requiringNew().call(() -> profiles.find(userId).orElseThrow().pausedUntil);
    }

    private ChatScreen withProfile() {
        return People.withDefaultProfile(profiles);
    }
}
