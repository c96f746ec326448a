package mn.registry.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import mn.registry.kernel.freezone.Activity;
import mn.registry.kernel.freezone.DeregistrationGround;
import mn.registry.kernel.freezone.Jurisdiction;
import mn.registry.kernel.freezone.LegalEntity;
import mn.registry.kernel.freezone.QuarterlyReportContent.Quarter;
import mn.registry.kernel.freezone.RegistrationCommands;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.freezone.SubmittedZoneDocument;
import mn.registry.kernel.freezone.ZoneCommands;
import mn.registry.kernel.freezone.ZoneDocument;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.money.Money;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import static mn.registry.standalone.FreeZoneRegistry.ALTANBULAG;
import static mn.registry.standalone.FreeZoneRegistry.ZAMYN_UUD;
import static mn.registry.standalone.RunningRegistry.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 17's abuse audit of the Free Zone on a running registry (docs/abuse-audit.md F165 on; ADR 0035 items 25 on): each act the law
 * forbids is refused over HTTP as {@code application/problem+json} with its code, field and article, and leaves no event and no command.
 */
class FreeZoneAbuseRound9EndToEndTest {

    @RegisterExtension
    static final FreeZoneRegistry registry = new FreeZoneRegistry();

    private static String reportPath(ZoneId zone, Quarter quarter) {
        return "/api/governor/zones/" + zone.value() + "/reports/" + quarter.year() + "/" + quarter.quarter();
    }

    @Test
    @DisplayName("003 art. 12.3 (choice, ADR 0035 item 26, F166, was O99): an agreement recorded after the quarter's report, dated inside the "
            + "quarter, changes the registry's report; a second report naming nothing, or naming another zone's report, is refused; the "
            + "correction naming the quarter's latest report is signed, and the desk shows it as the latest and what it corrects")
    void a_quarter_is_reported_again_only_as_a_correction_of_its_latest_report() throws InterruptedException {
        RegistrationId registration = registry.registeredIn(ZAMYN_UUD, new LegalEntity("Dornogovi Correction Trading LLC", Jurisdiction.MONGOLIAN, null, "6417001"));
        LocalDate registeredOn = registry.today();
        Quarter quarter = Quarter.of(registeredOn);
        registry.clock().advance(Duration.ofDays(ChronoUnit.DAYS.between(registeredOn, quarter.lastDay()) + 2));

        String governor = registry.signIn("governor-zamyn-uud");
        String first = registry.client().get(reportPath(ZAMYN_UUD, quarter), governor).body().path("sha256").asText();
        ok(registry.send("governor-zamyn-uud", "SignQuarterlyReport", new ZoneCommands.SignQuarterlyReport(ZAMYN_UUD, quarter.year(), quarter.quarter(), first)));
        String altanbulags = registry.client().get(reportPath(ALTANBULAG, quarter), registry.signIn("governor-altanbulag")).body().path("sha256").asText();
        ok(registry.send("governor-altanbulag", "SignQuarterlyReport", new ZoneCommands.SignQuarterlyReport(ALTANBULAG, quarter.year(), quarter.quarter(),
                altanbulags)));

        // the foreign investment agreement, signed on the day of registration, recorded after the quarter was reported
        ok(registry.send("governor-zamyn-uud", "RecordInvestmentAgreement", new RegistrationCommands.RecordInvestmentAgreement(registration, registeredOn,
                registeredOn.plusYears(10), new Money(new BigDecimal("700000"), "USD"), true,
                ReceiptTimeEndToEndTest.upload(registry.context(), "investment agreement " + registration))));
        JsonNode changed = registry.await(reportPath(ZAMYN_UUD, quarter), governor, r -> !first.equals(r.path("sha256").asText()));
        String second = changed.path("sha256").asText();
        assertThat(changed.path("signedBy").asText(null)).as("the changed report is not signed").isNull();
        assertThat(changed.path("latest").path("sha256").asText()).isEqualTo(first);

        registry.refused(registry.send("governor-zamyn-uud", "SignQuarterlyReport", new ZoneCommands.SignQuarterlyReport(ZAMYN_UUD, quarter.year(),
                quarter.quarter(), second)), 409, "freezone.quarter-reported-already", "corrects", "003 art. 12.3");
        registry.refused(registry.send("governor-zamyn-uud", "SignQuarterlyReport", new ZoneCommands.SignQuarterlyReport(ZAMYN_UUD, quarter.year(),
                quarter.quarter(), second, altanbulags)), 409, "freezone.correction-not-of-the-latest", "corrects", "003 art. 12.3");

        ok(registry.send("governor-zamyn-uud", "SignQuarterlyReport", new ZoneCommands.SignQuarterlyReport(ZAMYN_UUD, quarter.year(), quarter.quarter(),
                second, first)));
        JsonNode corrected = registry.await(reportPath(ZAMYN_UUD, quarter), governor, r -> second.equals(r.path("latest").path("sha256").asText()));
        assertThat(corrected.path("corrects").asText()).isEqualTo(first);
        assertThat(corrected.path("latest").path("corrects").asText()).isEqualTo(first);
    }

