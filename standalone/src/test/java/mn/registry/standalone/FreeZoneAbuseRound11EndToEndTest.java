package mn.registry.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import mn.registry.kernel.freezone.Activity;
import mn.registry.kernel.freezone.Jurisdiction;
import mn.registry.kernel.freezone.LandCommands;
import mn.registry.kernel.freezone.LegalEntity;
import mn.registry.kernel.freezone.QuarterlyReportContent.Quarter;
import mn.registry.kernel.freezone.RegistrationCommands;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.freezone.ZoneCommands;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.money.Money;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.time.LocalDate;

import static mn.registry.standalone.FreeZoneRegistry.ALTANBULAG;
import static mn.registry.standalone.FreeZoneRegistry.ZAMYN_UUD;
import static mn.registry.standalone.RunningRegistry.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 19, Free Zone round 11 (s19-freezone; docs/abuse-audit.md F173 on; ADR 0035 items 34 on) on a running registry: each act the law
 * forbids is refused over HTTP as {@code application/problem+json} with its code, field and article, and leaves no event and no command.
 * The demo's zones are recorded at the registry's start, without their resolutions' dates (the seeds do not give them).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FreeZoneAbuseRound11EndToEndTest {

    @RegisterExtension
    static final FreeZoneRegistry registry = new FreeZoneRegistry();

    private static RegistrationCommands.RecordInvestmentAgreement agreement(RegistrationId registration, LocalDate signedOn) {
        return new RegistrationCommands.RecordInvestmentAgreement(registration, signedOn, registry.today().plusYears(10), new Money(new BigDecimal("500000"), "USD"),
                true, ReceiptTimeEndToEndTest.upload(registry.context(), "investment agreement " + registration + " " + signedOn));
    }

    private static LandCommands.GrantLandFeeExemption exemption(ZoneId zone, LocalDate decidedOn) {
        return new LandCommands.GrantLandFeeExemption(zone, null, Activity.TRADE, 50, decidedOn, 3, "Government resolution " + decidedOn + " (test)",
                decidedOn, ReceiptTimeEndToEndTest.upload(registry.context(), "Government resolution on land-fee exemptions " + zone + " " + decidedOn));
    }

    /** The date, read from the demo zone's resolution, the document its establishment cited (ADR 0035 item 41). */
    private static ZoneCommands.RecordZoneResolutionDate dated(ZoneId zone, LocalDate date) {
        return new ZoneCommands.RecordZoneResolutionDate(zone, date, resolutionOf(zone));
    }

    /** The demo zone's resolution document: the same bytes as the demo data received, so the same SHA-256. */
    private static String resolutionOf(ZoneId zone) {
        return ReceiptTimeEndToEndTest.upload(registry.context(), zone.equals(ALTANBULAG) ? DemoData.ALTANBULAG_RESOLUTION : DemoData.ZAMYN_UUD_RESOLUTION);
    }

    @Test
    @Order(2) // before the demo zones get their dates: the document's own rule answers only for an undated zone
    @DisplayName("003 art. 6.1 (ADR 0035 item 41, F235, was O132): an establishment and the record of a zone's date cite the State Great "
            + "Khural resolution's uploaded document: without it, with another zone's, or with another file than the zone's own establishment "
            + "cited, refused over HTTP, nothing stored")
    void the_resolution_is_cited_by_its_document() {
        LocalDate recorded = registry.today();
        ZoneId gobi = ZoneId.of("gobi-resolved");
        ZoneCommands.EstablishZone undocumented = new ZoneCommands.EstablishZone(gobi, "Gobi Resolved Free Zone (test)", "Dalanzadgad soum",
                new BigDecimal("100"), mn.registry.kernel.freezone.GeoPolygon.of(104.70, 43.50, 104.71, 43.50, 104.71, 43.51, 104.70, 43.51),
                java.util.List.of(Activity.TRADE), false, "State Great Khural resolution gobi-resolved (test)", recorded.minusYears(1));
        registry.refused(registry.send("cabinet-1", "EstablishZone", undocumented), 400, "freezone.field-missing", "resolutionSha256", "003 art. 6.1");
        registry.refused(registry.send("cabinet-1", "EstablishZone", new ZoneCommands.EstablishZone(gobi, undocumented.name(), undocumented.location(),
                undocumented.areaHectares(), undocumented.boundary(), undocumented.activities(), false, undocumented.resolution(),
                undocumented.resolutionDate(), resolutionOf(ALTANBULAG))), 409, "freezone.resolution-cited-already", "resolutionSha256", "003 art. 6.1");
        registry.refused(registry.send("cabinet-1", "RecordZoneResolutionDate", new ZoneCommands.RecordZoneResolutionDate(ALTANBULAG,
                recorded.minusYears(20))), 400, "freezone.field-missing", "resolutionSha256", "003 art. 6.1");
        registry.refused(registry.send("cabinet-1", "RecordZoneResolutionDate", new ZoneCommands.RecordZoneResolutionDate(ALTANBULAG,
                recorded.minusYears(20), resolutionOf(ZAMYN_UUD))), 409, "freezone.resolution-cited-already", "resolutionSha256", "003 art. 6.1");
        registry.refused(registry.send("cabinet-1", "RecordZoneResolutionDate", new ZoneCommands.RecordZoneResolutionDate(ALTANBULAG,
                recorded.minusYears(20), ReceiptTimeEndToEndTest.upload(registry.context(), "A resolution of 20 years ago, not Altanbulag's"))), 409,
                "freezone.resolution-document-differs", "resolutionSha256", "003 art. 6.1");
        ok(registry.send("cabinet-1", "EstablishZone", new ZoneCommands.EstablishZone(gobi, undocumented.name(), undocumented.location(),
                undocumented.areaHectares(), undocumented.boundary(), undocumented.activities(), false, undocumented.resolution(),
                undocumented.resolutionDate(), ReceiptTimeEndToEndTest.upload(registry.context(), undocumented.resolution()))));
    }

    @Test
    @Order(1) // before the demo zones get their resolutions' dates (F172 would answer first for a quarter before them)
    @DisplayName("003 art. 12.3 (ADR 0035 item 37, F176, was O102): the governor's signature of the quarter before the zone was recorded in "
            + "the registry is refused over HTTP, nothing stored")
    void no_report_of_a_quarter_before_the_registry_recorded_the_zone() {
        Quarter last = Quarter.of(registry.today().minusMonths(3)); // the quarter before today's: ended before the demo zones were recorded
        registry.refused(registry.send("governor-altanbulag", "SignQuarterlyReport", new ZoneCommands.SignQuarterlyReport(ALTANBULAG, last.year(),
                last.quarter(), "ab".repeat(32))), 409, "freezone.report-before-zone-recorded", "quarter", "003 art. 12.3");
    }

    @Test
    @Order(3)
    @DisplayName("003 art. 6.1 (ADR 0035 item 36, F175, was O103): the Cabinet member records an undated zone's resolution date once; a date "
            + "after an exemption or an agreement the zone accepted, after today, or a second date is refused over HTTP, nothing stored; the "
            + "recorded date then holds the zone's exemptions (F170) and agreements (F174, was O105), and the public register shows it")
    void an_undated_zones_resolution_date_is_recorded_once_and_contradicts_nothing() throws InterruptedException {
        LocalDate recorded = registry.today(); // the demo zones were recorded at the registry's start
        // an agreement signed a hundred days before, recorded while Zamyn-Uud had no date (first: the date's check finds the zone's
        // registrations through the index the quarterly report reads, which follows the events; the governor's desk shows it has them)
        RegistrationId gobi = registry.registeredIn(ZAMYN_UUD, new LegalEntity("Erlian Dated Freight Co", Jurisdiction.FOREIGN, "CN", "911500881MA0GX4T2P"));
        ok(registry.send("governor-zamyn-uud", "RecordInvestmentAgreement", agreement(gobi, recorded.minusDays(100))));
        registry.await("/api/governor/zones/zamyn-uud/entities", registry.signIn("governor-zamyn-uud"),
                e -> e.toString().contains(recorded.minusDays(100).toString()));
        // an exemption decided a month before the zone was recorded here, accepted while the zone had no date
        ok(registry.send("cabinet-1", "GrantLandFeeExemption", exemption(ALTANBULAG, recorded.minusDays(30))));
        registry.refused(registry.send("cabinet-1", "RecordZoneResolutionDate", dated(ALTANBULAG, recorded.plusDays(1))), 400,
                "freezone.resolution-in-future", "resolutionDate", "003 art. 6.1");
        registry.refused(registry.send("cabinet-1", "RecordZoneResolutionDate", dated(ALTANBULAG, recorded.minusDays(10))), 409,
                "freezone.resolution-after-an-exemption", "resolutionDate", "003 art. 6.1");
        registry.refused(registry.send("governor-altanbulag", "RecordZoneResolutionDate", dated(ALTANBULAG, recorded.minusDays(40))), 403,
                "signer.role-missing", null, "");

        // the agreement recorded above, while Zamyn-Uud had no date
        registry.refused(registry.send("cabinet-1", "RecordZoneResolutionDate", dated(ZAMYN_UUD, recorded.minusDays(50))), 409,
                "freezone.resolution-after-an-agreement", "resolutionDate", "003 art. 6.1");
        ok(registry.send("cabinet-1", "RecordZoneResolutionDate", dated(ZAMYN_UUD, recorded.minusDays(100))));

        ok(registry.send("cabinet-1", "RecordZoneResolutionDate", dated(ALTANBULAG, recorded.minusDays(40))));
        registry.refused(registry.send("cabinet-1", "RecordZoneResolutionDate", dated(ALTANBULAG, recorded.minusDays(41))), 409,
                "freezone.resolution-date-recorded-already", "resolutionDate", "003 art. 6.1");

        // the date holds the zone's later acts as if recorded with it: F170 and F174 now reach the demo zones
        registry.refused(registry.send("cabinet-1", "GrantLandFeeExemption", exemption(ALTANBULAG, recorded.minusDays(45))), 409,
                "freezone.exemption-before-zone", "decidedOn", "003 art. 23.4, 6.1");
        RegistrationId kharaa = registry.registeredIn(ZAMYN_UUD, new LegalEntity("Kharaa Dated Trading LLC", Jurisdiction.MONGOLIAN, null, "6417881"));
        registry.refused(registry.send("governor-zamyn-uud", "RecordInvestmentAgreement", agreement(kharaa, recorded.minusDays(101))), 400,
                "freezone.agreement-before-zone", "signedOn", "003 art. 12.5.1, 6.1");
        ok(registry.send("governor-zamyn-uud", "RecordInvestmentAgreement", agreement(kharaa, recorded.minusDays(100))));

        // public: the zone's page in the register carries the date
        JsonNode zone = registry.await("/api/public/register/zones/altanbulag", null,
                r -> r.path("entry").path("details").path("resolutionDate").asText().equals(recorded.minusDays(40).toString()));
        assertThat(zone.path("entry").path("status").asText()).isEqualTo("OPEN");
    }

    @Test
    @Order(4) // last: it moves the registry's clock two days on
    @DisplayName("003 art. 12.5.2, 26.2 (the lead, ADR 0035 item 46, F239, was O140): an interruption cites its uploaded document: without one, "
            + "dated after the day the registry received it, or citing another registration's interruption's document, refused over HTTP, "
            + "nothing stored; with its own, recorded")
    void an_interruption_is_cited_by_its_document() {
        RegistrationId wool = started(new LegalEntity("Orkhon Paused Wool LLC", Jurisdiction.MONGOLIAN, null, "6417902"));
        RegistrationId cashmere = started(new LegalEntity("Tuul Paused Cashmere LLC", Jurisdiction.MONGOLIAN, null, "6417903"));
        LocalDate uploadedOn = registry.today();
        String finding = ReceiptTimeEndToEndTest.upload(registry.context(), "governor's finding: " + wool + " interrupted " + System.nanoTime());
        registry.clock().advance(java.time.Duration.ofDays(2));
        registry.refused(registry.send("governor-altanbulag", "RecordOperationsInterrupted", new RegistrationCommands.RecordOperationsInterrupted(wool,
                uploadedOn, null)), 400, "freezone.field-missing", "documentSha256", "003 art. 12.5.2, 26.2");
        registry.refused(registry.send("governor-altanbulag", "RecordOperationsInterrupted", new RegistrationCommands.RecordOperationsInterrupted(wool,
                uploadedOn.plusDays(1), finding)), 400, "freezone.interruption-after-its-document", "on", "003 art. 12.5.2");
        ok(registry.send("governor-altanbulag", "RecordOperationsInterrupted", new RegistrationCommands.RecordOperationsInterrupted(wool, uploadedOn,
                finding)));
        registry.refused(registry.send("governor-altanbulag", "RecordOperationsInterrupted", new RegistrationCommands.RecordOperationsInterrupted(cashmere,
                uploadedOn, finding)), 409, "freezone.document-cited-elsewhere", "documentSha256", "003 art. 12.5.2, 26.2");
    }

    @Test
    @Order(5) // after the interruption's: it moves the registry's clock two days on again
    @DisplayName("003 art. 12.5.1, 23.1-23.2 (the lead, ADR 0035 item 48, F246, was O143): a start of operations dated after the day the "
            + "registry received its document is refused over HTTP, nothing stored, as the interruption; dated on that day, recorded")
    void a_start_is_not_dated_after_its_document() {
        RegistrationId felt = registry.registeredIn(ALTANBULAG, new LegalEntity("Selenge Late Felt LLC", Jurisdiction.MONGOLIAN, null, "6417904"));
        LocalDate uploadedOn = registry.today();
        String notice = ReceiptTimeEndToEndTest.upload(registry.context(), "start of operations " + felt + " " + System.nanoTime());
        registry.clock().advance(java.time.Duration.ofDays(2));
        registry.refused(registry.send("governor-altanbulag", "RecordOperationsStarted", new RegistrationCommands.RecordOperationsStarted(felt,
                uploadedOn.plusDays(1), notice)), 400, "freezone.start-after-its-document", "on", "003 art. 12.5.1, 23.1-23.2");
        ok(registry.send("governor-altanbulag", "RecordOperationsStarted", new RegistrationCommands.RecordOperationsStarted(felt, uploadedOn, notice)));
    }

    @Test
    @Order(6)
    @DisplayName("003 art. 12.5.3, 26.2 (ADR 0035 item 49, F247): once the court's bankruptcy decision of an interrupted entity is recorded, a "
            + "resumption back-dated to before it (which would take F245's clawback away) on a document received after it is refused over "
            + "HTTP, nothing stored; 003 art. 12.5.2 (ADR 0035 item 60, F269, was O165): the honest late record, on a document the registry "
            + "received before the court's day, is recorded")
    void no_resumption_is_recorded_after_the_dissolution() {
        RegistrationId leather = started(new LegalEntity("Khovd Bankrupt Leather LLC", Jurisdiction.MONGOLIAN, null, "6417905"));
        LocalDate interrupted = registry.today();
        ok(registry.send("governor-altanbulag", "RecordOperationsInterrupted", new RegistrationCommands.RecordOperationsInterrupted(leather,
                interrupted, ReceiptTimeEndToEndTest.upload(registry.context(), "governor's finding: " + leather + " interrupted " + System.nanoTime()))));
        String noticeBeforeTheCourt = ReceiptTimeEndToEndTest.upload(registry.context(), "entity's notice: " + leather + " resumed " + System.nanoTime());
        registry.clock().advance(java.time.Duration.ofDays(3));
        ok(registry.send("governor-altanbulag", "RecordCourtDecision", new RegistrationCommands.RecordCourtDecision(leather, "Khovd civil court 2027/3",
                registry.today(), true, ReceiptTimeEndToEndTest.upload(registry.context(), "bankruptcy of " + leather + " " + System.nanoTime()))));
        String noticeAfterTheCourt = ReceiptTimeEndToEndTest.upload(registry.context(), "entity's later notice: " + leather + " " + System.nanoTime());
        registry.refused(registry.send("governor-altanbulag", "RecordOperationsResumed", new RegistrationCommands.RecordOperationsResumed(leather,
                interrupted.plusDays(1), noticeAfterTheCourt)), 409, "freezone.operations-after-dissolution", "registrationId", "003 art. 12.5.3, 26.2");
        ok(registry.send("governor-altanbulag", "RecordOperationsResumed", new RegistrationCommands.RecordOperationsResumed(leather, interrupted,
                noticeBeforeTheCourt)));
    }

    @Test
    @Order(7) // it moves the registry's clock on
    @DisplayName("003 art. 12.5.1, 12.5.3, 26.2 (ADR 0035 items 50-51, F248-F249): an investment agreement signed, or a court's decision "
            + "dated, after the day the registry received its document is refused over HTTP, nothing stored; dated on that day, recorded")
    void an_agreement_and_a_court_decision_are_not_dated_after_their_documents() {
        RegistrationId hides = registry.registeredIn(ALTANBULAG, new LegalEntity("Dornod Late Hides LLC", Jurisdiction.MONGOLIAN, null, "6417906"));
        LocalDate uploadedOn = registry.today();
        String signed = ReceiptTimeEndToEndTest.upload(registry.context(), "investment agreement " + hides + " " + System.nanoTime());
        String decision = ReceiptTimeEndToEndTest.upload(registry.context(), "court decision " + hides + " " + System.nanoTime());
        registry.clock().advance(java.time.Duration.ofDays(5));
        Money investment = new Money(new BigDecimal("500000"), "USD");
        registry.refused(registry.send("governor-altanbulag", "RecordInvestmentAgreement", new RegistrationCommands.RecordInvestmentAgreement(hides,
                uploadedOn.plusDays(5), uploadedOn.plusYears(10), investment, true, signed)), 400, "freezone.agreement-after-its-document", "signedOn",
                "003 art. 12.5.1");
        ok(registry.send("governor-altanbulag", "RecordInvestmentAgreement", new RegistrationCommands.RecordInvestmentAgreement(hides, uploadedOn,
                uploadedOn.plusYears(10), investment, true, signed)));
        registry.refused(registry.send("governor-altanbulag", "RecordCourtDecision", new RegistrationCommands.RecordCourtDecision(hides,
                "Dornod civil court 2027/8", uploadedOn.plusDays(2), false, decision)), 400, "freezone.court-decision-after-its-document", "decidedOn",
                "003 art. 12.5.3, 26.2");
        ok(registry.send("governor-altanbulag", "RecordCourtDecision", new RegistrationCommands.RecordCourtDecision(hides, "Dornod civil court 2027/8",
                uploadedOn, false, decision)));
    }

    @Test
    @Order(9) // every day in it is the registry's today: the certificates', the upload's and the court's
    @DisplayName("003 art. 12.5.3, 26.2 (ADR 0035 item 62, F272, was O151): one court decision dissolving an entity registered in two zones is "
            + "recorded in each over HTTP on its one document; cited for another entity, or (item 64, F273) as a bankruptcy the first zone's "
            + "record did not find, refused, nothing stored; 003 art. 12.1 (item 65, F274): removed, it applies in the zone again on a fee "
            + "of its own, not on the receipt that paid its first registration")
    void one_court_decision_is_recorded_in_both_zones_of_its_entity() {
        LegalEntity dissolved = new LegalEntity("Selenge Two-Zone Trade LLC", Jurisdiction.MONGOLIAN, null, "6417908");
        RegistrationId inAltanbulag = registry.registeredIn(ALTANBULAG, dissolved);
        RegistrationId inZamynUud = registry.registeredAlsoIn(ZAMYN_UUD, dissolved);
        RegistrationId another = registry.registeredIn(ZAMYN_UUD, new LegalEntity("Dornogovi Other Trade LLC", Jurisdiction.MONGOLIAN, null, "6417909"));
        String decision = ReceiptTimeEndToEndTest.upload(registry.context(), "Selenge civil court dissolves " + dissolved.name() + " " + System.nanoTime());
        ok(registry.send("governor-altanbulag", "RecordCourtDecision", new RegistrationCommands.RecordCourtDecision(inAltanbulag,
                "Selenge civil court 2027/12", registry.today(), false, decision)));
        // ADR 0035 item 64 (F273): the same decision, with the first zone's day and finding
        registry.refused(registry.send("governor-zamyn-uud", "RecordCourtDecision", new RegistrationCommands.RecordCourtDecision(inZamynUud,
                "Selenge civil court 2027/12", registry.today(), true, decision)), 409, "freezone.court-decision-differs", "bankruptcy",
                "003 art. 12.5.3, 26.2");
        ok(registry.send("governor-zamyn-uud", "RecordCourtDecision", new RegistrationCommands.RecordCourtDecision(inZamynUud,
                "Selenge civil court 2027/12", registry.today(), false, decision)));
        registry.refused(registry.send("governor-zamyn-uud", "RecordCourtDecision", new RegistrationCommands.RecordCourtDecision(another,
                "Selenge civil court 2027/12", registry.today(), false, decision)), 409, "freezone.document-cited-elsewhere", "documentSha256",
                "003 art. 12.5.3, 26.2");
        // ADR 0035 item 65 (F274): removed, it may apply in the zone again (12.5.3 bars nothing), but on a fee of its own
        ok(registry.send("governor-altanbulag", "DeregisterEntity", new RegistrationCommands.DeregisterEntity(inAltanbulag,
                mn.registry.kernel.freezone.DeregistrationGround.COURT_DECISION, "dissolved by the court (test)")));
        registry.refused(registry.send("applicant-1", "ApplyForZoneRegistration", new RegistrationCommands.ApplyForZoneRegistration(ALTANBULAG, dissolved,
                Activity.TRADE, registry.documentsOf(dissolved))), 409, "freezone.fee-receipt-paid-an-earlier-registration", "documents", "003 art. 12.1");
    }

    @Test
    @DisplayName("003 art. 12.5.3, 26.2 (the lead, ADR 0035 item 67, F300, was O168): a court dissolves the entity, not one registration: "
            + "once its dissolution is recorded in one zone, a start in its other zone is refused over HTTP before that zone's governor "
            + "records the decision (nothing stored), and the decision is then recorded there")
    void a_dissolution_recorded_in_one_zone_stops_the_operations_records_in_the_other() {
        LegalEntity dissolved = new LegalEntity("Orkhon Two-Zone Wool LLC", Jurisdiction.MONGOLIAN, null, "6417910");
        RegistrationId inAltanbulag = registry.registeredIn(ALTANBULAG, dissolved);
        RegistrationId inZamynUud = registry.registeredAlsoIn(ZAMYN_UUD, dissolved);
        String decision = ReceiptTimeEndToEndTest.upload(registry.context(), "Orkhon civil court dissolves " + dissolved.name() + " " + System.nanoTime());
        ok(registry.send("governor-altanbulag", "RecordCourtDecision", new RegistrationCommands.RecordCourtDecision(inAltanbulag,
                "Orkhon civil court 2027/40", registry.today(), false, decision)));
        registry.refused(registry.send("governor-zamyn-uud", "RecordOperationsStarted", new RegistrationCommands.RecordOperationsStarted(inZamynUud,
                registry.today(), ReceiptTimeEndToEndTest.upload(registry.context(), "start of operations " + inZamynUud + " " + System.nanoTime()))),
                409, "freezone.operations-after-dissolution", "registrationId", "003 art. 12.5.3, 26.2");
        ok(registry.send("governor-zamyn-uud", "RecordCourtDecision", new RegistrationCommands.RecordCourtDecision(inZamynUud,
                "Orkhon civil court 2027/40", registry.today(), false, decision)));
    }

    @Test
    @Order(8) // it moves the registry's clock on
    @DisplayName("003 art. 12.5.2 (the lead, ADR 0035 item 56, F263, was O150): a resumption cites its uploaded document: without one, or "
            + "dated after the day the registry received it, refused over HTTP, nothing stored; with its own, dated on that day, recorded")
    void a_resumption_is_cited_by_its_document() {
        RegistrationId yarn = started(new LegalEntity("Zavkhan Resumed Yarn LLC", Jurisdiction.MONGOLIAN, null, "6417907"));
        LocalDate uploadedOn = registry.today();
        ok(registry.send("governor-altanbulag", "RecordOperationsInterrupted", new RegistrationCommands.RecordOperationsInterrupted(yarn,
                uploadedOn, ReceiptTimeEndToEndTest.upload(registry.context(), "governor's finding: " + yarn + " interrupted " + System.nanoTime()))));
        String notice = ReceiptTimeEndToEndTest.upload(registry.context(), "entity's notice: " + yarn + " resumed " + System.nanoTime());
        registry.clock().advance(java.time.Duration.ofDays(2));
        registry.refused(registry.send("governor-altanbulag", "RecordOperationsResumed", new RegistrationCommands.RecordOperationsResumed(yarn,
                uploadedOn, null)), 400, "freezone.field-missing", "documentSha256", "003 art. 12.5.2");
        registry.refused(registry.send("governor-altanbulag", "RecordOperationsResumed", new RegistrationCommands.RecordOperationsResumed(yarn,
                uploadedOn.plusDays(1), notice)), 400, "freezone.resumption-after-its-document", "on", "003 art. 12.5.2");
        ok(registry.send("governor-altanbulag", "RecordOperationsResumed", new RegistrationCommands.RecordOperationsResumed(yarn, uploadedOn, notice)));
    }

    /** A registration in Altanbulag whose operations started today, on their document. */
    private static RegistrationId started(LegalEntity entity) {
        RegistrationId registration = registry.registeredIn(ALTANBULAG, entity);
        ok(registry.send("governor-altanbulag", "RecordOperationsStarted", new RegistrationCommands.RecordOperationsStarted(registration,
                registry.today(), ReceiptTimeEndToEndTest.upload(registry.context(), "start of operations " + registration + " " + System.nanoTime()))));
        return registration;
    }
}
