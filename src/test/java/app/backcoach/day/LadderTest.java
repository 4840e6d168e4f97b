package app.backcoach.day;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ladder as stored: which sessions count at a step, and when a step up counts. */
class LadderTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    static DailyPlan plan(int daysAgo, int step, String version, DailyPlan.Status status, Integer painDuring,
                          boolean progressed) {
        DailyPlan plan = new DailyPlan();
        plan.localDate = TODAY.minusDays(daysAgo);
        plan.step = step;
        plan.version = version;
        plan.shape = "STANDARD";
        plan.status = status;
        plan.painDuring = painDuring;
        plan.progressed = progressed;
        return plan;
    }

    @Test
    void onlySessionsDoneAtTheStepWithoutTooMuchPainCount() {
        List<DailyPlan> newestFirst = List.of(
                plan(1, 2, "FULL", DailyPlan.Status.DONE, 7, false),      // hurt: not evidence
                plan(2, 2, "REDUCED", DailyPlan.Status.DONE, 2, false),   // counts
                plan(3, 2, "FULL", DailyPlan.Status.SKIPPED, null, false),
                plan(4, 2, "RELIEF_ONLY", DailyPlan.Status.DONE, null, false),
                plan(5, 2, "FULL", DailyPlan.Status.DONE, null, true),    // the step-up day, done: counts
                plan(6, 1, "FULL", DailyPlan.Status.DONE, 1, false));     // the step before

        assertThat(PlanService.sessionsAt(2, newestFirst)).isEqualTo(2);
        assertThat(PlanService.daysSinceStepUp(newestFirst, TODAY)).isEqualTo(5);
    }

    @Test
    void aSkippedStepUpLeavesThePersonWhereTheyWere() {
        DailyPlan skipped = plan(1, 3, "FULL", DailyPlan.Status.SKIPPED, null, true);

        assertThat(skipped.confirmedStep()).isEqualTo(2);
        assertThat(skipped.steppedUp()).isFalse();
        assertThat(PlanService.daysSinceStepUp(List.of(skipped), TODAY)).isNull();
        assertThat(plan(1, 3, "FULL", DailyPlan.Status.DONE, 2, true).confirmedStep()).isEqualTo(3);
    }
}
