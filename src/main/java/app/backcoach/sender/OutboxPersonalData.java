package app.backcoach.sender;

import app.backcoach.personal.PersonalData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Messages the bot sent or is about to send; kept for {@code sender.keep-sent}, then erased anyway. */
@ApplicationScoped
public class OutboxPersonalData implements PersonalData {

    record Sent(Instant createdAt, String status, JsonNode message) {
    }

    private final ObjectMapper json;
    private final WrittenMessages written;

    public OutboxPersonalData(ObjectMapper json, WrittenMessages written) {
        this.json = json;
        this.written = written;
    }

    @Override
    public String section() {
        return "messages";
    }

    @Override
    public Object export(long userId) {
        List<OutboxMessage> messages = OutboxMessage.list("chatId = ?1 order by id", userId);
        return messages.stream()
                .map(m -> new Sent(m.createdAt, m.status.name(), PersonalData.storedJson(json, m.payload)))
                .toList();
    }

    @Override
    public void erase(long userId) {
        OutboxMessage.deleteForChat(userId);
        written.forgetChat(userId); // what was still waiting is dropped, here and in memory
    }
}
