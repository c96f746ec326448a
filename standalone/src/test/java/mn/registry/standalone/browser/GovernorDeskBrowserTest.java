package mn.registry.standalone.browser;

import mn.registry.document.DocumentStore;
import mn.registry.infrastructure.time.RegistryClock;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.freezone.Activity;
import mn.registry.kernel.freezone.Jurisdiction;
import mn.registry.kernel.freezone.LegalEntity;
import mn.registry.kernel.freezone.QuarterlyReportContent.Quarter;
import mn.registry.kernel.freezone.RegistrationCommands;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.freezone.SubmittedZoneDocument;
import mn.registry.kernel.freezone.ZoneDocument;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.standalone.RegistryClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 8: a governor registers an entity from the zone's queue, signing in the browser, and sees it on the public register. */
@BrowserTest
class GovernorDeskBrowserTest {

    static final LegalEntity ENTITY = new LegalEntity("Kharaa River Logistics LLC", Jurisdiction.MONGOLIAN, null, "6207711");

    private static BrowserRegistry registry;
    private static Browser browser;

    /** An entity's application to a zone with its documents (its own in each zone: one fee pays one registration, F123), signed by the demo applicant by API (003 art. 12.1), for tests about other pages. */
    static String apply(BrowserRegistry registry, LegalEntity entity, String zone) {
        return apply(registry, "applicant-1", entity, zone);
    }

    /** As {@link #apply(BrowserRegistry, LegalEntity, String)}, signed by {@code signer} as the entity's representative. */
    static String apply(BrowserRegistry registry, String signer, LegalEntity entity, String zone) {
        List<SubmittedZoneDocument> documents = ZoneDocument.requiredFor(entity.jurisdiction()).stream().map(kind -> new SubmittedZoneDocument(kind,
                registry.context.getBean(DocumentStore.class).receive(("%PDF-1.4\n" + entity.name() + " " + kind + " " + zone + " " + System.nanoTime() + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8),
                        "application/pdf", kind + ".pdf").document().sha256())).toList();
        RegistryClient.Reply applied = registry.client.command(registry.client.sign(signer, "ApplyForZoneRegistration",
                new RegistrationCommands.ApplyForZoneRegistration(ZoneId.of(zone), entity, Activity.TRADE, documents)));
        assertThat(applied.status()).as(applied.body().toString()).isEqualTo(200);
        return applied.body().path("registrationId").asText();
    }

    /**
     * The entity's application as its representative makes it: on the applicant's page, each document chosen as a file,
     * signed in the browser (003 art. 12.1); answers the registration id.
     */
    private static String applyOnTheApplicantPage(LegalEntity entity, String zone) {
        browser.signInAsDemo("applicant-1");
        browser.open("/applicant/zones/apply", "en");
        browser.waitFor("#form-zone-apply");
        new Select(browser.find("#za-zone")).selectByValue(zone);
        browser.find("#za-name").sendKeys(entity.name());
        new Select(browser.find("#za-jurisdiction")).selectByValue(entity.jurisdiction().name());
        browser.find("#za-number").sendKeys(entity.registrationNumber());
        new Select(browser.find("#za-activity")).selectByValue(Activity.TRADE.name());
        for (ZoneDocument kind : ZoneDocument.requiredFor(entity.jurisdiction())) {
            WebElement file = browser.find("#zdoc-file-" + kind.name());
            file.sendKeys(document(entity, kind).toAbsolutePath().toString());
            browser.waitUntil("the " + kind + " is hashed and kept", d -> "yes".equals(file.getAttribute("data-uploaded")));
        }
        assertThat(browser.signAndSend("form-zone-apply")).contains("\"type\":\"ApplyForZoneRegistration\"").contains(entity.name());
        assertThat(browser.find("#command-result").getAttribute("data-outcome")).as(browser.find("#command-result").getText()).isEqualTo("sent");
        browser.signOut();
        return RegistrationId.of(ZoneId.of(zone), entity).value();
    }

