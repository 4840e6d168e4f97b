package app.backcoach.review;

import static org.assertj.core.api.Assertions.assertThat;

import app.backcoach.review.WeeklyReview.Day;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The chart is a real PNG of the expected size with the data drawn in it. */
class ProgressChartTest {

    private static final ProgressChart.Labels LABELS = new ProgressChart.Labels("Your last 6 weeks", "Pain (0–10)",
            "Confidence (1–5)", "Session done");

    /** Six weeks of pain easing from 6 to 2 and confidence growing, sessions on most days. */
    static List<Day> sixWeeks() {
        List<Day> days = new ArrayList<>();
        LocalDate start = LocalDate.of(2026, 10, 15);
        for (int i = 0; i < 42; i++) {
            int pain = Math.max(1, 6 - i / 10 - (i % 3 == 0 ? 1 : 0));
            int confidence = Math.min(5, 2 + i / 12);
            days.add(new Day(start.plusDays(i), i % 9 == 4 ? null : pain, "lt15", confidence, "fair", "fine",
                    i % 4 == 3 ? "SKIPPED" : "DONE", "desk"));
        }
        return days;
    }

    @Test
    void aPngOfTheRightSizeWithTheLinesAndSessionMarksDrawn() throws IOException {
        byte[] png = ProgressChart.png(sixWeeks(), LABELS);

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(ProgressChart.WIDTH);
        assertThat(image.getHeight()).isEqualTo(ProgressChart.HEIGHT);
        assertThat(pixels(image, ProgressChart.PAIN)).as("pain line").isGreaterThan(2_000);
        assertThat(pixels(image, ProgressChart.CONFIDENCE)).as("confidence line").isGreaterThan(1_000);
        assertThat(pixels(image, ProgressChart.SESSION)).as("session marks").isGreaterThan(500);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "progress-chart.png"), png);
    }

    @Test
    void weeklyPegScoresAreDrawnBesideDailyPain() throws IOException {
        List<ProgressChart.Point> peg = new ArrayList<>();
        for (int week = 0; week < 6; week++) {
            peg.add(new ProgressChart.Point(LocalDate.of(2026, 10, 21).plusWeeks(week), 6.33 - week * 0.8));
        }

        byte[] withPeg = ProgressChart.png(sixWeeks(), LABELS, List.of(new ProgressChart.Weekly("PEG (weekly)", peg)));
        byte[] without = ProgressChart.png(sixWeeks(), LABELS);

        assertThat(pixels(ImageIO.read(new ByteArrayInputStream(withPeg)), ProgressChart.WEEKLY)).as("PEG line")
                .isGreaterThan(1_000);
        assertThat(pixels(ImageIO.read(new ByteArrayInputStream(without)), ProgressChart.WEEKLY)).isZero();
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "progress-chart-peg.png"), withPeg);
    }

    @Test
    void withoutSessionsThereAreNoSessionMarks() throws IOException {
        List<Day> noSessions = sixWeeks().stream().map(day -> new Day(day.date(), day.pain(), day.stiffness(),
                day.confidence(), day.sleep(), day.yesterday(), "SKIPPED", day.dayType())).toList();

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(ProgressChart.png(noSessions, LABELS)));

        assertThat(pixels(image, ProgressChart.SESSION)).isZero();
        assertThat(pixels(image, ProgressChart.PAIN)).isGreaterThan(2_000);
    }

    private static int pixels(BufferedImage image, Color color) {
        int count = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == (color.getRGB() & 0xFFFFFF)) {
                    count++;
                }
            }
        }
        return count;
    }
}
