package app.backcoach.testing;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A person's chat as they see it in the fake: messages as edited in place, and taps on their buttons. */
public final class ChatScreen {

    private final FakeBotApi fake;
    private final long chatId;

    public ChatScreen(FakeBotApi fake, long chatId) {
        this.fake = fake;
        this.chatId = chatId;
    }

    public long chatId() {
        return chatId;
    }

    /** Waits for a message (new or edited) whose text contains {@code text}, and returns it. */
    public JsonNode awaitMessage(String text) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> find(text), Optional::isPresent).orElseThrow();
    }

    /** Taps the button with {@code callbackData} on the message showing {@code text}. */
    public int tap(String text, String callbackData) {
        JsonNode message = awaitMessage(text);
        if (!buttons(message).contains(callbackData)) {
            throw new AssertionError("No button " + callbackData + " on the message: " + buttons(message));
        }
        return fake.pushCallback(chatId, message.path("message_id").asLong(), callbackData);
    }

    public List<String> buttons(JsonNode message) {
        List<String> data = new ArrayList<>();
        message.path("reply_markup").path("inline_keyboard")
                .forEach(row -> row.forEach(button -> data.add(button.path("callback_data").asText())));
        return data;
    }

    /** Waits for the newest message carrying a button whose data starts with {@code prefix}. */
    public JsonNode awaitButtons(String prefix) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> {
            List<JsonNode> messages = fake.currentMessages(chatId);
            for (int i = messages.size() - 1; i >= 0; i--) {
                if (buttons(messages.get(i)).stream().anyMatch(data -> data.startsWith(prefix))) {
                    return Optional.of(messages.get(i));
                }
            }
            return Optional.<JsonNode>empty();
        }, Optional::isPresent).orElseThrow();
    }

    /** Waits until message {@code messageId} carries a button whose data starts with {@code prefix} (an edit). */
    public JsonNode awaitButtonsOn(long messageId, String prefix) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> fake.currentMessages(chatId).stream()
                .filter(m -> m.path("message_id").asLong() == messageId)
                .filter(m -> buttons(m).stream().anyMatch(data -> data.startsWith(prefix)))
                .findFirst(), Optional::isPresent).orElseThrow();
    }

    /** Taps the first button on {@code message} whose data starts with {@code prefix}; returns that data. */
    public String tapFirst(JsonNode message, String prefix) {
        String data = buttons(message).stream().filter(button -> button.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("No button " + prefix + "… on " + buttons(message)));
        fake.pushCallback(chatId, message.path("message_id").asLong(), data);
        return data;
    }

    public List<JsonNode> messages() {
        return fake.currentMessages(chatId);
    }

    private Optional<JsonNode> find(String text) {
        List<JsonNode> messages = fake.currentMessages(chatId);
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).path("text").asText().contains(text)) {
                return Optional.of(messages.get(i));
            }
        }
        return Optional.empty();
    }
}
