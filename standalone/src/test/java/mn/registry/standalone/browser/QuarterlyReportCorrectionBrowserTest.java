package mn.registry.standalone.browser;

import mn.registry.infrastructure.time.RegistryClock;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.freezone.query.QuarterlyReport;
import mn.registry.kernel.freezone.Activity;
import mn.registry.kernel.freezone.DeregistrationGround;
import mn.registry.kernel.freezone.Jurisdiction;
import mn.registry.kernel.freezone.LegalEntity;
import mn.registry.kernel.freezone.QuarterlyReportContent.Quarter;
import mn.registry.kernel.freezone.RegistrationCommands;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.freezone.SubmittedZoneDocument;
import mn.registry.kernel.freezone.ZoneDocument;
import mn.registry.kernel.freezone.ZoneEvents;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.money.Money;
import mn.registry.standalone.RegistryClient;
import mn.registry.document.DocumentStore;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 003 art. 12.3 (ADR 0035 item 26, F166): the governor's correction of a quarter's report, signed in the browser in both languages. A
 * report's content changes after its quarter only when a later act is dated inside it (an investment agreement recorded late), so the test
 * runs on a registry of its own whose clock it moves past the quarter's end (the registry's own {@link RegistryClock}, as the end-to-end
 * tests move it; signed commands are judged fresh against physical time, so the browser's signatures stay valid): the shared registry's
 * entities are all registered in the current quarter, which cannot be reported yet.
 */
@BrowserTest(ownRegistry = true)
class QuarterlyReportCorrectionBrowserTest {

    static final String ZONE = "zamyn-uud";
    static final LegalEntity ERLIAN = new LegalEntity("Erlian Correction Freight Co", Jurisdiction.FOREIGN, "CN", "911500771MA0CR5N3K");
    static final LegalEntity EREN = new LegalEntity("Eren Correction Trading Co", Jurisdiction.FOREIGN, "CN", "911500772MA0CR5N3L");

    private static BrowserRegistry registry;
    private static Browser browser;

    private static void ok(RegistryClient.Reply reply) {
        assertThat(reply.status()).as(String.valueOf(reply.body())).isEqualTo(200);
    }

    private static RegistrationId registered(LegalEntity entity) {
        RegistrationId id = new RegistrationId(GovernorDeskBrowserTest.apply(registry, entity, ZONE));
        ok(registry.client.command(registry.client.sign("governor-" + ZONE, "RegisterEntity", new RegistrationCommands.RegisterEntity(id))));
        return id;
    }

    /** A PDF received by the registry, answered by its SHA-256. */
    private static String document(String words) {
        return registry.context.getBean(DocumentStore.class).receive(("%PDF-1.4\n" + words + " " + System.nanoTime() + "\n%%EOF\n")
                .getBytes(StandardCharsets.UTF_8), "application/pdf", "document.pdf").document().sha256();
    }

    private static void sent(String who, String type, Object body) {
        ok(registry.client.command(registry.client.sign(who, type, body)));
    }

    /** The entity's investment agreement, signed on {@code on} (inside the reported quarter), recorded now by the governor by API. */
    private static void agreementRecorded(RegistrationId id, LocalDate on, String amount) {
        String sha = registry.context.getBean(DocumentStore.class).receive(("%PDF-1.4\nInvestment agreement " + id + " " + System.nanoTime()
                + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8), "application/pdf", "agreement.pdf").document().sha256();
        ok(registry.client.command(registry.client.sign("governor-" + ZONE, "RecordInvestmentAgreement", new RegistrationCommands.RecordInvestmentAgreement(
                id, on, on.plusYears(10), new Money(new BigDecimal(amount), "USD"), true, sha))));
    }

    private static String page(Quarter quarter) {
        return page(ZONE, quarter);
    }

    private static String page(String zone, Quarter quarter) {
        return "/governor/" + zone + "/reports?year=" + quarter.year() + "&quarter=" + quarter.quarter();
    }

    /** Waits until the quarter's page shows a report other than {@code hash} to sign, and answers its hash. */
    private static String changedFrom(Quarter quarter, String hash, String lang) {
        browser.waitUntil("the registry's report of the quarter changed", d -> {
            browser.open(page(quarter), lang);
            return !d.findElements(By.id("report-latest")).isEmpty() && !hash.equals(browser.find("#report-sha256").getText());
        });
        return browser.find("#report-sha256").getText();
    }

    private static void signedAsTheLatest(Quarter quarter, String hash, String lang) {
        signedAsTheLatest(ZONE, quarter, hash, lang);
    }

    private static void signedAsTheLatest(String zone, Quarter quarter, String hash, String lang) {
        browser.waitUntil("the report is signed", d -> {
            browser.open(page(zone, quarter), lang);
            return !d.findElements(By.id("report-signed")).isEmpty() && hash.equals(browser.find("#report-sha256").getText());
        });
    }