    @Test
    @DisplayName("003 art. 6.4 (choice, ADR 0035 item 27, F167, was O97): a closure on the decision's text only, or on a document never "
            + "received, is refused; with the decision's document it is recorded; the reopening citing the same document is refused, with its "
            + "own it is recorded")
    void a_closure_and_an_opening_rest_on_the_governments_decision() {
        registry.refused(registry.send("cabinet-1", "CloseZoneTemporarily", new ZoneCommands.CloseZoneTemporarily(ALTANBULAG,
                "Government resolution 2027/70 (test)")), 400, "freezone.field-missing", "decisionSha256", "003 art. 6.4");
        registry.refused(registry.send("cabinet-1", "CloseZoneTemporarily", new ZoneCommands.CloseZoneTemporarily(ALTANBULAG,
                "Government resolution 2027/70 (test)", "8".repeat(64))), 400, "document.unknown", "decisionSha256", "003 art. 6.4");
        String closing = ReceiptTimeEndToEndTest.upload(registry.context(), "Government resolution 2027/70 closing Altanbulag (test)");
        ok(registry.send("cabinet-1", "CloseZoneTemporarily", new ZoneCommands.CloseZoneTemporarily(ALTANBULAG, "Government resolution 2027/70 (test)",
                closing)));
        registry.refused(registry.send("cabinet-1", "OpenZone", new ZoneCommands.OpenZone(ALTANBULAG, "Government resolution 2027/71 (test)", closing)),
                409, "freezone.decision-cited-already", "decisionSha256", "003 art. 6.4");
        ok(registry.send("cabinet-1", "OpenZone", new ZoneCommands.OpenZone(ALTANBULAG, "Government resolution 2027/71 (test)",
                ReceiptTimeEndToEndTest.upload(registry.context(), "Government resolution 2027/71 opening Altanbulag (test)"))));
    }

    @Test
    @DisplayName("003 art. 12.3 (ADR 0035 items 43 and 52, F250, was O96): an entity registered, removed and registered again within one "
            + "quarter is in the quarter's report with both its periods, each with its certificate; neither is left out")
    void a_re_registered_entitys_report_lists_both_its_periods() throws InterruptedException {
        LegalEntity entity = new LegalEntity("Khiagt Re-registered Trading OOO", Jurisdiction.FOREIGN, "RU", "1027700990121");
        RegistrationId registration = registry.registeredIn(ALTANBULAG, entity);
        LocalDate today = registry.today();
        String governor = registry.signIn("governor-altanbulag");
        String entities = "/api/governor/zones/altanbulag/entities";
        ok(registry.send("governor-altanbulag", "RecordCourtDecision", new RegistrationCommands.RecordCourtDecision(registration,
                "Selenge civil court 2026/412 (test)", today, false, registry.document("court decision " + registration))));
        ok(registry.send("governor-altanbulag", "DeregisterEntity", new RegistrationCommands.DeregisterEntity(registration,
                DeregistrationGround.COURT_DECISION, "dissolved by the court (test)")));
        registry.await(entities, governor, rows -> "DEREGISTERED".equals(rowOf(rows, registration).path("status").asText()));
        ok(registry.send("applicant-1", "ApplyForZoneRegistration", new RegistrationCommands.ApplyForZoneRegistration(ALTANBULAG, entity, Activity.TRADE,
                ZoneDocument.requiredFor(entity.jurisdiction()).stream().map(kind -> new SubmittedZoneDocument(kind,
                        registry.document(entity.name() + " again " + kind))).toList())));
        ok(registry.send("governor-altanbulag", "RegisterEntity", new RegistrationCommands.RegisterEntity(registration)));
        registry.await(entities, governor, rows -> "REGISTERED".equals(rowOf(rows, registration).path("status").asText()));

        JsonNode report = registry.client().get(reportPath(ALTANBULAG, Quarter.of(today)), governor).body();
        JsonNode listed = rowOf(report.path("report").path("entities"), registration);
        assertThat(listed.findValues("statusAtQuarterEnd")).as("both periods of " + registration + ": " + report).extracting(JsonNode::asText)
                .containsExactly("DEREGISTERED", "REGISTERED");
        // ADR 0035 item 57 (F264, was O153): the second period's certificate has a number of its own, its period's ordinal after the first's
        java.util.Set<String> numbers = new java.util.TreeSet<>(listed.findValues("certificateNumber").stream().map(JsonNode::asText).toList());
        assertThat(numbers).as("the certificates' numbers, as issued: " + report).hasSize(2).contains(numbers.iterator().next() + "/2");
    }

    private static JsonNode rowOf(JsonNode rows, RegistrationId registration) {
        for (JsonNode row : rows) {
            if (registration.value().equals(row.path("_id").asText(row.path("registrationId").asText()))) {
                return row;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
}
