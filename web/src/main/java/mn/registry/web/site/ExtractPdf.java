package mn.registry.web.site;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A register extract as a PDF (ADR 0021), made with Apache PDFBox: the entry's facts, its published history, and
 * what lets anyone check it: the record's log index, the checkpoint it is under (tree size and root hash) and the
 * address of "verify this decision". The text is set in Liberation Sans, the font PDFBox itself ships
 * ({@value #FONT}), embedded as a subset: it has the Cyrillic letters of the Mongolian pages, so the extract needs no
 * font installed where the registry runs.
 */
final class ExtractPdf {

    static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final float MARGIN = 50;
    private static final float SIZE = 10;
    private static final float LEADING = 14;

    /** What the extract says, already in the page's language. */
    record Content(String title, String kind, List<RegisterExtract.Fact> facts, String historyHeading, List<String> history,
                   String proofHeading, List<RegisterExtract.Fact> proof, String footer) {
    }

    private ExtractPdf() {
    }

    /** The font file, read once from the pdfbox jar. */
    private static final byte[] FONT_BYTES = readFont();

    private static byte[] readFont() {
        try (InputStream in = ExtractPdf.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException("PDFBox's Liberation Sans is not on the classpath at " + FONT);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] render(Content content) {
        try (PDDocument doc = new PDDocument()) {
            PDType0Font text = PDType0Font.load(doc, new java.io.ByteArrayInputStream(FONT_BYTES), true);
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(content.title());
            info.setCreator("registry");
            Writer w = new Writer(doc, text);
            w.line(content.kind(), SIZE);
            w.line(content.title(), 16);
            w.gap();
            for (RegisterExtract.Fact f : content.facts()) {
                w.fact(f);
            }
            w.gap();
            w.line(content.historyHeading(), 13);
            for (String s : content.history()) {
                w.wrapped(s, SIZE, 0);
            }
            w.gap();
            w.line(content.proofHeading(), 13);
            for (RegisterExtract.Fact f : content.proof()) {
                w.fact(f);
            }
            w.gap();
            w.wrapped(content.footer(), 8, 0);
            w.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines from the top of A4 pages down, a new page when one is full. */
    private static final class Writer {
        private final PDDocument doc;
        private final PDType0Font font;
        private PDPageContentStream stream;
        private float y;

        Writer(PDDocument doc, PDType0Font font) throws IOException {
            this.doc = doc;
            this.font = font;
            page();
        }

        private void page() throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            stream = new PDPageContentStream(doc, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        private float width() {
            return PDRectangle.A4.getWidth() - 2 * MARGIN;
        }

        void line(String s, float size) throws IOException {
            at(MARGIN, s, size);
            y -= Math.max(LEADING, size * 1.4f);
        }

        void gap() {
            y -= LEADING / 2;
        }

        private void at(float x, String s, float size) throws IOException {
            if (y < MARGIN) {
                page();
            }
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(x, y);
            stream.showText(printable(s));
            stream.endText();
        }

        /** A label in the left column and its value, wrapped, in the right one. */
        void fact(RegisterExtract.Fact f) throws IOException {
            float labelWidth = width() * 0.35f;
            List<String> label = wrap(f.label(), SIZE, labelWidth - 8);
            List<String> value = wrap(f.value(), SIZE, width() - labelWidth);
            for (int i = 0; i < Math.max(label.size(), value.size()); i++) {
                if (y < MARGIN) {
                    page();
                }
                if (i < label.size()) {
                    at(MARGIN, label.get(i), SIZE);
                }
                if (i < value.size()) {
                    at(MARGIN + labelWidth, value.get(i), SIZE);
                }
                y -= LEADING;
            }
        }

        void wrapped(String s, float size, float indent) throws IOException {
            for (String l : wrap(s, size, width() - indent)) {
                at(MARGIN + indent, l, size);
                y -= Math.max(LEADING, size * 1.4f);
            }
        }

        private List<String> wrap(String s, float size, float max) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : printable(s).split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (!line.isEmpty() && font.getStringWidth(candidate) / 1000 * size > max) {
                    lines.add(line.toString());
                    line = new StringBuilder(word);
                } else {
                    line = new StringBuilder(candidate);
                }
                // a word longer than the column (a hash, an address) is cut where it overflows
                while (font.getStringWidth(line.toString()) / 1000 * size > max && line.length() > 1) {
                    int cut = line.length() - 1;
                    while (cut > 1 && font.getStringWidth(line.substring(0, cut)) / 1000 * size > max) {
                        cut--;
                    }
                    lines.add(line.substring(0, cut));
                    line = new StringBuilder(line.substring(cut));
                }
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
            }
            return lines;
        }

        /** Characters the font has; anything else (a control character, a glyph Liberation Sans lacks) as "?". */
        private String printable(String s) {
            StringBuilder out = new StringBuilder();
            s.codePoints().forEach(c -> {
                String ch = new String(Character.toChars(c));
                if (c == '\n' || c == '\t') {
                    out.append(' ');
                    return;
                }
                try {
                    font.encode(ch);
                    out.append(c >= 32 ? ch : "?");
                } catch (IOException | IllegalArgumentException e) {
                    out.append('?');
                }
            });
            return out.toString();
        }

        void close() throws IOException {
            stream.close();
        }
    }
}
