package mn.registry.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import mn.registry.document.DocumentStore;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.freezone.Activity;
import mn.registry.kernel.freezone.GeoPolygon;
import mn.registry.kernel.freezone.Jurisdiction;
import mn.registry.kernel.freezone.LandApplicationId;
import mn.registry.kernel.freezone.LandCommands;
import mn.registry.kernel.freezone.LegalEntity;
import mn.registry.kernel.money.Money;
import mn.registry.kernel.freezone.RegistrationCommands;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.freezone.SubmittedZoneDocument;
import mn.registry.kernel.freezone.ZoneDocument;
import mn.registry.kernel.freezone.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, item 8 ("done when"): over HTTP on a running registry, land in a Free Zone goes only to an entity registered
 * in that zone that applied for it (003 art. 22.2, 22.4, 8.7.7): a licence to a non-applicant, to an entity registered
 * only in another zone, by another zone's governor, or a second licence on one application, is refused and stores
 * nothing; the Government's exemption (23.3-23.4) is the Cabinet member's act and shows in the fee schedule.
 */
class LandLicenceEndToEndTest {

    static final ZoneId ALTANBULAG = ZoneId.of("altanbulag");
    static final ZoneId ZAMYN_UUD = ZoneId.of("zamyn-uud");
    /** Applies for land in Altanbulag. */
    static final LegalEntity AMBER = new LegalEntity("Khiagt Amber LLC", Jurisdiction.MONGOLIAN, null, "6301001");
    /** Registered in Altanbulag, never applies for land. */
    static final LegalEntity TIMBER = new LegalEntity("Shaamar Timber LLC", Jurisdiction.MONGOLIAN, null, "6301002");
    /** Registered only in Zamyn-Uud. */
    static final LegalEntity FREIGHT = new LegalEntity("Erlian Border Freight Co", Jurisdiction.FOREIGN, "CN", "91152599MA0PLD4K7B");
    static final GeoPolygon LOT = GeoPolygon.of(106.44, 50.315, 106.45, 50.315, 106.45, 50.32, 106.44, 50.32);

    @RegisterExtension
    static final RunningRegistry registry = new RunningRegistry();

