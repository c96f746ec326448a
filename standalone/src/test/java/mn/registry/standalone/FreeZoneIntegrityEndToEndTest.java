package mn.registry.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import mn.registry.document.DocumentStore;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.freezone.Activity;
import mn.registry.kernel.freezone.Jurisdiction;
import mn.registry.kernel.freezone.LegalEntity;
import mn.registry.kernel.money.Money;
import mn.registry.kernel.freezone.QuarterlyReportContent.Quarter;
import mn.registry.kernel.freezone.RegistrationCommands;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.freezone.SubmittedZoneDocument;
import mn.registry.kernel.freezone.ZoneCommands;
import mn.registry.kernel.freezone.ZoneDocument;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.identity.PersonId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, item 8 on the running registry over HTTP: a hotel in a zone whose resolution allows no hotels is refused
 * (003 art. 6.1, 12.2); a zone never has two serving governors (8.2); the quarterly report (12.3) is due, escalated when
 * missed, and signed only for an ended quarter and only over the hash of the report the registry built.
 */
class FreeZoneIntegrityEndToEndTest {

    static final ZoneId ALTANBULAG = ZoneId.of("altanbulag");
    static final ZoneId ZAMYN_UUD = ZoneId.of("zamyn-uud");

    @RegisterExtension
    static final RunningRegistry registry = new RunningRegistry("--registry.deadlines.poll-interval=200ms");

