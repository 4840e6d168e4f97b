package app.backcoach.share;

import app.backcoach.personal.PersonalData;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** The log of reports created with /share (the reports themselves are not kept). */
@ApplicationScoped
public class SharePersonalData implements PersonalData {

    record Share(Instant createdAt, LocalDate from, LocalDate to, List<String> sections) {
    }

    @Override
    public String section() {
        return "shares";
    }

    @Override
    public Object export(long userId) {
        return ShareLog.of(userId).stream().map(log -> new Share(log.createdAt, log.periodFrom, log.periodTo,
                Arrays.stream(log.sections.split(",")).filter(key -> !key.isEmpty()).toList())).toList();
    }

    @Override
    public void erase(long userId) {
        ShareLog.delete("telegramUserId", userId);
    }

    @Override
    public boolean isHealthData() {
        return true;
    }
}
