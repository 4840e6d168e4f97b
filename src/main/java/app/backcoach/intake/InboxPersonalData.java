package app.backcoach.intake;

import app.backcoach.personal.PersonalData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * Updates keep only their id once handled. On erasure their chat is cleared too: the bare ids stay
 * for a few days so that Telegram's redeliveries are still recognised, but say nothing about anyone.
 */
@ApplicationScoped
public class InboxPersonalData implements PersonalData {

    /** {@code content} is the update as Telegram sent it, present only while it waits to be handled. */
    record Update(long updateId, String status, Instant receivedAt, Instant handledAt, JsonNode content) {
    }

    private final ObjectMapper json;
    private final DecodedUpdates decoded;

    public InboxPersonalData(ObjectMapper json, DecodedUpdates decoded) {
        this.json = json;
        this.decoded = decoded;
    }

    @Override
    public String section() {
        return "updates";
    }

    @Override
    public Object export(long userId) {
        List<InboxUpdate> updates = InboxUpdate.list("chatId = ?1 order by updateId", userId);
        return updates.stream()
                .map(u -> new Update(u.updateId, u.status.name(), u.receivedAt, u.handledAt,
                        PersonalData.storedJson(json, u.payload)))
                .toList();
    }

    @Override
    public void erase(long userId) {
        InboxUpdate.anonymiseChat(userId);
        decoded.forgetChat(userId); // what was still waiting is dropped, here and in memory
    }
}
