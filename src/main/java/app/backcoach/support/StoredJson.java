package app.backcoach.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * JSON kept in a column (dialogue progress, plans, outcomes, screen answers). What we wrote we can
 * read: a failure either way is a bug or a damaged row, so it is an IllegalStateException.
 */
@ApplicationScoped
public class StoredJson {

    private final ObjectMapper json;

    public StoredJson(ObjectMapper json) {
        this.json = json;
    }

    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not store " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** @param what names the column in the error, never its content (it may be health data) */
    public <T> T read(String payload, Class<T> type, String what) {
        try {
            return json.readValue(payload, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable stored " + what, e);
        }
    }

    public <T> T read(String payload, TypeReference<T> type, String what) {
        try {
            return json.readValue(payload, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable stored " + what, e);
        }
    }
}