    private static String upload(String text) {
        byte[] bytes = ("%PDF-1.4\n" + text + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
        return registry.getBean(DocumentStore.class).receive(bytes, "application/pdf", "document.pdf").document().sha256();
    }

    private static RegistrationId register(LegalEntity entity, ZoneId zone) {
        List<SubmittedZoneDocument> documents = ZoneDocument.requiredFor(entity.jurisdiction()).stream()
                .map(kind -> new SubmittedZoneDocument(kind, upload(entity.name() + " " + zone + " " + kind))).toList();
        RegistryClient.Reply applied = registry.command("applicant-1", "ApplyForZoneRegistration",
                new RegistrationCommands.ApplyForZoneRegistration(zone, entity, Activity.TRADE, documents));
        assertThat(applied.status()).as(applied.body().toString()).isEqualTo(200);
        RegistrationId id = RegistrationId.of(zone, entity);
        RegistryClient.Reply registered = registry.command("governor-" + zone.value(), "RegisterEntity", new RegistrationCommands.RegisterEntity(id));
        assertThat(registered.status()).as(registered.body().toString()).isEqualTo(200);
        return id;
    }

    private static long storedEvents() {
        return registry.getBean(MongoDatabase.class).getCollection("events").countDocuments();
    }

    private static void refused(RegistryClient.Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(status);
        assertThat(reply.code()).as(reply.body().toString()).isEqualTo(code);
    }

    private static LandCommands.GrantLandRights grant(RegistrationId holder, LandApplicationId application, LocalDate from, LocalDate until) {
        return new LandCommands.GrantLandRights(ALTANBULAG, holder, "Lot 9", LOT, "amber workshop", from, until, LandCommands.AllocationMethod.AUCTION,
                Money.mnt(45_000_000), "Governor decision 2026/71", application);
    }

    @Test
    @DisplayName("003 art. 22.2, 8.7.7: land to a non-applicant, to another zone's entity, by another zone's governor, or twice on one application is refused; the applicant gets it")
    void land_only_to_the_entity_of_the_zone_that_applied() throws InterruptedException {
        RegistrationId amber = register(AMBER, ALTANBULAG);
        RegistrationId timber = register(TIMBER, ALTANBULAG);
        RegistrationId freightInZamynUud = register(FREIGHT, ZAMYN_UUD);
        RegistrationId freightInAltanbulag = RegistrationId.of(ALTANBULAG, FREIGHT);
        LocalDate today = UlaanbaatarTime.dateOf(registry.clock().instant());
        LocalDate from = today.plusDays(1);
        LocalDate until = today.plusYears(10);

        // the entity of another zone cannot even apply for Altanbulag's land: not registered here, or a registration of another zone
        long before = storedEvents();
        refused(registry.command("applicant-1", "ApplyForLandUse", new LandCommands.ApplyForLandUse(ALTANBULAG, freightInAltanbulag, "Lot 9", LOT, "depot",
                from, until, LandCommands.AllocationMethod.AUCTION)), 409, "freezone.holder-not-registered");
        refused(registry.command("applicant-1", "ApplyForLandUse", new LandCommands.ApplyForLandUse(ALTANBULAG, freightInZamynUud, "Lot 9", LOT, "depot",
                from, until, LandCommands.AllocationMethod.AUCTION)), 400, "freezone.holder-other-zone");
        // a governor cannot apply in an entity's name (the application is the entity's act)
        refused(registry.command("governor-altanbulag", "ApplyForLandUse", new LandCommands.ApplyForLandUse(ALTANBULAG, amber, "Lot 9", LOT, "amber workshop",
                from, until, LandCommands.AllocationMethod.AUCTION)), 403, "signer.role-missing");
        assertThat(storedEvents()).isEqualTo(before);

        RegistryClient.Reply applied = registry.command("applicant-1", "ApplyForLandUse", new LandCommands.ApplyForLandUse(ALTANBULAG, amber, "Lot 9", LOT,
                "amber workshop", from, until, LandCommands.AllocationMethod.AUCTION));
        assertThat(applied.status()).as(applied.body().toString()).isEqualTo(200);
        LandApplicationId application = new LandApplicationId(applied.body().path("applicationId").asText());
        assertThat(applied.body().path("status").asText()).isEqualTo("PENDING");

        before = storedEvents();
        // to a registered entity of the zone that did not apply
        refused(registry.command("governor-altanbulag", "GrantLandRights", grant(timber, application, from, until)), 409, "freezone.holder-not-applicant");
        // with no application at all
        refused(registry.command("governor-altanbulag", "GrantLandRights", grant(timber, null, from, until)), 404, "freezone.land-application-unknown");
        // to an entity registered only in another zone
        refused(registry.command("governor-altanbulag", "GrantLandRights", grant(freightInZamynUud, application, from, until)), 400, "freezone.holder-other-zone");
        refused(registry.command("governor-altanbulag", "GrantLandRights", grant(freightInAltanbulag, application, from, until)), 409, "freezone.holder-not-applicant");
        // by the governor of another zone
        refused(registry.command("governor-zamyn-uud", "GrantLandRights", grant(amber, application, from, until)), 403, "freezone.governor-outside-zone");
        // more than applied for
        refused(registry.command("governor-altanbulag", "GrantLandRights", grant(amber, application, from, until.plusYears(5))), 400, "freezone.grant-exceeds-application");
        // 003 art. 22.4 (F541): no result of the auction the application named is recorded
        refused(registry.command("governor-altanbulag", "GrantLandRights", grant(amber, application, from, until)), 409, "freezone.selection-unknown");
        assertThat(storedEvents()).as("refusals store nothing").isEqualTo(before);

        LandSelectionStep.selected(registry, "governor-altanbulag", application, Money.mnt(45_000_000));
        RegistryClient.Reply granted = registry.command("governor-altanbulag", "GrantLandRights", grant(amber, application, from, until));
        assertThat(granted.status()).as(granted.body().toString()).isEqualTo(200);
        // an application is decided once
        refused(registry.command("governor-altanbulag", "GrantLandRights", grant(amber, application, from, until)), 409, "freezone.land-application-decided");
        refused(registry.command("governor-altanbulag", "RefuseLandUse", new LandCommands.RefuseLandUse(ALTANBULAG, application, List.of("changed our mind"))),
                409, "freezone.land-application-decided");

        String governor = registry.client().signIn("governor-altanbulag");
        JsonNode applications = registry.await("/api/governor/zones/altanbulag/land/applications", governor,
                a -> a.size() == 1 && "GRANTED".equals(a.get(0).path("status").asText()));
        assertThat(applications.get(0).path("applicant").asText()).isEqualTo(amber.value());
        JsonNode land = registry.await("/api/governor/zones/altanbulag/land", governor, l -> l.size() == 1);
        assertThat(land.get(0).path("holder").asText()).isEqualTo(amber.value());
        // operations have not started: every year of the licence is in the schedule, at the full fee (003 art. 23.1 counts years of operation)
        assertThat(land.get(0).path("feeSchedule").size()).isEqualTo(10);
        assertThat(land.get(0).path("feeSchedule").get(0).path("yearOfOperation").asInt()).isZero();
        assertThat(land.get(0).path("feeSchedule").get(0).path("exemptPercent").asInt()).isZero();
    }

    @Test
    @DisplayName("003 art. 23.3-23.4: the Government's land-fee exemption is the Cabinet member's act, refused to a governor and a ministry supervisor")
    void government_exemption_is_the_cabinet_members_act() throws InterruptedException {
        String decision = upload("Government resolution 2026/412 on land-fee exemption for production in Altanbulag");
        LocalDate today = UlaanbaatarTime.dateOf(registry.clock().instant());
        LandCommands.GrantLandFeeExemption exemption = new LandCommands.GrantLandFeeExemption(ALTANBULAG, null, Activity.PRODUCTION, 40, today, 3,
                "Government resolution 2026/412", today, decision);
        long before = storedEvents();
        refused(registry.command("governor-altanbulag", "GrantLandFeeExemption", exemption), 403, "signer.role-missing");
        refused(registry.command("supervisor-1", "GrantLandFeeExemption", exemption), 403, "signer.role-missing");
        refused(registry.command("cabinet-1", "GrantLandFeeExemption", new LandCommands.GrantLandFeeExemption(ALTANBULAG, null, Activity.PRODUCTION, 40, today, 3,
                "Government resolution 2026/412", today, "00".repeat(32))), 400, "document.unknown");
        assertThat(storedEvents()).isEqualTo(before);
        RegistryClient.Reply granted = registry.command("cabinet-1", "GrantLandFeeExemption", exemption);
        assertThat(granted.status()).as(granted.body().toString()).isEqualTo(200);
        assertThat(granted.body().path("number").asInt()).isEqualTo(1);
    }
}
