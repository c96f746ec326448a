package mn.registry.standalone.browser;

import mn.registry.infrastructure.time.RegistryClock;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.freezone.Activity;
import mn.registry.kernel.freezone.Jurisdiction;
import mn.registry.kernel.freezone.LegalEntity;
import mn.registry.kernel.freezone.QuarterlyReportContent.Quarter;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.freezone.ZoneDocument;
import mn.registry.kernel.freezone.ZoneId;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16, "Done when" (Free Zone half): an entity of the Zamyn-Uud zone from its application through registration,
 * land applied for on the applicant's page and granted by drawing the parcel on the map, the fee schedule and the
 * quarterly report, each act signed in the browser; then the public extract of the registration and its PDF. Every step's
 * page is screenshotted in both languages when {@code -Dscreenshots} is set. No command is sent from a shell: the
 * application itself is signed on the applicant's page ({@code /applicant/zones/apply}). The quarter's report is signed on a registry of the
 * test's own, whose clock it moves past the end of the quarter in which the registry recorded the zone (the first it can report,
 * ADR 0035 item 37).
 */
@BrowserTest(ownRegistry = true)
class FreeZoneBrowserTest {

    static final String ZONE = "zamyn-uud";
    static final MapDrawing.Extent EXTENT = new MapDrawing.Extent(111.88, 43.70, 111.92, 43.73);
    static final LegalEntity ENTITY = new LegalEntity("Замын-Үүд Тээвэр Логистик ХХК", Jurisdiction.MONGOLIAN, null, "6209901");
    static final String PARCEL = "Warehouse plot Z-7";
    /** The parcel applied for, as the applicant types it. */
    static final String APPLIED = "{\"type\":\"Polygon\",\"coordinates\":[[[111.895,43.71],[111.905,43.71],[111.905,43.718],[111.895,43.718],[111.895,43.71]]]}";

    private static BrowserRegistry registry;
    private static Browser browser;

    private static void both(String path, String name, String waitFor) {
        for (String lang : new String[]{"mn", "en"}) {
            browser.open(path, lang);
            browser.waitFor(waitFor);
            browser.screenshot(name + "-" + lang);
        }
    }

    private static void setValue(String css, String value) {
        browser.script("const e = document.querySelector(arguments[0]); e.value = arguments[1]; e.dispatchEvent(new Event('input')); "
                + "e.dispatchEvent(new Event('change'));", css, value);
    }

