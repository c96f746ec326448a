package mn.registry.web.site;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 16 item 3: the downloadable extract is a PDF whose text (as PDFBox extracts it) holds the Cyrillic name, the log index, the checkpoint and the verify link. */
class ExtractPdfTest {

    static final String NAME = "Хараа голын логистик ХХК";
    static final String ROOT = "q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq80=";

    static ExtractPdf.Content content(int historyLines) {
        List<String> history = new ArrayList<>();
        for (int i = 0; i < historyLines; i++) {
            history.add("Ил тод бүртгэлийн дэс дугаар " + (40 + i) + ": " + NAME + "-г 2026.12.04-нд Алтанбулаг худалдааны чөлөөт бүсэд бүртгэсэн.");
        }
        return new ExtractPdf.Content(NAME, "Чөлөөт бүсийн аж ахуйн нэгж",
                List.of(new RegisterExtract.Fact("number", "Дугаар", "ALT-2026-0001"), new RegisterExtract.Fact("entity", "Аж ахуйн нэгж", NAME)),
                "Нийтлэгдсэн түүх", history, "Энэ лавлагааг хэрхэн шалгах",
                List.of(new RegisterExtract.Fact("logIndex", "Ил тод бүртгэлийн дэс дугаар", "42"),
                        new RegisterExtract.Fact("checkpointSize", "Хяналтын цэг: бүртгэлийн хэмжээ", "57"),
                        new RegisterExtract.Fact("checkpointRoot", "Хяналтын цэг: үндсэн хэш", ROOT),
                        new RegisterExtract.Fact("verify", "Шалгах хаяг", "http://localhost:8080/verify?index=42")),
                "Энэ лавлагааг нийтийн бүртгэлээс гаргасан.");
    }

    @Test
    @DisplayName("the extract's text holds the Cyrillic name, the log index, the checkpoint's size and root hash and the verify link, in an embedded font")
    void extract_text_holds_what_verifies_it() throws IOException {
        byte[] pdf = ExtractPdf.render(content(3));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains(NAME).contains("Ил тод бүртгэлийн дэс дугаар 42").contains("57").contains(ROOT)
                    .contains("http://localhost:8080/verify?index=42");
            PDFont font = doc.getPage(0).getResources().getFont(doc.getPage(0).getResources().getFontNames().iterator().next());
            assertThat(font.isEmbedded()).isTrue();
            assertThat(font.getName()).contains("LiberationSans");
        }
    }

    @Test
    @DisplayName("a long history runs onto further pages and keeps every line")
    void long_history_runs_onto_more_pages() throws IOException {
        try (PDDocument doc = Loader.loadPDF(ExtractPdf.render(content(120)))) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(1);
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("дэс дугаар 40:").contains("дэс дугаар 159:").contains(ROOT);
        }
    }
}
