package app.backcoach.personal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Implemented by every feature that stores something about a person, so that /export shows it and
 * /delete erases it: a new table about users comes with its own implementation. A test checks that
 * no table keyed by a user or chat keeps a row after /delete.
 */
public interface PersonalData {

    /** The section's name in the export document. */
    String section();

    /** What is stored about the user, as plain values for the JSON export. */
    Object export(long userId);

    /** Erases (or irreversibly anonymises) everything stored about the user. Runs in the caller's transaction. */
    void erase(long userId);

    /** A stored JSON payload as part of the export: parsed, or as text if it cannot be read. */
    static JsonNode storedJson(ObjectMapper json, String payload) {
        try {
            return payload == null ? null : json.readTree(payload);
        } catch (JsonProcessingException e) {
            return json.getNodeFactory().textNode(payload);
        }
    }

    /** Health data is erased when consent is withdrawn, too; the rest only on /delete. */
    default boolean isHealthData() {
        return false;
    }
}
