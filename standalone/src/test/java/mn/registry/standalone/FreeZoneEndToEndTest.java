package mn.registry.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import mn.registry.document.DocumentStore;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.freezone.Activity;
import mn.registry.kernel.freezone.DeregistrationGround;
import mn.registry.kernel.freezone.GeoPolygon;
import mn.registry.kernel.freezone.Jurisdiction;
import mn.registry.kernel.freezone.LandApplicationId;
import mn.registry.kernel.freezone.LandCommands;
import mn.registry.kernel.freezone.LandLicenceId;
import mn.registry.kernel.freezone.LegalEntity;
import mn.registry.kernel.freezone.QuarterlyReportContent.Quarter;
import mn.registry.kernel.money.Money;
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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A governor's office on the running registry (issue 5, "done when"): an entity from application to registration,
 * an agreement and a land licence, a year passing on the demo registry.clock(), ground 12.5.1 raised by the registry,
 * deregistration, and the land licence revoked by the process manager (003 art. 22.6); acting outside one's zone
 * or tenure refused.
 */
class FreeZoneEndToEndTest {

    static final ZoneId ALTANBULAG = ZoneId.of("altanbulag");
    static final LegalEntity ENTITY = new LegalEntity("Selenge Amber LLC", Jurisdiction.MONGOLIAN, null, "6104422");
    static final RegistrationId REGISTRATION = RegistrationId.of(ALTANBULAG, ENTITY);

    @RegisterExtension
    static final RunningRegistry registry = new RunningRegistry("--registry.deadlines.poll-interval=200ms");

    private static SubmittedZoneDocument upload(ZoneDocument kind) {
        return upload(ENTITY, kind);
    }

