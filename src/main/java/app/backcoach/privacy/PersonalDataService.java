package app.backcoach.privacy;

import app.backcoach.personal.PersonalData;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/** The person's rights over their data: a copy of all of it, and erasure of all of it. */
@ApplicationScoped
@Transactional
public class PersonalDataService {

    /** Names the export format; see "Your data export" in the README. */
    public static final String FORMAT = "back-coach-export";
    public static final int FORMAT_VERSION = 1;
    private static final Logger LOG = Logger.getLogger(PersonalDataService.class);

    private final List<PersonalData> holders;
    private final ObjectMapper json;
    private final Clock clock;

    public PersonalDataService(Instance<PersonalData> holders, ObjectMapper json, Clock clock) {
        this.holders = holders.stream().toList();
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
        this.clock = clock;
    }

    /** Everything stored about the user, as a JSON document. */
    public byte[] export(long userId) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("format", FORMAT);
        document.put("formatVersion", FORMAT_VERSION);
        document.put("exportedAt", clock.instant().toString());
        document.put("privacyPolicyVersion", PrivacyPolicy.VERSION);
        for (PersonalData holder : holders) {
            document.put(holder.section(), holder.export(userId));
        }
        try {
            return json.writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Export not serialisable", e);
        }
    }

    /** After consent is withdrawn: erases what was stored about the person's health, keeps the rest. */
    public void eraseHealthData(long userId) {
        holders.stream().filter(PersonalData::isHealthData).forEach(holder -> holder.erase(userId));
    }

    /** Erases everything about the user in the caller's transaction: all of it, or (on failure) nothing. */
    public void erase(long userId) {
        holders.forEach(holder -> holder.erase(userId));
        LOG.infof("Erased all data of a user on their request (%d holders)", holders.size());
    }
}