    private static Path document(LegalEntity entity, ZoneDocument kind) {
        try {
            Path file = Files.createTempFile(kind.name() + "-", ".pdf");
            Files.writeString(file, "%PDF-1.4\n" + entity.name() + " " + kind + " " + System.nanoTime() + "\n%%EOF\n", StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    @DisplayName("003 art. 12.2: the entity applies on its page; the queue shows business days left; the governor registers in the browser; the registration is public")
    void governor_registers_an_entity_and_the_public_sees_it() {
        String registrationId = applyOnTheApplicantPage(ENTITY, "altanbulag");
        browser.signInAsDemo("governor-altanbulag");
        browser.waitUntil("the application reaches the zone queue", d -> {
            browser.open("/governor/altanbulag", "en");
            return browser.find("body").getText().contains(ENTITY.name());
        });
        assertThat(browser.find("#zone-queue").getText()).contains("business days left");
        browser.screenshot("governor-desk");

        browser.driver.findElement(By.linkText(ENTITY.name())).click();
        browser.waitFor("#form-register");
        assertThat(browser.find("#entity-status").getAttribute("data-status")).isEqualTo("APPLIED");
        String shown = browser.signAndSend("form-register");
        assertThat(shown).contains("\"type\":\"RegisterEntity\"").contains(registrationId);
        assertThat(browser.find("#command-result").getAttribute("data-outcome")).as(browser.find("#command-result").getText()).isEqualTo("sent");
        // ADR 0071: one load; the page waits for the register to have the registration's last event
        browser.open("/governor/altanbulag/entities/" + registrationId, "en");
        assertThat(browser.find("#entity-status").getAttribute("data-status")).isEqualTo("REGISTERED");
        browser.screenshot("governor-entity");

        // 003 art. 22.2-22.4, 23.1: the entity applies for land (its own act, by API), its operations have started, and the governor
        // grants the application in the browser: the form is filled from what was applied for; the fee schedule shows the exemption
        java.time.LocalDate today = mn.registry.kernel.calendar.UlaanbaatarTime.dateOf(java.time.Instant.now());
        java.time.LocalDate from = today.plusDays(7);
        RegistryClient.Reply started = registry.client.command(registry.client.sign("governor-altanbulag", "RecordOperationsStarted",
                new RegistrationCommands.RecordOperationsStarted(new mn.registry.kernel.freezone.RegistrationId(registrationId), today,
                        registry.context.getBean(DocumentStore.class).receive(("%PDF-1.4\nStart of operations " + registrationId + "\n%%EOF\n")
                                .getBytes(StandardCharsets.UTF_8), "application/pdf", "start.pdf").document().sha256())));
        assertThat(started.status()).as(started.body().toString()).isEqualTo(200);
        RegistryClient.Reply applied = registry.client.command(registry.client.sign("applicant-1", "ApplyForLandUse",
                new mn.registry.kernel.freezone.LandCommands.ApplyForLandUse(ZoneId.of("altanbulag"), new mn.registry.kernel.freezone.RegistrationId(registrationId),
                        "Parcel A-1", mn.registry.kernel.freezone.GeoPolygon.of(106.44, 50.315, 106.445, 50.315, 106.445, 50.318, 106.44, 50.318),
                        "Bonded warehouse", from, from.plusYears(10).minusDays(1), mn.registry.kernel.freezone.LandCommands.AllocationMethod.AUCTION)));
        assertThat(applied.status()).as(applied.body().toString()).isEqualTo(200);
        String applicationId = applied.body().path("applicationId").asText();
        // 003 art. 22.4, 22.5 (F541, F543): the auction's result recorded, the grant is offered at its nominal value
        mn.registry.standalone.LandSelectionStep.selected(registry.context, (p, t, b) -> registry.client.command(registry.client.sign(p, t, b)),
                "governor-altanbulag", new mn.registry.kernel.freezone.LandApplicationId(applicationId), mn.registry.kernel.money.Money.mnt(5_000_000));
        browser.open("/governor/altanbulag/land", "en"); // ADR 0071: the land register's last event is the result
        assertThat(browser.driver.findElements(By.id("grant-application"))).isNotEmpty();
        // 003 art. 22.2, 22.7 (ADR 0035): the form says the period's bounds the register checks, in both languages, tied to both date fields
        browser.open("/governor/altanbulag/land", "mn");
        assertThat(browser.find("#grant-period-rule").getText()).contains("60 жил").contains("Газрын тухай хуулийн 35").contains("нэг жилийн дотор");
        browser.open("/governor/altanbulag/land", "en");
        assertThat(browser.find("#grant-period-rule").getText()).contains("at most 60 years").contains("reaches the registry").contains("no later than a year after it");
        assertThat(browser.find("#grant-until").getAttribute("aria-describedby")).isEqualTo("grant-period-rule");
        new org.openqa.selenium.support.ui.Select(browser.find("#grant-application")).selectByValue(applicationId);
        assertThat(browser.find("#grant-name").getAttribute("value")).isEqualTo("Parcel A-1");
        assertThat(browser.find("#grant-purpose").getAttribute("value")).isEqualTo("Bonded warehouse");
        assertThat(browser.find("#grant-from").getAttribute("value")).isEqualTo(from.toString());
        assertThat(browser.find("#grant-value").getAttribute("value")).as("the result's nominal value, prefilled").isEqualTo("5000000");
        browser.find("#grant-decision").sendKeys("Governor decision A/12 (demo)");
        assertThat(browser.signAndSend("form-grant")).contains("\"type\":\"GrantLandRights\"").contains(applicationId).contains(registrationId);
        assertThat(browser.find("#command-result").getAttribute("data-outcome")).as(browser.find("#command-result").getText()).isEqualTo("sent");
        browser.open("/governor/altanbulag/land", "en"); // ADR 0071: one load after the grant
        assertThat(browser.all(".licence tbody tr")).isNotEmpty();
        assertThat(browser.find(".licence").getText()).contains("Parcel A-1").contains("100 %");
        // the holder by its registered name beside its registration id
        assertThat(browser.find(".licence .holder").getText()).endsWith(" (" + registrationId + ")").doesNotStartWith(registrationId);
        browser.waitFor("#zone-map .leaflet-interactive");
        assertThat(browser.all("#zone-map path.leaflet-interactive")).hasSize(2);
        // the map is a named region, not itself in the tab order (axe nested-interactive); its zoom buttons are, and the keys pan and zoom from them
        assertThat(browser.find("#zone-map").getAttribute("tabindex")).isNull();
        assertThat(browser.find("#zone-map").getAttribute("role")).isEqualTo("region");
        assertThat(browser.find("#zone-map").getAttribute("aria-label")).isNotBlank();
        String before = (String) browser.script("return document.querySelector('#zone-map .leaflet-map-pane').style.transform;");
        browser.find("#zone-map .leaflet-control-zoom-in").sendKeys(org.openqa.selenium.Keys.ARROW_RIGHT);
        assertThat(browser.script("return document.activeElement.classList.contains('leaflet-control-zoom-in');")).isEqualTo(true);
        browser.waitUntil("the arrow key pans the map", d -> !before.equals(browser.script(
                "return document.querySelector('#zone-map .leaflet-map-pane').style.transform;")));
        browser.screenshot("governor-land");
        // the zoom buttons are named in the page's language (their titles are their accessible names)
        assertThat(browser.find("#zone-map .leaflet-control-zoom-in").getAttribute("title")).isEqualTo("Zoom in");
        browser.open("/governor/altanbulag/land", "mn");
        browser.waitFor("#zone-map .leaflet-interactive");
        assertThat(browser.find("#zone-map .leaflet-control-zoom-in").getAttribute("title")).isEqualTo("Томруулах");
        assertThat(browser.find("#zone-map .leaflet-control-zoom-out").getAttribute("title")).isEqualTo("Жижигрүүлэх");

        // 003 art. 12.3 (ADR 0035 item 37, F176, was O102): the demo zones were recorded at the registry's start, in the quarter now running,
        // so the report page opens on that quarter, the first the registry can report, says that earlier quarters are not reported here,
        // and offers no signature before the quarter has ended (QuarterlyReportCorrectionBrowserTest signs a report, on a registry whose
        // clock it moves past the quarter's end)
        Quarter first = Quarter.of(UlaanbaatarTime.dateOf(registry.context.getBean(RegistryClock.class).instant()));
        browser.open("/governor/altanbulag/reports", "en");
        assertThat(browser.find("#rep-year").getAttribute("value")).isEqualTo(String.valueOf(first.year()));
        assertThat(browser.find("#rep-quarter").getAttribute("value")).isEqualTo(String.valueOf(first.quarter()));
        assertThat(browser.find("#report-first").getText()).startsWith("The registry reports this zone's quarters from " + first.year() + " Q"
                + first.quarter() + " on: it recorded the zone on ").endsWith("Earlier quarters are not reported here (art. 12.3).");
        assertThat(browser.find("#report-not-ended").getText()).startsWith("This quarter has not ended yet");
        assertThat(browser.all("#form-sign-report")).isEmpty();
        assertThat(browser.find("#report-sha256").getText()).hasSize(64);
        browser.screenshot("governor-report");
        // the quarter before it, asked for by the period form: not reported here, in the page's language
        Quarter earlier = Quarter.of(first.firstDay().minusDays(1));
        browser.open("/governor/altanbulag/reports?year=" + earlier.year() + "&quarter=" + earlier.quarter(), "mn");
        assertThat(browser.find("h1").getText()).isEqualTo("Алтанбулаг худалдааны чөлөөт бүс");
        assertThat(browser.find("#report-first").getText()).startsWith("Бүртгэл энэ бүсийн улирлыг " + first.year() + " оны " + first.quarter()
                + "-р улирлаас эхлэн тайлагнана");
        assertThat(browser.find("#report-not-reported").getText()).startsWith("Энэ улирал бүсийг бүртгэлд бүртгэхээс өмнө дууссан");
        assertThat(browser.all("#form-sign-report")).isEmpty();

        browser.signOut();
        browser.waitUntil("the registration is on the public register", d -> {
            browser.open("/register?kind=entities&name=Kharaa", "en");
            return !d.findElements(By.linkText(ENTITY.name())).isEmpty();
        });
        browser.driver.findElement(By.linkText(ENTITY.name())).click();
        browser.waitFor("#history");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/register/entities/" + registrationId);
        // ADR 0021: the governor by the name the appointment published, never by the internal person id
        assertThat(browser.find("#history").getText()).contains("Entity registered in a free zone").contains("governor of Altanbulag Free Trade Zone")
                .doesNotContain("governor-altanbulag");
    }

    static final LegalEntity DISSOLVED = new LegalEntity("Tuul Felt LLC", Jurisdiction.MONGOLIAN, null, "6207712");

    @Test
    @DisplayName("003 art. 12.5.1, 12.5.2, 12.5.3, 23.1, 26.2 (ADR 0035 items 7, 23, 46, 56): the governor records the investment agreement, the start of operations, an interruption, its resumption and the court's decision with their documents, each chosen as a file, hashed and kept, in either language")
    void agreement_and_court_decision_are_recorded_with_their_documents() throws IOException {
        String registrationId = apply(registry, DISSOLVED, "altanbulag");
        RegistryClient.Reply registered = registry.client.command(registry.client.sign("governor-altanbulag", "RegisterEntity",
                new RegistrationCommands.RegisterEntity(new RegistrationId(registrationId))));
        assertThat(registered.status()).as(registered.body().toString()).isEqualTo(200);
        browser.signInAsDemo("governor-altanbulag");
        String page = "/governor/altanbulag/entities/" + registrationId;
        browser.open(page, "mn"); // ADR 0071: one load after the registration
        assertThat(browser.driver.findElements(By.id("form-agreement"))).isNotEmpty();
        // both forms ask for the document in the page's language: a file chooser and the SHA-256 it fills, each labelled (axe runs on each page)
        assertThat(browser.find("label[for=ag-sha]").getText()).contains("хөрөнгө оруулалтын гэрээний SHA-256");
        assertThat(browser.find("label[for=co-sha]").getText()).contains("Шүүхийн шийдвэрийн SHA-256");
        browser.open(page, "en");
        assertThat(browser.find("label[for=ag-sha]").getText()).contains("SHA-256 of the signed investment agreement");
        assertThat(browser.find("label[for=co-sha]").getText()).contains("SHA-256 of the court's decision");
        assertThat(browser.find("#ag-sha").getAttribute("required")).isNotNull();
        assertThat(browser.find("#co-sha").getAttribute("required")).isNotNull();

        java.time.LocalDate today = UlaanbaatarTime.dateOf(java.time.Instant.now());
        recordWithItsDocument(page, "en", "ag", "form-agreement", "RecordInvestmentAgreement", "Investment agreement " + registrationId, () -> {
            browser.script("document.getElementById('ag-ends').value = arguments[0]", today.plusYears(10).toString());
            browser.find("#ag-investment").sendKeys("2500000000");
        }, "form-started");
        // 003 art. 12.5.1, 23.1-23.2 (ADR 0035 item 23): the start names the day operations started (no day filled in for the governor:
        // the record's day is not the start's) and its document, in either language
        assertThat(browser.find("label[for=st-on]").getText()).contains("Day operations started");
        assertThat(browser.find("#st-rule").getText()).contains("years of operation count from it");
        assertThat(browser.find("label[for=st-sha]").getText()).contains("SHA-256 of the document the start rests on");
        assertThat(browser.find("#st-on").getAttribute("value")).isEmpty();
        assertThat(browser.find("#st-sha").getAttribute("required")).isNotNull();
        browser.open(page, "mn");
        assertThat(browser.find("label[for=st-on]").getText()).contains("Үйл ажиллагаа эхэлсэн өдөр");
        assertThat(browser.find("label[for=st-sha]").getText()).contains("Эхэлсэн гэдгийг нотлох баримт бичгийн SHA-256");
        recordWithItsDocument(page, "en", "st", "form-started", "RecordOperationsStarted", "Start of operations " + registrationId, () ->
                browser.script("document.getElementById('st-on').value = arguments[0]", today.toString()), "form-interrupted");
        // 003 art. 12.5.2, 26.2 (the lead, ADR 0035 item 46): the interruption names its first day (none filled in) and its document, in
        // either language
        assertThat(browser.find("label[for=in-on]").getText()).contains("First day of the interruption");
        assertThat(browser.find("#in-rule").getText()).contains("not after the day the registry received the document");
        assertThat(browser.find("label[for=in-sha]").getText()).contains("SHA-256 of the document the interruption rests on");
        assertThat(browser.find("#in-on").getAttribute("value")).isEmpty();
        assertThat(browser.find("#in-sha").getAttribute("required")).isNotNull();
        browser.open(page, "mn");
        assertThat(browser.find("label[for=in-on]").getText()).contains("Тасалдсан эхний өдөр");
        assertThat(browser.find("#in-rule").getText()).contains("хүлээн авсан өдрөөс хэтрүүлэхгүй");
        assertThat(browser.find("label[for=in-sha]").getText()).contains("Тасалдсаныг нотлох баримт бичгийн SHA-256");
        recordWithItsDocument(page, "en", "in", "form-interrupted", "RecordOperationsInterrupted", "Interruption of operations " + registrationId, () ->
                browser.script("document.getElementById('in-on').value = arguments[0]", today.toString()), "form-resumed");
        // 003 art. 12.5.2 (the lead, ADR 0035 item 56, F263): the resumption names its day (none filled in) and its document, in either language
        assertThat(browser.find("label[for=re-on]").getText()).contains("First day of operations again");
        assertThat(browser.find("#re-rule").getText()).contains("not after the day the registry received the document");
        assertThat(browser.find("label[for=re-sha]").getText()).contains("SHA-256 of the document the resumption rests on");
        assertThat(browser.find("#re-on").getAttribute("value")).isEmpty();
        assertThat(browser.find("#re-sha").getAttribute("required")).isNotNull();
        browser.open(page, "mn");
        assertThat(browser.find("label[for=re-on]").getText()).contains("Үйл ажиллагаа сэргэсэн эхний өдөр");
        assertThat(browser.find("#re-rule").getText()).contains("хүлээн авсан өдрөөс хэтрүүлэхгүй");
        assertThat(browser.find("label[for=re-sha]").getText()).contains("Сэргэснийг нотлох баримт бичгийн SHA-256");
        recordWithItsDocument(page, "en", "re", "form-resumed", "RecordOperationsResumed", "Resumption of operations " + registrationId, () ->
                browser.script("document.getElementById('re-on').value = arguments[0]", today.toString()), "form-interrupted");
        recordWithItsDocument(page, "mn", "co", "form-court", "RecordCourtDecision", "Tuul civil court 2026/88", () -> {
            browser.find("#co-ref").sendKeys("Tuul civil court 2026/88");
            browser.script("document.getElementById('co-on').value = arguments[0]", today.toString());
            browser.find("#co-bankruptcy").click();
        });
        // 003 art. 12.5.3, 26.2 (ADR 0035 item 49, F247): once the dissolution is recorded the page offers no resumption (nor start or
        // interruption): the registry refuses them
        assertThat(browser.driver.findElements(By.id("form-resumed"))).isEmpty();
        assertThat(browser.driver.findElements(By.id("form-interrupted"))).isEmpty();
        browser.signOut();
    }

    static final LegalEntity DISSOLVED_IN_TWO_ZONES = new LegalEntity("Ider Two-Zone Cashmere LLC", Jurisdiction.MONGOLIAN, null, "6207713");

    @Test
    @DisplayName("003 art. 12.5.3, 26.2 (the lead, ADR 0035 item 67, F300, was O168): the governor of the entity's other zone sees, in either "
            + "language, that its dissolution was recorded in another zone (the zone and the court's day); the page offers no start, no "
            + "investment agreement (ADR 0035 item 100, F500), and "
            + "offers the court's decision to record it here; 003 art. 12.5.3, 22.6, 22.7 (ADR 0035 item 85, F417, was O238): the desk lists it "
            + "as a decision to record here by its last day, in either language")
    void the_other_zones_governor_sees_the_dissolution_recorded_elsewhere() {
        RegistrationId[] registrations = dissolvedInAltanbulagAndRegisteredInZamynUud(registry, DISSOLVED_IN_TWO_ZONES, "Ider civil court 2026/5");
        browser.signInAsDemo("governor-zamyn-uud");
        String page = "/governor/zamyn-uud/entities/" + registrations[1].value();
        browser.waitUntil("the other zone's record reaches the desk", d -> {
            browser.open(page, "en");
            return !d.findElements(By.id("court-decision-elsewhere")).isEmpty();
        });
        assertThat(browser.find("#court-decision-elsewhere").getText()).contains("Altanbulag Free Trade Zone").contains("(altanbulag)")
                .contains("no start, interruption or resumption");
        assertThat(browser.driver.findElements(By.id("form-started"))).isEmpty();
        assertThat(browser.driver.findElements(By.id("form-agreement"))).as("ADR 0035 item 100, F500: no agreement after the dissolution").isEmpty();
        assertThat(browser.driver.findElements(By.id("form-court"))).isNotEmpty();
        browser.open(page, "mn");
        assertThat(browser.find("#court-decision-elsewhere").getText()).contains("Altanbulag Free Trade Zone").contains("татан буулгасан шүүхийн шийдвэр");
        assertThat(browser.driver.findElements(By.id("form-started"))).isEmpty();
        assertThat(browser.driver.findElements(By.id("form-agreement"))).isEmpty();
        // F417: the desk lists the duty to record it here, with its last day
        String duty = "#court-decisions-to-record li[data-registration='" + registrations[1].value() + "']";
        browser.waitUntil("the duty reaches the desk", d -> {
            browser.open("/governor/zamyn-uud", "en");
            return !browser.all(duty).isEmpty();
        });
        assertThat(browser.find(duty).getText()).contains("Altanbulag Free Trade Zone").contains("Ider civil court 2026/5")
                .contains("record it on this registration by").contains("business days left");
        browser.open("/governor/zamyn-uud", "mn");
        assertThat(browser.find(duty).getText()).contains("энэ бүртгэлд бүртгэх эцсийн хугацаа").contains("ажлын өдөр үлдсэн");
        browser.signOut();
    }

    /** The entity registered in Altanbulag and Zamyn-Uud, its court's dissolution recorded in Altanbulag today (F417's duty in Zamyn-Uud). */
    /** The entity registered in Altanbulag and Zamyn-Uud, its dissolution recorded in Altanbulag today (also the Cabinet member's desk's test). */
    static RegistrationId[] dissolvedInAltanbulagAndRegisteredInZamynUud(BrowserRegistry registry, LegalEntity entity, String reference) {
        RegistrationId[] registrations = new RegistrationId[2];
        String[] zones = {"altanbulag", "zamyn-uud"};
        for (int i = 0; i < 2; i++) {
            registrations[i] = new RegistrationId(apply(registry, entity, zones[i]));
            RegistryClient.Reply registered = registry.client.command(registry.client.sign("governor-" + zones[i], "RegisterEntity",
                    new RegistrationCommands.RegisterEntity(registrations[i])));
            assertThat(registered.status()).as(registered.body().toString()).isEqualTo(200);
        }
        java.time.LocalDate today = UlaanbaatarTime.dateOf(java.time.Instant.now());
        RegistryClient.Reply recorded = registry.client.command(registry.client.sign("governor-altanbulag", "RecordCourtDecision",
                new RegistrationCommands.RecordCourtDecision(registrations[0], reference, today, false,
                        registry.context.getBean(DocumentStore.class).receive(("%PDF-1.4\n" + reference + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8),
                                "application/pdf", "court.pdf").document().sha256())));
        assertThat(recorded.status()).as(recorded.body().toString()).isEqualTo(200);
        return registrations;
    }

    static final LegalEntity UNDER_APPEAL = new LegalEntity("Ider Appealed Cashmere LLC", Jurisdiction.MONGOLIAN, null, "6207791");

    @Test
    @DisplayName("003 art. 12.5.3 (ADR 0035 items 68, 88; F418, was O256): the other zone's governor declines on the entity's page to record "
            + "the court's decision here, with reasons and a document chosen as a file: reasons with a phone number are refused on the page; "
            + "once declined, the page says why in either language, the form is gone and the desk no longer lists the duty")
    void the_other_zones_governor_declines_to_record_the_decision_with_reasons() {
        RegistrationId[] registrations = dissolvedInAltanbulagAndRegisteredInZamynUud(registry, UNDER_APPEAL, "Ider civil court 2026/9");
        browser.signInAsDemo("governor-zamyn-uud");
        String page = "/governor/zamyn-uud/entities/" + registrations[1].value();
        browser.waitUntil("the duty reaches the entity's page", d -> {
            browser.open(page, "mn");
            return !d.findElements(By.id("form-court-decline")).isEmpty();
        });
        assertThat(browser.find("#form-court-decline h3").getText()).contains("шалтгааныг нь дурдах");
        browser.open(page, "en");
        browser.find("#cd-reasons").sendKeys("Under appeal; ask the director on 99112233");
        browser.chooseFile("cd-file", "cd-sha", "%PDF-1.4\nAppeal 2026/44 against Ider civil court 2026/9 " + System.nanoTime() + "\n%%EOF\n");
        assertThat(browser.signAndSend("form-court-decline")).contains("\"type\":\"DeclineCourtDecisionRecording\"");
        assertThat(browser.find("#command-result").getAttribute("data-outcome")).isEqualTo("refused");
        assertThat(browser.find("#command-result").getText()).contains("privacy.personal-details-in-published-text");
        browser.consoleErrors(); // the refused command's 4xx answer is logged by the browser
        browser.open(page, "en");
        browser.find("#cd-reasons").sendKeys("Under appeal at the Supreme Court, appeal 2026/44");
        browser.chooseFile("cd-file", "cd-sha", "%PDF-1.4\nAppeal 2026/44 of Ider civil court 2026/9 " + System.nanoTime() + "\n%%EOF\n");
        browser.signAndSend("form-court-decline");
        assertThat(browser.find("#command-result").getAttribute("data-outcome")).as(browser.find("#command-result").getText()).isEqualTo("sent");
        browser.waitUntil("the decline reaches the entity's page", d -> {
            browser.open(page, "en");
            return !d.findElements(By.id("court-decision-declined")).isEmpty();
        });
        assertThat(browser.find("#court-decision-declined").getText()).contains("was not recorded here").contains("Under appeal at the Supreme Court");
        assertThat(browser.driver.findElements(By.id("form-court-decline"))).isEmpty();
        assertThat(browser.driver.findElements(By.id("form-court"))).isNotEmpty();
        browser.open(page, "mn");
        assertThat(browser.find("#court-decision-declined").getText()).contains("энд бүртгээгүй").contains("Under appeal at the Supreme Court");
        browser.open("/governor/zamyn-uud", "en");
        assertThat(browser.all("#court-decisions-to-record li[data-registration='" + registrations[1].value() + "']")).isEmpty();
        browser.signOut();
    }

    static final LegalEntity THE_GOVERNORS_OWN = new LegalEntity("Dornogobi Governor's Family Trade LLC", Jurisdiction.MONGOLIAN, null, "6207715");

    @Test
    @DisplayName("003 art. 8.7.6, 12.2 (ADR 0035 item 78, F381, was O221): a governor who signed the registration's application as the entity's "
            + "representative is offered no act on it (no registration, no rejection) and the page says in either language that another governor decides")
    void the_governor_who_signed_the_application_is_offered_no_act_on_it() {
        mn.registry.identity.command.Enrolment enrolment = registry.context.getBean(mn.registry.identity.command.Enrolment.class);
        mn.registry.kernel.identity.PersonId governor = new mn.registry.kernel.identity.PersonId("governor-zamyn-uud");
        mn.registry.kernel.identity.PersonId supervisor = new mn.registry.kernel.identity.PersonId("supervisor-1");
        java.time.Instant granted = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).minusSeconds(1);
        enrolment.grant(new mn.registry.kernel.identity.RoleGranted(governor, mn.registry.kernel.identity.Role.APPLICANT, null, granted, supervisor,
                "test: the governor also represents an entity"));
        String registration;
        try {
            registration = apply(registry, governor.value(), THE_GOVERNORS_OWN, "zamyn-uud");
        } finally {
            enrolment.revoke(new mn.registry.kernel.identity.RoleRevoked(governor, mn.registry.kernel.identity.Role.APPLICANT, null,
                    java.time.Instant.now(), supervisor, "test: the representation ended"));
        }
        browser.signInAsDemo(governor.value());
        String page = "/governor/zamyn-uud/entities/" + registration;
        browser.open(page, "en"); // ADR 0071: one load after the application
        assertThat(browser.driver.findElements(By.id("entity-status"))).isNotEmpty();
        assertThat(browser.find("#entity-status").getAttribute("data-status")).isEqualTo("APPLIED");
        assertThat(browser.find("#decider-is-applicant").getText()).contains("another governor of the zone decides");
        assertThat(browser.driver.findElements(By.id("form-register"))).isEmpty();
        assertThat(browser.driver.findElements(By.id("form-reject"))).isEmpty();
        browser.open(page, "mn");
        assertThat(browser.find("#decider-is-applicant").getText()).contains("өөр Засаг дарга шийдвэр гаргаж");
        assertThat(browser.driver.findElements(By.id("form-register"))).isEmpty();
        browser.signOut();
        // an application the demo applicant signed still offers the decision to the same governor
        String others = apply(registry, THE_GOVERNORS_OWN_NEIGHBOUR, "zamyn-uud");
        browser.signInAsDemo(governor.value());
        browser.open("/governor/zamyn-uud/entities/" + others, "en"); // ADR 0071: one load after the application
        assertThat(browser.driver.findElements(By.id("form-register"))).isNotEmpty();
        assertThat(browser.driver.findElements(By.id("decider-is-applicant"))).isEmpty();
        browser.signOut();
    }

    static final LegalEntity THE_GOVERNORS_OWN_NEIGHBOUR = new LegalEntity("Dornogobi Neighbour Trade LLC", Jurisdiction.MONGOLIAN, null, "6207716");

    static final LegalEntity DISSOLVED_IN_AN_EARLIER_PERIOD = new LegalEntity("Orkhon Re-Registered Wool LLC", Jurisdiction.MONGOLIAN, null, "6207714");

    @Test
    @DisplayName("003 art. 12.5.3, 26.2 (ADR 0035 item 71, F337, was O180): a court's dissolution recorded in an earlier registration period of "
            + "the entity's other zone (the entity removed and registered there again since), dated on or after this registration's certificate, "
            + "is shown on this zone's desk in either language, which then offers no start, as the command side refuses it")
    void a_dissolution_recorded_in_an_earlier_period_of_the_other_zone_is_shown() {
        RegistrationId here = new RegistrationId(apply(registry, DISSOLVED_IN_AN_EARLIER_PERIOD, "zamyn-uud"));
        RegistrationId there = new RegistrationId(apply(registry, DISSOLVED_IN_AN_EARLIER_PERIOD, "altanbulag"));
        for (String[] act : new String[][]{{"governor-zamyn-uud", here.value()}, {"governor-altanbulag", there.value()}}) {
            RegistryClient.Reply registered = registry.client.command(registry.client.sign(act[0], "RegisterEntity",
                    new RegistrationCommands.RegisterEntity(new RegistrationId(act[1]))));
            assertThat(registered.status()).as(registered.body().toString()).isEqualTo(200);
        }
        java.time.LocalDate today = UlaanbaatarTime.dateOf(registry.context.getBean(RegistryClock.class).instant());
        RegistryClient.Reply recorded = registry.client.command(registry.client.sign("governor-altanbulag", "RecordCourtDecision",
                new RegistrationCommands.RecordCourtDecision(there, "Orkhon civil court 2026/14", today, false,
                        registry.context.getBean(DocumentStore.class).receive(("%PDF-1.4\nOrkhon civil court 2026/14 " + System.nanoTime() + "\n%%EOF\n")
                                .getBytes(StandardCharsets.UTF_8), "application/pdf", "court.pdf").document().sha256())));
        assertThat(recorded.status()).as(recorded.body().toString()).isEqualTo(200);
        RegistryClient.Reply removed = registry.client.command(registry.client.sign("governor-altanbulag", "DeregisterEntity",
                new RegistrationCommands.DeregisterEntity(there, mn.registry.kernel.freezone.DeregistrationGround.COURT_DECISION, "dissolved by the court")));
        assertThat(removed.status()).as(removed.body().toString()).isEqualTo(200);
        // registered there again (ADR 0035 item 68): the desk's row of that zone now holds the new period, the decision in its earlier one
        assertThat(apply(registry, DISSOLVED_IN_AN_EARLIER_PERIOD, "altanbulag")).isEqualTo(there.value());
        RegistryClient.Reply again = registry.client.command(registry.client.sign("governor-altanbulag", "RegisterEntity",
                new RegistrationCommands.RegisterEntity(there)));
        assertThat(again.status()).as(again.body().toString()).isEqualTo(200);
        browser.signInAsDemo("governor-zamyn-uud");
        String page = "/governor/zamyn-uud/entities/" + here.value();
        browser.waitUntil("the other zone's earlier period reaches the desk", d -> {
            browser.open(page, "en");
            return !d.findElements(By.id("court-decision-elsewhere")).isEmpty();
        });
        assertThat(browser.find("#court-decision-elsewhere").getText()).contains("Altanbulag Free Trade Zone").contains("(altanbulag)");
        assertThat(browser.driver.findElements(By.id("form-started"))).isEmpty();
        browser.open(page, "mn");
        assertThat(browser.find("#court-decision-elsewhere").getText()).contains("Altanbulag Free Trade Zone").contains("татан буулгасан шүүхийн шийдвэр");
        assertThat(browser.driver.findElements(By.id("form-started"))).isEmpty();
        browser.signOut();
    }

    static final LegalEntity WAITED_FOR = new LegalEntity("Selenge Catch-Up Timber LLC", Jurisdiction.MONGOLIAN, null, "6207717");

    @Test
    @DisplayName("ADR 0071 (003 art. 12.5.1, 23.1): the entity's page waits, bounded, for the register to record the act the command side already "
            + "answers by: with the desk's projection held back it shows the next form once the projection runs again; stopped, it renders after the "
            + "bound and says in either language that the register is catching up")
    void the_entity_page_waits_for_the_register_within_its_bound() throws Exception {
        String registrationId = apply(registry, WAITED_FOR, "altanbulag");
        RegistryClient.Reply registered = registry.client.command(registry.client.sign("governor-altanbulag", "RegisterEntity",
                new RegistrationCommands.RegisterEntity(new RegistrationId(registrationId))));
        assertThat(registered.status()).as(registered.body().toString()).isEqualTo(200);
        browser.signInAsDemo("governor-altanbulag");
        String page = "/governor/altanbulag/entities/" + registrationId;
        org.axonframework.eventhandling.StreamingEventProcessor desk = registry.context.getBean(org.axonframework.config.EventProcessingConfiguration.class)
                .eventProcessor(mn.registry.freezone.query.GovernorDesk.WRITTEN_BY, org.axonframework.eventhandling.StreamingEventProcessor.class).orElseThrow();
        java.time.LocalDate today = UlaanbaatarTime.dateOf(java.time.Instant.now());
        try {
            desk.shutDown();
            RegistryClient.Reply started = registry.client.command(registry.client.sign("governor-altanbulag", "RecordOperationsStarted",
                    new RegistrationCommands.RecordOperationsStarted(new RegistrationId(registrationId), today,
                            registry.context.getBean(DocumentStore.class).receive(("%PDF-1.4\nStart of operations " + registrationId + "\n%%EOF\n")
                                    .getBytes(StandardCharsets.UTF_8), "application/pdf", "start.pdf").document().sha256())));
            assertThat(started.status()).as(started.body().toString()).isEqualTo(200);
            // stopped: the page renders after the bound (2 s), not before; the start's form is gone (the command side's answer), the
            // interruption's not there yet (it waits for the register's day of the start), and the page says the register is catching up
            long opened = System.nanoTime();
            browser.open(page, "en");
            long tookMillis = (System.nanoTime() - opened) / 1_000_000;
            assertThat(tookMillis).as("rendered after the bound, not long after").isBetween(2_000L, 10_000L);
            assertThat(browser.driver.findElements(By.id("form-started"))).isEmpty();
            assertThat(browser.driver.findElements(By.id("form-interrupted"))).isEmpty();
            assertThat(browser.find("#register-catching-up").getText()).contains("The register is catching up");
            browser.open(page, "mn");
            assertThat(browser.find("#register-catching-up").getText()).contains("Бүртгэл хамгийн сүүлийн үйлдлийг тусгаж байна");
            // held back for a moment only: one load waits for it and shows the act's next form, the interruption, with no such line
            java.util.concurrent.CompletableFuture<Void> resumed = java.util.concurrent.CompletableFuture.runAsync(() -> {
                try {
                    Thread.sleep(700);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                desk.start();
            });
            browser.open(page, "en");
            resumed.get();
            assertThat(browser.driver.findElements(By.id("form-started"))).isEmpty();
            assertThat(browser.driver.findElements(By.id("form-interrupted"))).isNotEmpty();
            assertThat(browser.driver.findElements(By.id("register-catching-up"))).isEmpty();
        } finally {
            if (!desk.isRunning()) {
                desk.start();
            }
        }
        browser.signOut();
    }

    /**
     * Fills the governor's form {@code form} (its fields prefixed {@code prefix}) with {@code fill}, chooses a new file saying {@code text} as
     * its document, waits until the page has hashed and kept it, signs and sends the act (of type {@code type}, citing the file's SHA-256),
     * and opens the page in {@code language} once: the form is gone and the forms the next step needs, {@code thenOffered}, are there. The
     * page asks the command side whether a form is offered (ADR 0035 item 75), which changes at once, and reads the entity from the register,
     * which follows a moment later; the page waits for the register to have the registration's last event (ADR 0071), so one load shows both.
     */
    private static void recordWithItsDocument(String page, String language, String prefix, String form, String type, String text, Runnable fill,
            String... thenOffered) throws IOException {
        Path file = Files.createTempFile(prefix + "-", ".pdf");
        Files.writeString(file, "%PDF-1.4\n" + text + " " + System.nanoTime() + "\n%%EOF\n", StandardCharsets.UTF_8);
        String sha = mn.registry.kernel.crypto.Sha256.hex(Files.readAllBytes(file));
        fill.run();
        browser.find("#" + prefix + "-file").sendKeys(file.toAbsolutePath().toString());
        browser.waitUntil("the document of " + type + " is hashed and kept", d -> sha.equals(browser.find("#" + prefix + "-sha").getAttribute("value"))
                && "yes".equals(browser.find("#" + prefix + "-file").getAttribute("data-uploaded")));
        assertThat(browser.signAndSend(form)).contains("\"type\":\"" + type + "\"").contains(sha);
        assertThat(browser.find("#command-result").getAttribute("data-outcome")).as(browser.find("#command-result").getText()).isEqualTo("sent");
        browser.open(page, language);
        assertThat(browser.driver.findElements(By.id(form))).as(type + " recorded: its form gone").isEmpty();
        for (String next : thenOffered) {
            assertThat(browser.driver.findElements(By.id(next))).as(type + " recorded: " + next + " offered").isNotEmpty();
        }
        assertThat(browser.driver.findElements(By.id("register-catching-up"))).isEmpty();
    }
}