    @Test
    @DisplayName("003 art. 12.1-12.3, 22.2-22.5, 23: application, registration, land drawn on the map (a parcel beyond the one applied for is refused in Mongolian), fee schedule, quarterly report, public extract and PDF")
    void free_zone_entity_from_application_to_quarterly_report() throws Exception {
        // 003 art. 12.1: the entity's representative applies on the applicant's page, each document chosen as a file, hashed and kept
        browser.signInAsDemo("applicant-1");
        browser.open("/applicant/zones/apply", "mn");
        browser.waitFor("#form-zone-apply");
        new Select(browser.find("#za-zone")).selectByValue(ZONE);
        browser.find("#za-name").sendKeys(ENTITY.name());
        new Select(browser.find("#za-jurisdiction")).selectByValue(ENTITY.jurisdiction().name());
        browser.find("#za-number").sendKeys(ENTITY.registrationNumber());
        new Select(browser.find("#za-activity")).selectByValue(Activity.TRADE.name());
        for (ZoneDocument kind : ZoneDocument.requiredFor(ENTITY.jurisdiction())) {
            WebElement file = browser.find("#zdoc-file-" + kind.name());
            file.sendKeys(document(kind.name()).toAbsolutePath().toString());
            browser.waitUntil("the " + kind + " is hashed and kept", d -> "yes".equals(file.getAttribute("data-uploaded")));
        }
        browser.screenshot("fz-00-application-mn");
        assertThat(browser.signAndSend("form-zone-apply")).contains("\"type\":\"ApplyForZoneRegistration\"").contains(ENTITY.name())
                .contains(ZoneDocument.APPLICATION.name());
        assertThat(browser.find("#command-result").getAttribute("data-outcome")).as(browser.find("#command-result").getText()).isEqualTo("sent");
        String registrationId = RegistrationId.of(ZoneId.of(ZONE), ENTITY).value();
        browser.waitUntil("the application is on the applicant's page", d -> {
            browser.open("/applicant", "en");
            return browser.find("main").getText().contains(ENTITY.name());
        });
        browser.screenshot("fz-00-application-en");
        browser.signOut();

        // 003 art. 12.2: the governor registers it on the entity page
        browser.signInAsDemo("governor-" + ZONE);
        browser.waitUntil("the application reaches the zone queue", d -> {
            browser.open("/governor/" + ZONE, "en");
            return browser.find("body").getText().contains(ENTITY.name());
        });
        browser.screenshot("fz-01-queue-en");
        String entityPage = "/governor/" + ZONE + "/entities/" + registrationId;
        browser.open(entityPage, "mn");
        browser.waitFor("#form-register");
        browser.screenshot("fz-02-entity-applied-mn");
        // documents are links, not bare hashes; no "null" beside the jurisdiction
        assertThat(browser.all("#entity-documents a")).hasSize(3)
                .allSatisfy(a -> assertThat(a.getAttribute("href")).matches(".*/api/documents/[0-9a-f]{64}\\?registration=" + registrationId.replace(":", "(:|%3A)")));
        assertThat(browser.find("main").getText()).doesNotContain("null");
        // nothing of the operations is recorded yet: said once, not as eight labels without a value
        assertThat(browser.find("#operations-none").getText()).startsWith("Одоогоор бүртгэсэн зүйл алга");
        assertThat(browser.all("#operations")).isEmpty();
        // the governor of this zone opens them (the link names the registration that cites the document)
        assertThat(browser.script("return fetch(arguments[0]).then(r => r.status);", browser.find("#entity-documents a").getAttribute("href")))
                .isEqualTo(200L);
        browser.open(entityPage, "en");
        browser.waitFor("#form-register");
        browser.screenshot("fz-02-entity-applied-en");
        assertThat(browser.signAndSend("form-register")).contains("\"type\":\"RegisterEntity\"").contains(registrationId);
        assertThat(browser.find("#command-result").getAttribute("data-outcome")).as(browser.find("#command-result").getText()).isEqualTo("sent");
        browser.waitUntil("the entity is registered", d -> {
            browser.open(entityPage, "en");
            return "REGISTERED".equals(browser.find("#entity-status").getAttribute("data-status"));
        });
        both(entityPage, "fz-03-entity-registered", "#entity-status");
        // registered: the year to start operations is the one fact of the operations, and no label stands without its value
        assertThat(browser.all("#operations dt")).hasSize(1);
        assertThat(browser.find("#operations dt").getText()).isEqualTo("Operations due to start by");
        assertThat(browser.find("#operations dd").getText()).isNotBlank();
        browser.signOut();

        // 003 art. 22.2, 22.4: the entity's representative applies for land on the applicant's page
        LocalDate from = LocalDate.now(java.time.ZoneId.of("Asia/Ulaanbaatar")).plusDays(7);
        LocalDate until = from.plusYears(10).minusDays(1);
        browser.signInAsDemo("applicant-1");
        String registrationPage = "/applicant/registrations/" + registrationId;
        browser.waitUntil("the registration is on the applicant's page", d -> {
            browser.open(registrationPage, "en");
            return !d.findElements(By.id("form-land")).isEmpty();
        });
        browser.find("#land-name").sendKeys(PARCEL);
        setValue("#land-parcel", APPLIED);
        browser.find("#land-purpose").sendKeys("Bonded warehouse");
        setValue("#land-from", from.toString());
        setValue("#land-until", until.toString());
        new Select(browser.find("#land-method")).selectByValue("TENDER");
        browser.screenshot("fz-04-land-application-en");
        assertThat(browser.signAndSend("form-land")).contains("\"type\":\"ApplyForLandUse\"").contains(PARCEL);
        assertThat(browser.find("#command-result").getAttribute("data-outcome")).as(browser.find("#command-result").getText()).isEqualTo("sent");
        browser.open(registrationPage, "mn");
        browser.waitFor("#receipt");
        browser.screenshot("fz-04-land-application-mn");
        browser.signOut();

        // 003 art. 22.2: the governor draws a parcel reaching beyond the one applied for: the page warns, the registry refuses, in Mongolian
        browser.signInAsDemo("governor-" + ZONE);
        String landPage = "/governor/" + ZONE + "/land";
        // 003 art. 22.4, 22.5 (F541): the tender's result recorded on the desk's own form, in Mongolian; only then is the grant offered
        browser.waitUntil("the land application is offered for its result", d -> {
            browser.open(landPage, "mn");
            return !d.findElements(By.cssSelector("#selection-application option")).isEmpty()
                    && browser.find("#selection-application").getText().contains(PARCEL);
        });
        assertThat(browser.all("#grant-application option")).as("no grant before the result").noneMatch(o -> o.getText().contains(PARCEL));
        new Select(browser.find("#selection-application")).getOptions().stream().filter(o -> o.getText().contains(PARCEL)).findFirst().orElseThrow()
                .click();
        browser.find("#selection-value").sendKeys("7000000");
        browser.find("#selection-sha").sendKeys(registry.context.getBean(mn.registry.document.DocumentStore.class).receive(
                ("%PDF-1.4\nTender result for " + PARCEL + "\n%%EOF\n").getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/pdf",
                "tender-result.pdf").document().sha256());
        assertThat(browser.signAndSend("form-selection-result")).contains("\"type\":\"RecordLandSelectionResult\"");
        assertThat(browser.find("#command-result").getAttribute("data-outcome")).as(browser.find("#command-result").getText()).isEqualTo("sent");
        browser.waitUntil("the land application is on the land page", d -> {
            browser.open(landPage, "mn");
            return !d.findElements(By.cssSelector("#grant-application option")).isEmpty()
                    && browser.find("#grant-application").getText().contains(PARCEL);
        });
        chooseApplication();
        browser.waitFor("#zone-map .leaflet-draw-draw-polygon");
        MapDrawing.polygon(browser, EXTENT, new double[]{111.892, 43.707}, new double[]{111.903, 43.707}, new double[]{111.903, 43.716},
                new double[]{111.892, 43.716});
        assertThat(browser.find("#parcel-check").getAttribute("data-outcome")).isEqualTo("warning");
        assertThat(browser.find("#parcel-check").getText()).contains("хүссэн нэгжээс хэтэрч");
        fillDecision();
        showMap();
        browser.screenshot("fz-05-land-drawn-beyond-mn");
        browser.signAndSend("form-grant");
        assertThat(browser.find("#command-result").getAttribute("data-outcome")).isEqualTo("refused");
        assertThat(browser.find("#command-result").getText()).contains("freezone.grant-exceeds-application").contains("Шийдвэр хүссэнээс илүүг олгож байна");
        browser.screenshot("fz-05-land-refused-mn");

        // the governor draws the parcel inside the one applied for, the page agrees, and the registry grants it
        browser.open(landPage, "en");
        chooseApplication();
        browser.waitFor("#zone-map .leaflet-draw-draw-polygon");
        MapDrawing.polygon(browser, EXTENT, new double[]{111.897, 43.712}, new double[]{111.903, 43.712}, new double[]{111.903, 43.716},
                new double[]{111.897, 43.716});
        assertThat(browser.find("#parcel-check").getAttribute("data-outcome")).as(browser.find("#parcel-check").getText()).isEqualTo("ok");
        String drawn = browser.find("#grant-parcel").getAttribute("value");
        assertThat(drawn).startsWith("{\"type\":\"Polygon\"").isNotEqualTo(APPLIED);
        fillDecision();
        showMap();
        browser.screenshot("fz-06-land-drawn-en");
        assertThat(browser.signAndSend("form-grant")).contains("\"type\":\"GrantLandRights\"").contains(registrationId)
                .containsPattern("\\[111\\.89[67]\\d*,43\\.71[12]\\d*\\]"); // the corner drawn, to the pixel
        assertThat(browser.find("#command-result").getAttribute("data-outcome")).as(browser.find("#command-result").getText()).isEqualTo("sent");

        // 003 art. 23: the licence with its fee schedule, on the desk, in both languages
        browser.waitUntil("the licence is on the desk with its fee schedule", d -> {
            browser.open(landPage, "en");
            return d.findElements(By.cssSelector(".licence")).stream().anyMatch(l -> l.getText().contains(PARCEL));
        });
        assertThat(browser.find(".licence").getText()).contains(PARCEL).contains("%");
        assertThat(browser.all(".licence tbody tr")).isNotEmpty();
        both(landPage, "fz-07-land-licence-fees", ".licence");
        // 003 art. 22.5, 22.7 (F125): the last day to pay the one-time fee is on the licence, in both languages
        browser.open(landPage, "en");
        assertThat(browser.find(".licence").getText()).contains("Fee due by");
        assertThat(browser.find(".licence .fee-due-by").getText()).isNotBlank();
        browser.open(landPage, "mn");
        assertThat(browser.find(".licence").getText()).contains("Төлбөр төлөх эцсийн өдөр");
        // 003 art. 22.5, 22.7 (F131): the holder reports the fee paid on its page, in Mongolian, with the receipt's file; then the rights
        // cannot lapse, and the governor's page says so in English
        browser.signOut();
        browser.signInAsDemo("applicant-1");
        browser.waitUntil("the holder's page offers the fee report", d -> {
            browser.open(registrationPage, "mn");
            return !browser.all("form.fee-report").isEmpty();
        });
        String reportForm = browser.find("form.fee-report").getAttribute("id");
        browser.find("#" + reportForm + " input[type=file]").sendKeys(document("fee-receipt").toAbsolutePath().toString());
        browser.waitUntil("the receipt is hashed and kept", d -> "yes".equals(browser.find("#" + reportForm + " input[type=file]").getAttribute("data-uploaded")));
        String reportedSha = browser.find("#" + reportForm + " input[name=receiptSha256]").getAttribute("value");
        assertThat(reportedSha).matches("[0-9a-f]{64}");
        assertThat(browser.signAndSend(reportForm)).contains("\"type\":\"ReportLandFeePaid\"").contains("\"receiptSha256\"");
        assertThat(browser.find("#command-result").getAttribute("data-outcome")).as(browser.find("#command-result").getText()).isEqualTo("sent");
        browser.waitUntil("the holder's page says the fee is reported", d -> {
            browser.open(registrationPage, "en");
            return !browser.all(".fee-reported").isEmpty() && browser.all("form.fee-report").isEmpty();
        });
        browser.signOut();
        browser.signInAsDemo("governor-" + ZONE);
        browser.waitUntil("the governor's page shows the holder's report", d -> {
            browser.open(landPage, "en");
            return !browser.all(".licence .fee-reported").isEmpty();
        });
        assertThat(browser.find(".licence").getText()).contains("Holder reported the fee paid");

        // 003 art. 22.5: the one-time fee is recorded on the land page; a sum other than the nominal value is refused, the nominal value issues the certificate
        browser.open(landPage, "en");
        String feeForm = browser.all(".licence").stream().filter(l -> l.getText().contains(PARCEL)).findFirst().orElseThrow()
                .findElement(By.cssSelector("form.fee-paid")).getAttribute("id");
        assertThat(browser.find("#" + feeForm + " input[name=paid]").getAttribute("value")).isEqualTo("7000000");
        // 003 art. 22.5 (ADR 0035 item 107, F528): the form names the holder's reported document by default, and asks why only for another
        assertThat(browser.find("#" + feeForm + " input[name=receiptSha256]").getAttribute("value")).isEqualTo(reportedSha);
        assertThat(browser.find("#" + feeForm + " .fee-reported-document").getText()).contains("The holder reported the fee paid with this document");
        assertThat(browser.find("#" + feeForm + " label[for=" + browser.find("#" + feeForm + " textarea[name=otherReceiptReason]").getAttribute("id") + "]")
                .getText()).startsWith("Why the certificate rests on another document");
        browser.find("#" + feeForm + " input[name=paid]").clear();
        browser.find("#" + feeForm + " input[name=paid]").sendKeys("6000000");
        browser.find("#" + feeForm + " input[name=receipt]").sendKeys("Receipt Z-7/1");
        browser.signAndSend(feeForm);
        assertThat(browser.find("#command-result").getAttribute("data-code")).as(browser.find("#command-result").getText()).isEqualTo("freezone.fee-not-nominal-value");
        // 003 art. 22.5 (F502): the certificate rests on the receipt's received document: a hash of a file never uploaded is refused
        browser.open(landPage, "mn");
        assertThat(browser.find("#" + feeForm + " .fee-reported-document").getText()).contains("Эзэмшигч төлбөрөө энэ баримт бичгээр мэдэгдсэн");
        assertThat(browser.find("#" + feeForm + " label[for=" + browser.find("#" + feeForm + " textarea[name=otherReceiptReason]").getAttribute("id") + "]")
                .getText()).startsWith("Гэрчилгээ эзэмшигчийн мэдэгдлээс өөр баримт бичигт");
        browser.find("#" + feeForm + " input[name=receipt]").sendKeys("Receipt Z-7/1");
        browser.find("#" + feeForm + " input[name=receiptSha256]").clear();
        browser.find("#" + feeForm + " input[name=receiptSha256]").sendKeys("0".repeat(64));
        browser.signAndSend(feeForm);
        assertThat(browser.find("#command-result").getAttribute("data-code")).as(browser.find("#command-result").getText()).isEqualTo("document.unknown");
        // F528: another received document than the holder's report's, with no reason, is refused on the page in Mongolian, nothing issued
        browser.open(landPage, "mn");
        browser.find("#" + feeForm + " input[name=receipt]").sendKeys("Receipt Z-7/1");
        uploadTheReceipt(feeForm);
        assertThat(browser.find("#" + feeForm + " input[name=receiptSha256]").getAttribute("value")).isNotEqualTo(reportedSha);
        browser.signAndSend(feeForm);
        assertThat(browser.find("#command-result").getAttribute("data-code")).as(browser.find("#command-result").getText())
                .isEqualTo("freezone.land-fee-receipt-not-the-reported-one");
        assertThat(browser.find("#command-result").getText()).contains("Эзэмшигч төлбөрөө баримтын баримт бичгээр мэдэгдсэн");
        // and in English, a reason holding a phone number is refused
        browser.open(landPage, "en");
        browser.find("#" + feeForm + " input[name=receipt]").sendKeys("Receipt Z-7/1");
        uploadTheReceipt(feeForm);
        browser.find("#" + feeForm + " textarea[name=otherReceiptReason]").sendKeys("Reissued by the bank; ask 99112233");
        browser.signAndSend(feeForm);
        assertThat(browser.find("#command-result").getAttribute("data-code")).as(browser.find("#command-result").getText())
                .isEqualTo("privacy.personal-details-in-receipt-reason");
        assertThat(browser.find("#command-result").getText()).contains("remove the civil registration number, phone number or e-mail address");
        browser.consoleErrors(); // the refused commands' 4xx answers are logged by the browser
        // the lawful certificate: the holder's reported document, as the form names it
        browser.open(landPage, "mn");
        browser.find("#" + feeForm + " input[name=receipt]").sendKeys("Receipt Z-7/1");
        assertThat(browser.find("#" + feeForm + " input[name=receiptSha256]").getAttribute("value")).isEqualTo(reportedSha);
        browser.screenshot("fz-07-land-fee-mn");
        assertThat(browser.signAndSend(feeForm)).contains("\"type\":\"RecordLandFeePaid\"").contains("Receipt Z-7/1").contains("\"amount\":7000000")
                .contains("\"receiptSha256\":\"" + reportedSha + "\"").doesNotContain("otherReceiptReason");
        assertThat(browser.find("#command-result").getAttribute("data-outcome")).as(browser.find("#command-result").getText()).isEqualTo("sent");
        browser.waitUntil("the certificate is issued and the fee form no longer offered", d -> {
            browser.open(landPage, "en");
            return d.findElements(By.cssSelector(".licence")).stream().anyMatch(l -> l.getText().contains(PARCEL) && l.getText().contains("Certificate issued")
                    && l.findElements(By.cssSelector("form.fee-paid")).isEmpty());
        });
        browser.screenshot("fz-07-land-fee-paid-en");

        // 003 art. 12.3: the quarterly report, the period chosen with the (aligned) form, signed. The registry reports no quarter that ended
        // before it recorded the zone (ADR 0035 item 37, F176), and the zone was recorded at this registry's start: its clock is moved past
        // the end of the quarter now running, which the report page then opens on, the quarter in which
        // the entity was registered
        browser.signOut();
        RegistryClock clock = registry.context.getBean(RegistryClock.class);
        LocalDate now = UlaanbaatarTime.dateOf(clock.instant());
        clock.advance(Duration.ofDays(ChronoUnit.DAYS.between(now, Quarter.of(now).lastDay()) + 2));
        browser.signInAsDemo("governor-" + ZONE);
        String reportPage = "/governor/" + ZONE + "/reports";
        browser.open(reportPage, "mn");
        browser.waitFor("#report-period");
        // aligned: each label above its input, the two inputs and the button on one line
        assertThat(browser.find("#rep-year").getLocation().getY()).isEqualTo(browser.find("#rep-quarter").getLocation().getY());
        assertThat(browser.find("label[for=rep-year]").getLocation().getY()).isLessThan(browser.find("#rep-year").getLocation().getY());
        assertThat(browser.find("label[for=rep-quarter]").getLocation().getY()).isLessThan(browser.find("#rep-quarter").getLocation().getY());
        browser.screenshot("fz-08-report-mn");
        browser.open(reportPage, "en");
        assertThat(browser.find("#rep-quarter").getAttribute("value")).isEqualTo(String.valueOf(Quarter.of(now).quarter()));
        String reportHash = browser.find("#report-sha256").getText();
        browser.screenshot("fz-08-report-en");
        assertThat(browser.signAndSend("form-sign-report")).contains(reportHash);
        assertThat(browser.find("#command-result").getAttribute("data-outcome")).as(browser.find("#command-result").getText()).isEqualTo("sent");
        browser.waitUntil("the report shows its signature", d -> {
            browser.open(reportPage, "en");
            return !d.findElements(By.id("report-signed")).isEmpty();
        });
        both(reportPage, "fz-09-report-signed", "#report-signed");
        browser.signOut();

        // the public extract of the registration: names and words, no ids, nothing untranslated
        String publicPage = "/register/entities/" + registrationId;
        browser.waitUntil("the registration is on the public register", d -> {
            browser.open(publicPage, "mn");
            return !d.findElements(By.id("extract")).isEmpty();
        });
        String mn = browser.find("main").getText();
        assertThat(mn).contains(ENTITY.name()).contains("Замын-Үүд эдийн засгийн чөлөөт бүс").contains("Монгол")
                .doesNotContain(registrationId).doesNotContain("governor-").doesNotContain("null").doesNotContain("??");
        browser.screenshot("fz-10-public-extract-mn");
        browser.open(publicPage, "en");
        browser.waitFor("#extract");
        assertThat(browser.find("#history").getText()).contains("registered in Zamyn-Uud Free Economic Zone on").contains("governor of Zamyn-Uud");
        browser.screenshot("fz-10-public-extract-en");

        // its PDF: the Cyrillic name, the latest record's log index, the checkpoint and the link to verify it
        String href = browser.find("#extract-pdf").getAttribute("href") + "?lang=en";
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            text = new PDFTextStripper().getText(doc);
        }
        Matcher index = Pattern.compile("Log index (\\d+)").matcher(text);
        assertThat(index.find()).as(text).isTrue();
        Matcher size = Pattern.compile("Checkpoint: log size (\\d+)").matcher(text);
        assertThat(size.find()).as(text).isTrue();
        assertThat(Long.parseLong(size.group(1))).isGreaterThan(Long.parseLong(index.group(1)));
        assertThat(text).contains(ENTITY.name()).contains("root hash").containsPattern("[A-Za-z0-9+/]{43}=")
                .contains(registry.url("/verify?index="));

