package app.backcoach.review;

import app.backcoach.review.WeeklyReview.Day;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The progress chart: daily pain (0-10) and confidence (1-5, right axis) over the last weeks, with
 * the days a session was done marked along the bottom. Sized and lettered for a phone screen.
 */
public final class ProgressChart {

    public static final int WIDTH = 1080;
    public static final int HEIGHT = 720;
    static final Color PAIN = new Color(0xC6, 0x28, 0x28);
    static final Color CONFIDENCE = new Color(0x1E, 0x6F, 0xB8);
    static final Color SESSION = new Color(0x2E, 0x7D, 0x32);

    /** One weekly score on the pain axis (PEG: the mean of three 0-10 items). */
    public record Point(java.time.LocalDate date, double value) {
    }

    /** A weekly questionnaire's line, drawn beside daily pain. */
    public record Weekly(String label, List<Point> points) {
    }

    static final Color WEEKLY = new Color(0x6A, 0x1B, 0x9A);

    /** Axis and series names in the reader's language. */
    public record Labels(String title, String pain, String confidence, String session) {
    }

    private ProgressChart() {
    }

    /** The chart as PNG; at least two answered days are needed to draw a line. */
    public static byte[] png(List<Day> days, Labels labels) {
        return png(days, labels, List.of());
    }

    /** The chart with weekly questionnaire scores (PEG) drawn on the pain axis, as triangles joined by a thin line. */
    public static byte[] png(List<Day> days, Labels labels, List<Weekly> weekly) {
        List<Day> withPain = days.stream().filter(day -> day.pain() != null).toList();
        List<Day> withConfidence = days.stream().filter(day -> day.confidence() != null).toList();
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(labels.title()).build();
        style(chart);
        if (!withPain.isEmpty()) {
            XYSeries pain = chart.addSeries(labels.pain(), dates(withPain),
                    withPain.stream().map(Day::pain).toList());
            pain.setLineColor(PAIN);
            pain.setMarkerColor(PAIN);
            pain.setMarker(SeriesMarkers.CIRCLE);
            pain.setLineStyle(new BasicStroke(5f));
        }
        if (!withConfidence.isEmpty()) {
            XYSeries confidence = chart.addSeries(labels.confidence(), dates(withConfidence),
                    withConfidence.stream().map(Day::confidence).toList());
            confidence.setYAxisGroup(1);
            confidence.setLineColor(CONFIDENCE);
            confidence.setMarkerColor(CONFIDENCE);
            confidence.setMarker(SeriesMarkers.DIAMOND);
            confidence.setLineStyle(new BasicStroke(5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f,
                    new float[] {14f, 10f}, 0f));
        }
        for (Weekly line : weekly) {
            if (line.points().isEmpty()) {
                continue;
            }
            XYSeries series = chart.addSeries(line.label(), line.points().stream()
                            .map(point -> Date.from(point.date().atStartOfDay(ZoneOffset.UTC).toInstant())).toList(),
                    line.points().stream().map(Point::value).toList());
            series.setLineColor(WEEKLY);
            series.setMarkerColor(WEEKLY);
            series.setMarker(SeriesMarkers.TRIANGLE_UP);
            series.setLineStyle(new BasicStroke(3f));
        }
        List<Day> sessions = days.stream().filter(day -> "DONE".equals(day.planStatus())
                || "PARTIAL".equals(day.planStatus())).toList();
        if (!sessions.isEmpty()) {
            XYSeries done = chart.addSeries(labels.session(), dates(sessions),
                    sessions.stream().map(day -> 0).toList());
            done.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            done.setMarker(SeriesMarkers.SQUARE);
            done.setMarkerColor(SESSION);
        }
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new IllegalStateException("Could not draw the progress chart", e);
        }
    }

    private static void style(XYChart chart) {
        var styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotGridLinesColor(new Color(0xDD, 0xDD, 0xDD));
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 34));
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 26));
        styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 24));
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
        styler.setMarkerSize(16);
        styler.setDatePattern("d MMM");
        styler.setYAxisMin(0, 0.0);
        styler.setYAxisMax(0, 10.0);
        styler.setYAxisMin(1, 1.0);
        styler.setYAxisMax(1, 5.0);
        styler.setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        styler.setYAxisTickMarkSpacingHint(110);
        styler.setAntiAlias(true);
    }

    private static List<Date> dates(List<Day> days) {
        return days.stream().map(Day::date).filter(Objects::nonNull)
                .map(date -> Date.from(date.atStartOfDay(ZoneOffset.UTC).toInstant())).toList();
    }
}