    /** {@code entity}'s document of {@code kind}: each entity its own, its registration fee receipt too (ADR 0035 item 19). */
    private static SubmittedZoneDocument upload(LegalEntity entity, ZoneDocument kind) {
        byte[] bytes = ("%PDF-1.4\n" + entity.name() + " " + entity.registrationNumber() + " " + kind + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
        return new SubmittedZoneDocument(kind, registry.getBean(DocumentStore.class).receive(bytes, "application/pdf", kind + ".pdf").document().sha256());
    }

    @Test
    @DisplayName("003 art. 12.2, 12.5.1, 22.6: application to registration, a year passes, 12.5.1 is raised, deregistration revokes the land licence")
    void governor_takes_an_entity_through_its_life() throws InterruptedException {
        List<SubmittedZoneDocument> documents = ZoneDocument.requiredFor(Jurisdiction.MONGOLIAN).stream().map(FreeZoneEndToEndTest::upload).toList();
        RegistryClient.Reply applied = registry.command("applicant-1", "ApplyForZoneRegistration",
                new RegistrationCommands.ApplyForZoneRegistration(ALTANBULAG, ENTITY, Activity.TRADE, documents));
        assertThat(applied.status()).as(applied.body().toString()).isEqualTo(200);
        assertThat(applied.body().path("registrationId").asText()).isEqualTo(REGISTRATION.value());
        LocalDate receivedOn = UlaanbaatarTime.dateOf(registry.clock().instant());
        assertThat(LocalDate.parse(applied.body().path("reviewDue").asText())).isAfter(receivedOn.plusDays(4));

        String governor = registry.signIn("governor-altanbulag");
        registry.await("/api/governor/zones/altanbulag/queue", governor, q -> q.size() == 1 && q.get(0).path("businessDaysLeft").asInt() >= 4);
        RegistryClient.Reply otherZone = registry.client().get("/api/governor/zones/altanbulag/queue", registry.signIn("governor-zamyn-uud"));
        assertThat(otherZone.status()).isEqualTo(403);

        RegistryClient.Reply foreignGovernor = registry.command("governor-zamyn-uud", "RegisterEntity", new RegistrationCommands.RegisterEntity(REGISTRATION));
        assertThat(foreignGovernor.status()).isEqualTo(403);
        assertThat(foreignGovernor.code()).isEqualTo("freezone.governor-outside-zone");

        assertThat(registry.command("governor-altanbulag", "RegisterEntity", new RegistrationCommands.RegisterEntity(REGISTRATION)).status()).isEqualTo(200);
        RegistryClient.Reply again = registry.command("applicant-1", "ApplyForZoneRegistration",
                new RegistrationCommands.ApplyForZoneRegistration(ALTANBULAG, ENTITY, Activity.TRADE, documents));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("freezone.entity-already-registered");

        LocalDate today = UlaanbaatarTime.dateOf(registry.clock().instant());
        assertThat(registry.command("governor-altanbulag", "RecordInvestmentAgreement", new RegistrationCommands.RecordInvestmentAgreement(REGISTRATION, today,
                today.plusYears(10), Money.mnt(3_000_000_000L), false, ReceiptTimeEndToEndTest.upload(registry.context(), "investment agreement " + REGISTRATION))).status()).isEqualTo(200);
        // 003 art. 22.2, 22.4: land on the entity's own application (issue 13)
        GeoPolygon lot3 = GeoPolygon.of(106.44, 50.315, 106.45, 50.315, 106.45, 50.32, 106.44, 50.32);
        RegistryClient.Reply applied3 = registry.command("applicant-1", "ApplyForLandUse", new LandCommands.ApplyForLandUse(ALTANBULAG, REGISTRATION, "Lot 3", lot3,
                "amber workshop", today.plusDays(1), today.plusYears(10), LandCommands.AllocationMethod.AUCTION));
        assertThat(applied3.status()).as(applied3.body().toString()).isEqualTo(200);
        LandSelectionStep.selected(registry, "governor-altanbulag", new LandApplicationId(applied3.body().path("applicationId").asText()),
                Money.mnt(45_000_000));
        RegistryClient.Reply granted = registry.command("governor-altanbulag", "GrantLandRights", new LandCommands.GrantLandRights(ALTANBULAG, REGISTRATION, "Lot 3",
                lot3, "amber workshop", today.plusDays(1), today.plusYears(10), LandCommands.AllocationMethod.AUCTION, Money.mnt(45_000_000),
                "Governor decision 2026/7", new LandApplicationId(applied3.body().path("applicationId").asText())));
        assertThat(granted.status()).as(granted.body().toString()).isEqualTo(200);
        LandLicenceId licence = new LandLicenceId(granted.body().path("licenceId").asText());
        GeoPolygon lot3b = GeoPolygon.of(106.445, 50.315, 106.455, 50.315, 106.455, 50.32, 106.445, 50.32);
        RegistryClient.Reply applied3b = registry.command("applicant-1", "ApplyForLandUse", new LandCommands.ApplyForLandUse(ALTANBULAG, REGISTRATION, "Lot 3b", lot3b,
                "store", today.plusDays(1), today.plusYears(2), LandCommands.AllocationMethod.TENDER));
        assertThat(applied3b.status()).as(applied3b.body().toString()).isEqualTo(200);
        RegistryClient.Reply overlapping = registry.command("governor-altanbulag", "GrantLandRights", new LandCommands.GrantLandRights(ALTANBULAG, REGISTRATION,
                "Lot 3b", lot3b, "store", today.plusDays(1), today.plusYears(2), LandCommands.AllocationMethod.TENDER, Money.mnt(1_000_000),
                "Governor decision 2026/8", new LandApplicationId(applied3b.body().path("applicationId").asText())));
        assertThat(overlapping.code()).isEqualTo("freezone.parcel-already-licensed");
        assertThat(registry.command("governor-altanbulag", "RecordLandFeePaid", new LandCommands.RecordLandFeePaid(ALTANBULAG, licence, Money.mnt(45_000_000),
                "Receipt 889", ReceiptTimeEndToEndTest.upload(registry.context(), "Receipt "+"Receipt 889"))).status()).isEqualTo(200);
        registry.await("/api/governor/zones/altanbulag/land", governor, l -> l.size() == 1 && "ISSUED".equals(l.get(0).path("status").asText()));

        registry.clock().advance(Duration.ofDays(370));
        String governorLater = registry.signIn("governor-altanbulag");
        JsonNode grounds = registry.await("/api/governor/zones/altanbulag/grounds", governorLater, g -> g.size() == 1);
        assertThat(grounds.get(0).path("ground").asText()).isEqualTo(DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR.name());
        assertThat(grounds.get(0).path("article").asText()).isEqualTo("003 art. 12.5.1");

        RegistryClient.Reply deregistered = registry.command("governor-altanbulag", "DeregisterEntity", new RegistrationCommands.DeregisterEntity(REGISTRATION,
                DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR, "main production not started within one year"));
        assertThat(deregistered.status()).as(deregistered.body().toString()).isEqualTo(200);
        JsonNode land = registry.await("/api/governor/zones/altanbulag/land", governorLater, l -> "REVOKED".equals(l.get(0).path("status").asText()));
        assertThat(land.get(0).path("revocationArticle").asText()).isEqualTo("003 art. 22.6");
        JsonNode entities = registry.await("/api/governor/zones/altanbulag/entities", governorLater, e -> "DEREGISTERED".equals(e.get(0).path("status").asText()));
        assertThat(entities.get(0).path("taxClawbackDue").asBoolean()).isTrue();
    }

    @Test
    @DisplayName("003 art. 8.2, 8.7: a dismissed governor's next command is refused 403, and the Cabinet member can appoint them again")
    void dismissed_governor_is_refused() {
        RegistryClient.Reply dismissed = registry.command("cabinet-1", "DismissGovernor", new ZoneCommands.DismissGovernor(ZoneId.of("zamyn-uud"),
                new PersonId("governor-zamyn-uud"), "Cabinet member's order 2026/90", registry.document("Cabinet member's order 2026/90")));
        assertThat(dismissed.status()).as(dismissed.body().toString()).isEqualTo(200);
        RegistryClient.Reply afterDismissal = registry.command("governor-zamyn-uud", "SignQuarterlyReport",
                new ZoneCommands.SignQuarterlyReport(ZoneId.of("zamyn-uud"), 2026, 4, "ab".repeat(32)));
        assertThat(afterDismissal.status()).isEqualTo(403);
        assertThat(afterDismissal.code()).isIn("signer.role-missing", "freezone.governor-not-in-tenure");

        RegistryClient.Reply byGovernor = registry.command("governor-altanbulag", "AppointGovernor", new ZoneCommands.AppointGovernor(ZoneId.of("zamyn-uud"),
                new PersonId("governor-altanbulag"), "not theirs to give", registry.document("not theirs to give")));
        assertThat(byGovernor.status()).isEqualTo(403);
        RegistryClient.Reply reappointed = registry.command("cabinet-1", "AppointGovernor", new ZoneCommands.AppointGovernor(ZoneId.of("zamyn-uud"),
                new PersonId("governor-zamyn-uud"), "Cabinet member's order 2026/91", registry.document("Cabinet member's order 2026/91")));
        assertThat(reappointed.status()).as(reappointed.body().toString()).isEqualTo(200);
        // the reappointed governor acts again: signs the last ended quarter's report the registry built (003 art. 12.3); none that ended
        // before the registry recorded the zone (ADR 0035 item 37, F176): if none has ended since, the clock passes the first one's end
        LocalDate today = UlaanbaatarTime.dateOf(registry.clock().instant());
        LocalDate recorded = LocalDate.parse(registry.client().get("/api/public/register/zones/zamyn-uud").body().path("entry").path("since")
                .asText().substring(0, 10));
        Quarter last = Quarter.of(today.minusMonths(3));
        if (last.lastDay().isBefore(recorded)) {
            last = Quarter.of(recorded);
            registry.clock().advance(Duration.ofDays(ChronoUnit.DAYS.between(today, last.lastDay()) + 2));
        }
        int year = last.year();
        int quarter = last.quarter();
        String hash = registry.client().get("/api/governor/zones/zamyn-uud/reports/" + year + "/" + quarter, registry.signIn("governor-zamyn-uud")).body().path("sha256").asText();
        RegistryClient.Reply signed = registry.command("governor-zamyn-uud", "SignQuarterlyReport", new ZoneCommands.SignQuarterlyReport(ZoneId.of("zamyn-uud"),
                year, quarter, hash));
        assertThat(signed.status()).as(signed.body().toString()).isEqualTo(200);
    }

    @Test
    @DisplayName("003 art. 6.4: a temporarily closed zone takes no new registration; reopened, it does")
    void closed_zone_takes_no_registration() {
        ZoneId zamynUud = ZoneId.of("zamyn-uud");
        LegalEntity foreign = new LegalEntity("Erlian Freight Co", Jurisdiction.FOREIGN, "CN", "91152500MA0E2RL86H");
        List<SubmittedZoneDocument> documents = ZoneDocument.requiredFor(Jurisdiction.FOREIGN).stream().map(kind -> upload(foreign, kind)).toList();
        assertThat(registry.command("cabinet-1", "CloseZoneTemporarily", new ZoneCommands.CloseZoneTemporarily(zamynUud, "Government resolution 2026/300", ReceiptTimeEndToEndTest.upload(registry.context(), "Government decision document " + System.nanoTime()))).status())
                .isEqualTo(200);
        RegistryClient.Reply refused = registry.command("applicant-1", "ApplyForZoneRegistration",
                new RegistrationCommands.ApplyForZoneRegistration(zamynUud, foreign, Activity.PRODUCTION, documents));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("freezone.zone-closed");
        assertThat(registry.command("cabinet-1", "OpenZone", new ZoneCommands.OpenZone(zamynUud, "Government resolution 2026/301", ReceiptTimeEndToEndTest.upload(registry.context(), "Government decision document " + System.nanoTime()))).status()).isEqualTo(200);
        RegistryClient.Reply applied = registry.command("applicant-1", "ApplyForZoneRegistration",
                new RegistrationCommands.ApplyForZoneRegistration(zamynUud, foreign, Activity.PRODUCTION, documents));
        assertThat(applied.status()).as(applied.body().toString()).isEqualTo(200);
    }
}
