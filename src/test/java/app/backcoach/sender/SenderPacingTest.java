package app.backcoach.sender;

import static app.backcoach.testing.Chats.awaitReplies;
import static app.backcoach.testing.Chats.newChat;
import static org.assertj.core.api.Assertions.assertThat;

import app.backcoach.testing.FakeBotApi;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Telegram's pacing, observed at the (fake) Bot API, with slow limits so the spacing is measurable. */
@QuarkusTest
@TestProfile(SenderPacingTest.SlowLimits.class)
class SenderPacingTest {

    public static class SlowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("sender.per-chat-per-second", "2", "sender.per-chat-burst", "1",
                    "sender.global-per-second", "4");
        }
    }

    private final FakeBotApi fake = FakeBotApi.instance();

    @Inject
    MessageSender sender;

    @Test
    void perChatAndGlobalRatesHold() {
        long first = newChat();
        long second = newChat();
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 1; i <= 5; i++) {
                sender.send(first, "first " + i);
                sender.send(second, "second " + i);
            }
        });

        assertThat(awaitReplies(first, 5)).containsExactly("first 1", "first 2", "first 3", "first 4", "first 5");
        assertThat(awaitReplies(second, 5)).containsExactly("second 1", "second 2", "second 3", "second 4", "second 5");

        for (long chat : List.of(first, second)) {
            List<FakeBotApi.Call> sends = fake.sentMessages(chat);
            for (int i = 1; i < sends.size(); i++) {
                // 2 per second → 500 ms apart; 50 ms allowed for request jitter on a busy machine.
                assertThat(Duration.between(sends.get(i - 1).at(), sends.get(i).at()))
                        .isGreaterThanOrEqualTo(Duration.ofMillis(450));
            }
        }
        // At most 4 in any second overall: never 5 sends within 800 ms (the rest of the second for jitter).
        assertThat(fake.maxSendsInWindowAllChats(Duration.ofMillis(800))).isLessThanOrEqualTo(4);
    }
}
