package app.backcoach.review;

import app.backcoach.personal.PersonalData;
import app.backcoach.text.Texts;
import app.backcoach.user.BotUser;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** The plan's history: each proposed change and the decision. */
@ApplicationScoped
public class PlanChangePersonalData implements PersonalData {

    private final Texts texts;

    public PlanChangePersonalData(Texts texts) {
        this.texts = texts;
    }

    /** {@code reason} in the person's language, {@code reasonCode} the stable name of that reason. */
    record Change(Instant proposedAt, String proposed, String reason, String reasonCode, String decision,
                  String applied, Instant decidedAt) {
    }

    @Override
    public String section() {
        return "planChanges";
    }

    @Override
    public Object export(long userId) {
        String language = BotUser.<BotUser>findByIdOptional(userId).map(BotUser::language).orElse(null);
        return PlanChange.of(userId).stream().map(c -> new Change(c.proposedAt, c.kind,
                texts.plain(language, c.reason).orElse(c.reason), c.reason, c.decision.name(),
                c.chosen, c.decidedAt)).toList();
    }

    @Override
    public boolean isHealthData() {
        return true;
    }

    @Override
    public void erase(long userId) {
        PlanChange.delete("telegramUserId", userId);
    }
}