    @Test
    @DisplayName("003 art. 12.3 (ADR 0035 item 26, F166): agreements recorded after the quarter's report, dated inside it, change the report; "
            + "the governor's page names the quarter's latest report and signs the new one as its correction, in English and in Mongolian")
    void the_governor_corrects_a_quarters_report_in_either_language() {
        RegistrationId erlian = registered(ERLIAN);
        RegistrationId eren = registered(EREN);
        RegistryClock clock = registry.context.getBean(RegistryClock.class);
        LocalDate registeredOn = UlaanbaatarTime.dateOf(clock.instant());
        Quarter quarter = Quarter.of(registeredOn);
        clock.advance(Duration.ofDays(ChronoUnit.DAYS.between(registeredOn, quarter.lastDay()) + 2)); // the quarter has ended

        browser.signInAsDemo("governor-" + ZONE);
        browser.waitUntil("both entities are in the quarter's report", d -> {
            browser.open(page(quarter), "en");
            return d.findElements(By.cssSelector("#report tbody tr")).size() == 2;
        });
        // the quarter's first report: no latest to correct, the plain signature
        assertThat(browser.all("#report-latest")).isEmpty();
        assertThat(browser.all("#form-sign-report input[name=corrects]")).isEmpty();
        String first = browser.find("#report-sha256").getText();
        assertThat(browser.find("#form-sign-report button[type=submit]").getText()).isEqualTo("Prepare the signature and send");
        assertThat(browser.signAndSend("form-sign-report")).contains("\"type\":\"SignQuarterlyReport\"").contains(first).doesNotContain("\"corrects\"");
        assertThat(browser.find("#command-result").getAttribute("data-outcome")).as(browser.find("#command-result").getText()).isEqualTo("sent");
        signedAsTheLatest(quarter, first, "en");
        // signed by the governor's published name beside the id (moved here from GovernorDeskBrowserTest, whose zone's quarter has not ended)
        assertThat(browser.find("#report-signed").getText()).matches("Signed by \\S.* \\(governor-zamyn-uud\\), received by the registry at .*");

        // Erlian's agreement, signed on its day of registration, recorded after the report: the English page offers the correction
        agreementRecorded(erlian, registeredOn, "700000");
        String second = changedFrom(quarter, first, "en");
        assertThat(browser.find("#report-latest").getText()).startsWith("The quarter was reported already: report " + first).contains("corrects that report");
        assertThat(browser.find("#form-sign-report input[name=corrects]").getAttribute("value")).isEqualTo(first);
        assertThat(browser.find("#form-sign-report button[type=submit]").getText()).isEqualTo("Prepare the signature of the correction and send");
        assertThat(browser.signAndSend("form-sign-report")).contains(second).contains("\"corrects\":\"" + first + "\"");
        assertThat(browser.find("#command-result").getAttribute("data-outcome")).as(browser.find("#command-result").getText()).isEqualTo("sent");
        signedAsTheLatest(quarter, second, "en");
        assertThat(browser.find("#report-corrects").getText()).isEqualTo("This report corrects the quarter's earlier report " + first + " (art. 12.3).");

        // Eren's agreement changes it again: the Mongolian page corrects the correction, the quarter's latest report
        agreementRecorded(eren, registeredOn, "300000");
        String third = changedFrom(quarter, second, "mn");
        assertThat(browser.find("#report-latest").getText()).startsWith("Энэ улирлыг аль хэдийн тайлагнасан: " + second);
        assertThat(browser.find("#form-sign-report input[name=corrects]").getAttribute("value")).isEqualTo(second);
        assertThat(browser.find("#form-sign-report button[type=submit]").getText()).isEqualTo("Залруулгын гарын үсэг бэлтгэж илгээх");
        assertThat(browser.signAndSend("form-sign-report")).contains(third).contains("\"corrects\":\"" + second + "\"");
        assertThat(browser.find("#command-result").getAttribute("data-outcome")).as(browser.find("#command-result").getText()).isEqualTo("sent");
        signedAsTheLatest(quarter, third, "mn");
        assertThat(browser.find("#report-corrects").getText()).isEqualTo("Энэ тайлан нь улирлын өмнөх " + second + " тайланг зассан (12.3 дугаар зүйл).");
        browser.signOut();
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    @DisplayName("003 art. 12.3 (ADR 0035 item 52, F252, was O96): a quarter reported on version 1, which left out the earlier period of an "
            + "entity registered, removed and registered again within it: the governor's page lists both periods, says why, and signs version 2 "
            + "as the correction of that report, in Mongolian and in English")
    void a_quarter_reported_on_version_1_is_corrected_by_version_2() {
        String zone = "altanbulag";
        String governor = "governor-" + zone;
        LegalEntity kyakhta = new LegalEntity("Kyakhta Re-registered Freight OOO", Jurisdiction.FOREIGN, "RU", "1027700990131");
        RegistryClock clock = registry.context.getBean(RegistryClock.class);
        LocalDate today = UlaanbaatarTime.dateOf(clock.instant());
        Quarter quarter = Quarter.of(today);
        RegistrationId id = new RegistrationId(GovernorDeskBrowserTest.apply(registry, kyakhta, zone));
        sent(governor, "RegisterEntity", new RegistrationCommands.RegisterEntity(id));
        sent(governor, "RecordCourtDecision", new RegistrationCommands.RecordCourtDecision(id, "Selenge civil court 2026/413 (test)", today, false,
                document("court decision " + id)));
        sent(governor, "DeregisterEntity", new RegistrationCommands.DeregisterEntity(id, DeregistrationGround.COURT_DECISION, "dissolved (test)"));
        sent("applicant-1", "ApplyForZoneRegistration", new RegistrationCommands.ApplyForZoneRegistration(ZoneId.of(zone), kyakhta, Activity.TRADE,
                ZoneDocument.requiredFor(kyakhta.jurisdiction()).stream().map(kind -> new SubmittedZoneDocument(kind,
                        document(kyakhta.name() + " again " + kind))).toList()));
        sent(governor, "RegisterEntity", new RegistrationCommands.RegisterEntity(id));
        clock.advance(Duration.ofDays(ChronoUnit.DAYS.between(today, quarter.lastDay()) + 2)); // the quarter has ended

        browser.signInAsDemo(governor);
        browser.waitUntil("both periods are in the quarter's report", d -> {
            browser.open(page(zone, quarter), "en");
            return d.findElements(By.cssSelector("#report tbody tr")).stream().filter(row -> row.getText().contains(kyakhta.name())).count() == 2;
        });
        // the quarter as the release before version 2 signed it: version 1, rebuilt by the desk, without the first period; stored as it stored it
        String version1 = QuarterlyReport.sha256(registry.context.getBean(QuarterlyReport.class).build(zone, quarter.year(), quarter.quarter()));
        EventStore events = registry.context.getBean(EventStore.class);
        String stream = ZoneId.of(zone).stream();
        events.publish(new GenericDomainEventMessage<>("FreeZone", stream, events.lastSequenceNumberFor(stream).map(n -> n + 1).orElse(0L),
                new ZoneEvents.QuarterlyReportSigned(ZoneId.of(zone), quarter.year(), quarter.quarter(), version1, clock.instant(), new PersonId(governor))));

        browser.waitUntil("the page offers version 2 as the correction of version 1", d -> {
            browser.open(page(zone, quarter), "mn");
            return !d.findElements(By.id("report-period-missing")).isEmpty();
        });
        assertThat(browser.find("#report-period-missing").getText()).startsWith("Энэ улирлыг тайлангийн эхний хувилбараар тайлагнасан (" + version1);
        assertThat(browser.find("#form-sign-report button[type=submit]").getText()).isEqualTo("Залруулгын гарын үсэг бэлтгэж илгээх");
        browser.open(page(zone, quarter), "en");
        assertThat(browser.find("#report-period-missing").getText()).startsWith("The quarter was reported on the report's first version (report " + version1)
                .contains("left out an entity's earlier registration period");
        assertThat(browser.all("#report-latest")).isEmpty();
        assertThat(browser.all("#report tbody tr").stream().filter(row -> row.getText().contains(kyakhta.name())).map(row -> row.getText()).toList())
                .satisfiesExactly(first -> assertThat(first).contains(" to ").endsWith("DEREGISTERED"), second -> assertThat(second).endsWith(" REGISTERED"));
        String version2 = browser.find("#report-sha256").getText();
        assertThat(version2).isNotEqualTo(version1);
        assertThat(browser.find("#form-sign-report input[name=corrects]").getAttribute("value")).isEqualTo(version1);
        assertThat(browser.signAndSend("form-sign-report")).contains(version2).contains("\"corrects\":\"" + version1 + "\"").contains("\"contentVersion\":2");
        assertThat(browser.find("#command-result").getAttribute("data-outcome")).as(browser.find("#command-result").getText()).isEqualTo("sent");
        signedAsTheLatest(zone, quarter, version2, "en");
        assertThat(browser.find("#report-corrects").getText()).isEqualTo("This report corrects the quarter's earlier report " + version1 + " (art. 12.3).");
        assertThat(browser.all("#report-period-missing")).isEmpty();
        browser.signOut();
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
