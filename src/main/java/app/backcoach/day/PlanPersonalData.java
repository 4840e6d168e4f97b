package app.backcoach.day;

import app.backcoach.personal.PersonalData;
import app.backcoach.text.Texts;
import app.backcoach.user.BotUser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Plans and session ratings follow from health data, so they are health data too. */
@ApplicationScoped
public class PlanPersonalData implements PersonalData {

    private final ObjectMapper json;
    private final PlanService plans;
    private final Texts texts;

    public PlanPersonalData(ObjectMapper json, PlanService plans, Texts texts) {
        this.json = json;
        this.plans = plans;
        this.texts = texts;
    }

    /** One rule's say in the day: {@code reason} in the person's language, {@code reasonCode} its stable name. */
    record Reason(String rule, String reason, String reasonCode, Map<String, String> facts, String ceiling,
                  int stepChange, String shape, boolean reliefFocus) {
    }

    record Plan(String date, String version, String shape, int step, boolean demanding, JsonNode exercises,
                List<Reason> reasons, String status, Integer painDuring, String effort, String feeling, JsonNode outcomes,
                Instant finishedAt) {
    }

    @Override
    public String section() {
        return "plans";
    }

    @Override
    public Object export(long userId) {
        String language = BotUser.<BotUser>findByIdOptional(userId).map(BotUser::language).orElse(null);
        return DailyPlan.of(userId).stream().map(p -> new Plan(p.localDate.toString(), p.version, p.shape, p.step,
                p.demanding, PersonalData.storedJson(json, p.items), reasons(p, language),
                p.status.name(), p.painDuring, p.effort, p.feeling, PersonalData.storedJson(json, p.outcomes),
                p.finishedAt)).toList();
    }

    private List<Reason> reasons(DailyPlan plan, String language) {
        return plans.reasons(plan).stream().map(d -> new Reason(d.rule(),
                d.reason() == null ? null : texts.plain(language, d.reason(), d.factArguments()).orElse(d.reason()),
                d.reason(), d.facts(), d.ceiling() == null ? null : d.ceiling().name(), d.stepChange(),
                d.shape() == null ? null : d.shape().name(), d.reliefFocus())).toList();
    }

    @Override
    public boolean isHealthData() {
        return true;
    }

    @Override
    public void erase(long userId) {
        DailyPlan.delete("telegramUserId", userId);
    }
}
