package app.backcoach.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Test helpers around the fake Bot API: fresh chat ids and waiting for replies. */
public final class Chats {

    private static final AtomicLong NEXT_CHAT = new AtomicLong(100_000 + (System.currentTimeMillis() % 1000) * 1000);

    private Chats() {
    }

    /** A private chat no other test uses (its id is also the user's id). */
    public static long newChat() {
        return NEXT_CHAT.incrementAndGet();
    }

    /** Waits until the chat got at least {@code count} messages and returns the texts of all of them. */
    public static List<String> awaitReplies(long chatId, int count) {
        FakeBotApi fake = FakeBotApi.instance();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> fake.sentMessages(chatId).size() >= count);
        return fake.sentMessages(chatId).stream().map(FakeBotApi.Call::text).toList();
    }

    public static String awaitReply(long chatId) {
        return awaitReplies(chatId, 1).get(0);
    }
}
