package app.backcoach.privacy;

import app.backcoach.privacy.ConsentRecord.Decision;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Explicit consent to process health data, recorded with its time and the policy version it covered. */
@ApplicationScoped
@Transactional
public class ConsentService {

    private final Clock clock;

    public ConsentService(Clock clock) {
        this.clock = clock;
    }

    /** Consent counts only for the policy the person saw; a new policy version asks again. */
    public boolean hasConsent(long userId) {
        return ConsentRecord.latest(userId)
                .filter(record -> record.decision == Decision.GIVEN)
                .filter(record -> PrivacyPolicy.VERSION.equals(record.policyVersion))
                .isPresent();
    }

    /**
     * Agreed to an earlier policy and has not withdrawn or declined since: the person is asked again, with what
     * changed, at the next contact; until then nothing new about their health is processed.
     */
    public boolean needsRenewal(long userId) {
        return ConsentRecord.latest(userId)
                .filter(record -> record.decision == Decision.GIVEN)
                .filter(record -> !PrivacyPolicy.VERSION.equals(record.policyVersion))
                .isPresent();
    }

    /** Consent given to this or an earlier policy and not withdrawn: withdrawing it is possible. */
    public boolean mayWithdraw(long userId) {
        return ConsentRecord.latest(userId).filter(record -> record.decision == Decision.GIVEN).isPresent();
    }

    public void record(long userId, Decision decision) {
        ConsentRecord record = new ConsentRecord();
        record.telegramUserId = userId;
        record.policyVersion = PrivacyPolicy.VERSION;
        record.decision = decision;
        record.decidedAt = clock.instant();
        record.persist();
    }

    record Entry(String decision, String policyVersion, Instant decidedAt) {
    }

    List<Entry> history(long userId) {
        List<ConsentRecord> records = ConsentRecord.list("telegramUserId = ?1 order by decidedAt, id", userId);
        return records.stream().map(r -> new Entry(r.decision.name(), r.policyVersion, r.decidedAt)).toList();
    }
}