    private static List<SubmittedZoneDocument> documents(LegalEntity entity) {
        return ZoneDocument.requiredFor(entity.jurisdiction()).stream().map(kind -> {
            byte[] bytes = ("%PDF-1.4\n" + entity.name() + " " + kind + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
            return new SubmittedZoneDocument(kind, registry.getBean(DocumentStore.class).receive(bytes, "application/pdf", kind + ".pdf").document().sha256());
        }).toList();
    }

    @Test
    @DisplayName("003 art. 6.1, 12.2: a hotel applying in a zone whose resolution allows no hotels is refused, naming the activity and the article")
    void hotel_in_a_zone_without_hotels_is_refused() {
        LegalEntity hotel = new LegalEntity("Dornogovi Palace Hotel LLC", Jurisdiction.MONGOLIAN, null, "6300001");
        RegistryClient.Reply refused = registry.command("applicant-1", "ApplyForZoneRegistration",
                new RegistrationCommands.ApplyForZoneRegistration(ZAMYN_UUD, hotel, Activity.HOTEL, documents(hotel)));
        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("freezone.activity-not-allowed");
        assertThat(refused.body().path("field").asText()).isEqualTo("activity");
        assertThat(refused.body().path("article").asText()).contains("003 art. 6.1");
        // nothing was received: the governor has no application to register
        RegistryClient.Reply register = registry.command("governor-zamyn-uud", "RegisterEntity",
                new RegistrationCommands.RegisterEntity(RegistrationId.of(ZAMYN_UUD, hotel)));
        assertThat(register.status()).isEqualTo(404);
        // the same hotel in Altanbulag, whose resolution allows hotels, is received
        RegistryClient.Reply altanbulag = registry.command("applicant-1", "ApplyForZoneRegistration",
                new RegistrationCommands.ApplyForZoneRegistration(ALTANBULAG, hotel, Activity.HOTEL, documents(hotel)));
        assertThat(altanbulag.status()).as(altanbulag.body().toString()).isEqualTo(200);
    }

    @Test
    @DisplayName("003 art. 8.2: a second governor cannot be appointed to a zone while one serves, and gains no authority there; 003 art. "
            + "8.1-8.2 (F592, ADR 0061 item 74): nor is the governor serving another zone")
    void two_governors_at_once_are_impossible() {
        // F592: Altanbulag's governor is refused for a second zone, before the zone's record is asked
        RegistryClient.Reply elsewhere = registry.command("cabinet-1", "AppointGovernor", new ZoneCommands.AppointGovernor(ZAMYN_UUD,
                new PersonId("governor-altanbulag"), "Cabinet member's order 2026/120", registry.document("Cabinet member's order 2026/120")));
        assertThat(elsewhere.status()).as(elsewhere.body().toString()).isEqualTo(409);
        assertThat(elsewhere.code()).isEqualTo("freezone.governor-of-another-zone");
        assertThat(elsewhere.body().path("article").asText()).isEqualTo("003 art. 8.1-8.2");
        // a person serving no zone: the zone's serving governor refuses a second one
        RegistryClient.Reply second = registry.command("cabinet-1", "AppointGovernor", new ZoneCommands.AppointGovernor(ZAMYN_UUD,
                new PersonId("reviewer-1"), "Cabinet member's order 2026/121", registry.document("Cabinet member's order 2026/121")));
        assertThat(second.status()).as(second.body().toString()).isEqualTo(409);
        assertThat(second.code()).isEqualTo("freezone.zone-has-governor");
        assertThat(second.body().path("article").asText()).isEqualTo("003 art. 8.2");
        // no role was granted before either refusal: Altanbulag's governor still cannot act in Zamyn-Uud
        RegistryClient.Reply outside = registry.command("governor-altanbulag", "SignQuarterlyReport", new ZoneCommands.SignQuarterlyReport(ZAMYN_UUD, 2026, 3,
                "ab".repeat(32)));
        assertThat(outside.status()).isEqualTo(403);
        assertThat(outside.code()).isEqualTo("freezone.governor-outside-zone");
    }

    @Test
    @DisplayName("003 art. 12.3: the report of a quarter is due and escalated when missed; 2099, a zero hash or another zone's governor are refused; the registry's hash is signed")
    void quarterly_report_is_the_registrys_and_only_for_an_ended_quarter() throws InterruptedException {
        // a foreign entity registered in Altanbulag in the quarter now running, with its investment
        LegalEntity foreign = new LegalEntity("Kyakhta Amber OOO", Jurisdiction.FOREIGN, "RU", "1037700200001");
        RegistrationId registration = RegistrationId.of(ALTANBULAG, foreign);
        assertThat(registry.command("applicant-1", "ApplyForZoneRegistration", new RegistrationCommands.ApplyForZoneRegistration(ALTANBULAG, foreign,
                Activity.TRADE, documents(foreign))).status()).isEqualTo(200);
        assertThat(registry.command("governor-altanbulag", "RegisterEntity", new RegistrationCommands.RegisterEntity(registration)).status()).isEqualTo(200);
        LocalDate today = UlaanbaatarTime.dateOf(registry.clock().instant());
        RegistryClient.Reply future = registry.command("governor-altanbulag", "RecordInvestmentAgreement", new RegistrationCommands.RecordInvestmentAgreement(
                registration, today.plusYears(3), today.plusYears(13), new Money(new BigDecimal("4200000"), "USD"), true, ReceiptTimeEndToEndTest.upload(registry.context(), "investment agreement " + registration)));
        assertThat(future.status()).as("003 art. 12.5.1: a future agreement date would postpone the ground").isEqualTo(400);
        assertThat(future.body().path("field").asText()).isEqualTo("signedOn");
        assertThat(registry.command("governor-altanbulag", "RecordInvestmentAgreement", new RegistrationCommands.RecordInvestmentAgreement(registration, today,
                today.plusYears(10), new Money(new BigDecimal("4200000"), "USD"), true, ReceiptTimeEndToEndTest.upload(registry.context(), "investment agreement " + registration))).status()).isEqualTo(200);
        Quarter running = Quarter.of(today);

        String governor = registry.signIn("governor-altanbulag");
        String path = "/api/governor/zones/altanbulag/reports/" + running.year() + "/" + running.quarter();
        // read again until 200: at a registry's start the desk may still replay for this release (ADR 0035 item 58: 503 meanwhile)
        JsonNode due = registry.awaitVisible(path, governor, r -> !r.path("dueOn").isNull() && !r.path("dueOn").isMissingNode());
        LocalDate dueOn = LocalDate.parse(due.path("dueOn").asText());
        assertThat(dueOn).isAfter(running.lastDay().plusDays(15)).isBefore(running.lastDay().plusDays(35));

        // the quarter is still running: no report yet, whatever hash
        RegistryClient.Reply early = registry.command("governor-altanbulag", "SignQuarterlyReport", new ZoneCommands.SignQuarterlyReport(ALTANBULAG,
                running.year(), running.quarter(), due.path("sha256").asText()));
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.code()).isEqualTo("freezone.report-quarter-not-ended");
        RegistryClient.Reply in2099 = registry.command("governor-altanbulag", "SignQuarterlyReport", new ZoneCommands.SignQuarterlyReport(ALTANBULAG, 2099, 1,
                "0".repeat(64)));
        assertThat(in2099.status()).isEqualTo(400);
        assertThat(in2099.code()).isEqualTo("freezone.report-quarter-not-ended");
        assertThat(in2099.body().path("field").asText()).isEqualTo("quarter");

        // the due date passes unsigned: the registry escalates
        registry.clock().advance(Duration.ofDays(ChronoUnit.DAYS.between(today, dueOn) + 1));
        String governorLater = registry.signIn("governor-altanbulag");
        JsonNode escalated = registry.await(path, governorLater, r -> r.path("escalatedAt").isTextual());
        assertThat(escalated.path("report").path("entities")).hasSize(1);
        assertThat(escalated.path("report").path("entities").get(0).path("registrationId").asText()).isEqualTo(registration.value());
        assertThat(escalated.path("report").path("totalInvestment").path("USD").decimalValue()).isEqualByComparingTo("4200000");
        String hash = escalated.path("sha256").asText();

        RegistryClient.Reply zeros = registry.command("governor-altanbulag", "SignQuarterlyReport", new ZoneCommands.SignQuarterlyReport(ALTANBULAG,
                running.year(), running.quarter(), "0".repeat(64)));
        assertThat(zeros.status()).isEqualTo(400);
        assertThat(zeros.code()).isEqualTo("freezone.report-hash-mismatch");
        assertThat(zeros.body().path("field").asText()).isEqualTo("reportSha256");
        RegistryClient.Reply otherZone = registry.command("governor-zamyn-uud", "SignQuarterlyReport", new ZoneCommands.SignQuarterlyReport(ALTANBULAG,
                running.year(), running.quarter(), hash));
        assertThat(otherZone.status()).isEqualTo(403);
        assertThat(otherZone.code()).isEqualTo("freezone.governor-outside-zone");

        RegistryClient.Reply signed = registry.command("governor-altanbulag", "SignQuarterlyReport", new ZoneCommands.SignQuarterlyReport(ALTANBULAG,
                running.year(), running.quarter(), hash));
        assertThat(signed.status()).as(signed.body().toString()).isEqualTo(200);
        JsonNode shown = registry.await(path, governorLater, r -> r.path("signedBy").isTextual());
        assertThat(shown.path("signedBy").asText()).isEqualTo("governor-altanbulag");
        assertThat(shown.path("sha256").asText()).isEqualTo(hash);
    }
}
