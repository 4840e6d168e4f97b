package app.backcoach.share;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The report's pages, parsed back: German letters survive, long sections wrap and go on to a new page. */
class ReportPdfTest {

    @Test
    void germanTextSurvivesAndWhatTheFontCannotDrawBecomesAQuestionMark() throws IOException {
        byte[] pdf = new ReportPdf().render(new ReportPdf.Report("Bericht für die Behandlung",
                List.of("Zeitraum: 9.11.2026 bis 6.12.2026 (28 Tage)"),
                List.of(new ReportPdf.Part("Schmerz am Morgen (0–10)", List.of("• Mo 9.11.: 5 · Di 10.11.: –",
                        "Rückenübung „Vierfüßler“ mit Gewicht 💪 → größer")),
                        new ReportPdf.Part("Übungen", List.of())),
                "Selbstauskunft, keine Diagnose."), "In diesem Zeitraum nichts erfasst.");

        String text = text(pdf);
        assertThat(text).contains("Bericht für die Behandlung", "Schmerz am Morgen (0–10)", "Mo 9.11.: 5 · Di 10.11.: –",
                "Rückenübung „Vierfüßler“ mit Gewicht ? -> größer", "Übungen In diesem Zeitraum nichts erfasst.",
                "Selbstauskunft, keine Diagnose.");
    }

    @Test
    void longSectionsWrapAndContinueOnTheNextPage() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 90; i++) {
            lines.add("• Line " + i + " " + String.join(" ", Collections.nCopies(25, "word")));
        }
        byte[] pdf = new ReportPdf().render(new ReportPdf.Report("Title", List.of(), List.of(
                new ReportPdf.Part("Long", lines)), "End."), "Nothing.");

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThan(2);
        }
        assertThat(text(pdf)).contains("Line 1 word", "Line 90 word", "End.");
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }
}
