package app.backcoach.share;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Writes the report as an A4 PDF with PDFBox. Pure: the same report gives the same pages. It uses
 * the standard Helvetica every PDF reader has, so nothing needs installing on the server; its
 * WinAnsi encoding covers English and German (ä ö ü ß „ “ – •); a character outside it (an emoji
 * in an exercise name an operator wrote) becomes "?" rather than failing the report.
 */
public final class ReportPdf {

    /** What goes on the pages: a title, a few lines about whom and when, the sections, a closing note. */
    public record Report(String title, List<String> intro, List<Part> parts, String footer) {
    }

    /** A section as written: its heading and lines (none: {@code empty} is printed instead). */
    public record Part(String title, List<String> lines) {
    }

    static final float MARGIN = 56;
    static final float BODY = 10.5f;
    static final float HEADING = 13;
    static final float TITLE = 18;
    static final float LEADING = 1.35f;

    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    public byte[] render(Report report, String emptyText) {
        try (PDDocument document = new PDDocument()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(printable(report.title()));
            info.setCreator("Back Coach");
            Writer writer = new Writer(document);
            writer.paragraph(report.title(), bold, TITLE);
            writer.gap(4);
            for (String line : report.intro()) {
                writer.paragraph(line, regular, BODY);
            }
            for (Part part : report.parts()) {
                writer.gap(12);
                writer.keepWithNext(HEADING * LEADING + BODY * LEADING * 2);
                writer.paragraph(part.title(), bold, HEADING);
                writer.gap(2);
                List<String> lines = part.lines().isEmpty() ? List.of(emptyText) : part.lines();
                for (String line : lines) {
                    writer.paragraph(line, regular, BODY);
                }
            }
            writer.gap(16);
            writer.paragraph(report.footer(), regular, BODY - 1.5f);
            writer.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the report", e);
        }
    }

    /** Keeps what the font can draw; anything else becomes "?". */
    String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(codePoint -> {
            String character = new String(Character.toChars(codePoint));
            if (codePoint == '\t' || codePoint == '\u00a0' || codePoint == '\u202f') {
                out.append(' ');
            } else if (codePoint == '\u2212') {
                out.append('-');
            } else if (codePoint == '\u2192') {
                out.append("->");
            } else {
                try {
                    regular.encode(character);
                    bold.encode(character);
                    out.append(character);
                } catch (IOException | IllegalArgumentException notInTheFont) {
                    out.append('?');
                }
            }
        });
        return out.toString();
    }

    /** Lays lines top to bottom, wrapping at word boundaries and starting a new page when one is full. */
    private final class Writer {
        private final PDDocument document;
        private PDPageContentStream stream;
        private float y;
        private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;

        Writer(PDDocument document) throws IOException {
            this.document = document;
            newPage();
        }

        private void newPage() throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        void gap(float points) {
            y -= points;
        }

        /** A heading is not left alone at the foot of a page. */
        void keepWithNext(float height) throws IOException {
            if (y - height < MARGIN) {
                newPage();
            }
        }

        void paragraph(String text, PDType1Font font, float size) throws IOException {
            for (String line : wrap(printable(text), font, size)) {
                if (y - size * LEADING < MARGIN) {
                    newPage();
                }
                y -= size * LEADING;
                stream.beginText();
                stream.setFont(font, size);
                stream.newLineAtOffset(MARGIN + indent(line), y);
                stream.showText(line.strip());
                stream.endText();
            }
        }

        private float indent(String line) {
            return line.startsWith("  ") ? 12 : 0;
        }

        private List<String> wrap(String text, PDType1Font font, float size) throws IOException {
            List<String> lines = new ArrayList<>();
            // A bullet's continuation lines are indented under its text.
            boolean bullet = text.startsWith("• ");
            StringBuilder line = new StringBuilder();
            for (String word : text.split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (!line.isEmpty() && width(candidate, font, size) > width - 12) {
                    lines.add(line.toString());
                    line = new StringBuilder(bullet ? "  " + word : word);
                } else {
                    line = new StringBuilder(candidate);
                }
            }
            lines.add(line.toString());
            return lines;
        }

        private float width(String text, PDType1Font font, float size) throws IOException {
            return font.getStringWidth(text.strip()) / 1000 * size;
        }

        void close() throws IOException {
            stream.close();
        }
    }
}
