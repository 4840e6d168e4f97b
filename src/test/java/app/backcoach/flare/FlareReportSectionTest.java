package app.backcoach.flare;

import static org.assertj.core.api.Assertions.assertThat;

import app.backcoach.share.ReportPeriod;
import app.backcoach.testing.Chats;
import app.backcoach.testing.MovableClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The flare-up plan as a part of the report for a clinician (/share). */
@QuarkusTest
class FlareReportSectionTest {

    @Inject
    FlareReportSection section;

    @Test
    void aWrittenPlanIsInTheReportInPlainWordsWithTheNote() {
        long userId = Chats.newChat();
        QuarkusTransaction.requiringNew().run(() -> {
            FlarePlan plan = new FlarePlan();
            plan.telegramUserId = userId;
            plan.positions = "side-pillow,walking";
            plan.walking = "two-hourly";
            plan.breathing = "slow-out";
            plan.avoid = "bending";
            plan.note = "Heat pad <b>first</b>";
            plan.writtenAt = MovableClock.INSTANCE.instant();
            plan.updatedAt = plan.writtenAt;
            plan.persist();
        });
        LocalDate today = LocalDate.ofInstant(MovableClock.INSTANCE.instant(), ZoneOffset.UTC);

        List<String> lines = QuarkusTransaction.requiringNew().call(() ->
                section.lines(userId, ReportPeriod.endingOn(today, "en", ZoneOffset.UTC), "en"));

        assertThat(String.join("\n", lines)).contains("Written on", "On your side, knees bent, a pillow between your knees",
                "Walking slowly", "About 5 minutes every two hours", "breathe in through your nose",
                "what sets your back off: bending and lifting", "In their own words: “Heat pad <b>first</b>”");
    }

    @Test
    void withoutAWrittenPlanTheSectionIsEmpty() {
        long userId = Chats.newChat();
        LocalDate today = LocalDate.ofInstant(MovableClock.INSTANCE.instant(), ZoneOffset.UTC);
        assertThat(QuarkusTransaction.requiringNew().call(() ->
                section.lines(userId, ReportPeriod.endingOn(today, "en", ZoneOffset.UTC), "en"))).isEmpty();
    }
}