        // one published record's PDF, in Mongolian: the Cyrillic labels and name survive text extraction
        HttpResponse<byte[]> record = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(registry.url("/decisions/" + index.group(1)
                + "/extract.pdf?lang=mn"))).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(record.statusCode()).isEqualTo(200);
        try (PDDocument doc = Loader.loadPDF(record.body())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Ил тод бүртгэлийн дэс дугаар " + index.group(1)).contains("Замын-Үүд")
                    .contains(registry.url("/verify?index=" + index.group(1)));
        }
    }

    /** A receipt's file chosen on the governor's fee form, hashed and kept (F502: the certificate names its document). */
    private void uploadTheReceipt(String feeForm) {
        browser.find("#" + feeForm + " input[type=file]").sendKeys(document("fee-receipt").toAbsolutePath().toString());
        browser.waitUntil("the receipt is hashed and kept", d -> "yes".equals(browser.find("#" + feeForm + " input[type=file]").getAttribute("data-uploaded")));
    }

    private static Path document(String name) {
        try {
            Path file = Files.createTempFile(name + "-", ".pdf");
            Files.writeString(file, "%PDF-1.4\n" + ENTITY.name() + " " + name + " " + System.nanoTime() + "\n%%EOF\n", StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void chooseApplication() {
        Select select = new Select(browser.find("#grant-application"));
        select.getOptions().stream().filter(o -> o.getText().contains(PARCEL)).findFirst().orElseThrow().click();
        assertThat(browser.find("#grant-name").getAttribute("value")).isEqualTo(PARCEL);
    }

    private static void showMap() {
        browser.script("document.getElementById('zone-map').scrollIntoView({block: 'start'});");
    }

    private static void fillDecision() {
        browser.find("#grant-value").clear();
        browser.find("#grant-value").sendKeys("7000000");
        browser.find("#grant-decision").clear();
        browser.find("#grant-decision").sendKeys("Governor decision Z/7 (demo)");
    }

}
