package mn.registry.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoDatabase;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.kernel.freezone.Activity;
import mn.registry.kernel.freezone.DeregistrationGround;
import mn.registry.kernel.freezone.GeoPolygon;
import mn.registry.kernel.freezone.Jurisdiction;
import mn.registry.kernel.freezone.LandApplicationId;
import mn.registry.kernel.freezone.LandCommands;
import mn.registry.kernel.freezone.LandLicenceId;
import mn.registry.kernel.freezone.LegalEntity;
import mn.registry.kernel.freezone.RegistrationCommands;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.freezone.ZoneCommands;
import mn.registry.kernel.freezone.ZoneDocument;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.money.Money;
import mn.registry.kernel.signing.CommandEnvelope;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static mn.registry.standalone.FreeZoneRegistry.ALTANBULAG;
import static mn.registry.standalone.FreeZoneRegistry.ZAMYN_UUD;
import static mn.registry.standalone.RunningRegistry.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 31, the Free Zone's red team (003): a careless or dishonest governor, Cabinet member or entity representative attacks the running
 * registry from outside, with real signed requests over HTTP, through the lifecycle of 003: registration in the governor's own zone,
 * rejection, the agreement, the start, deregistration, land applications and grants, the land fee, exemptions, the zone's closure and the
 * governor's dismissal; and the public side (feed, search, register) for what the law withholds. Each method is one attempt (several acts at
 * times); each refusal is problem+json and stores nothing ({@link RunningRegistry#refused}). Company numbers 6331001-6331039 are this
 * class's own.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FreeZoneRedTeamRound31EndToEndTest {

    @RegisterExtension
    static final FreeZoneRegistry registry = new FreeZoneRegistry();

    /** Inside Altanbulag (as LandLicenceEndToEndTest's lot), and one overlapping it, and one beside both. */
    static final GeoPolygon LOT = GeoPolygon.of(106.44, 50.315, 106.45, 50.315, 106.45, 50.32, 106.44, 50.32);
    static final GeoPolygon OVERLAPPING = GeoPolygon.of(106.445, 50.316, 106.455, 50.316, 106.455, 50.319, 106.445, 50.319);
    static final GeoPolygon BESIDE = GeoPolygon.of(106.46, 50.315, 106.47, 50.315, 106.47, 50.32, 106.46, 50.32);

    private static LegalEntity mongolian(String name, String number) {
        return new LegalEntity(name, Jurisdiction.MONGOLIAN, null, number);
    }

    private static RegistrationCommands.ApplyForZoneRegistration application(ZoneId zone, LegalEntity entity) {
        return new RegistrationCommands.ApplyForZoneRegistration(zone, entity, Activity.TRADE, registry.documentsOf(entity));
    }

    private static void held(RunningRegistry.Sent sent, int status, String code) {
        registry.refused(sent, status, code, null, "");
    }

    private static long storedEvents() {
        return registry.getBean(MongoDatabase.class).getCollection("events").countDocuments();
    }

    private static LandApplicationId appliedForLand(RegistrationId entity, GeoPolygon parcel, String name, LocalDate from, LocalDate until) {
        JsonNode answer = ok(registry.send("applicant-1", "ApplyForLandUse", new LandCommands.ApplyForLandUse(entity.zoneId(), entity, name, parcel,
                "warehouse", from, until, LandCommands.AllocationMethod.AUCTION)));
        return new LandApplicationId(answer.path("applicationId").asText());
    }

    private static LandCommands.GrantLandRights grant(RegistrationId holder, LandApplicationId application, GeoPolygon parcel, String name,
                                                      LocalDate from, LocalDate until) {
        return new LandCommands.GrantLandRights(holder.zoneId(), holder, name, parcel, "warehouse", from, until, LandCommands.AllocationMethod.AUCTION,
                Money.mnt(45_000_000), "Governor decision R31/" + name, application);
    }

    @Test
    @Order(1)
    @DisplayName("003 art. 8.7.6, 12.2: a governor registers, rejects and deregisters only in their own zone; an applicant or the Cabinet member "
            + "registers nothing; a registration is decided once")
    void a_governor_decides_only_in_their_own_zone() {
        LegalEntity entity = mongolian("Red Team Own Zone LLC", "6331001");
        ok(registry.send("applicant-1", "ApplyForZoneRegistration", application(ALTANBULAG, entity)));
        RegistrationId id = RegistrationId.of(ALTANBULAG, entity);
        held(registry.send("governor-zamyn-uud", "RegisterEntity", new RegistrationCommands.RegisterEntity(id)), 403, "freezone.governor-outside-zone");
        held(registry.send("governor-zamyn-uud", "RejectZoneRegistration", new RegistrationCommands.RejectZoneRegistration(id,
                List.of("not in order"))), 403, "freezone.governor-outside-zone");
        held(registry.send("applicant-1", "RegisterEntity", new RegistrationCommands.RegisterEntity(id)), 403, "signer.role-missing");
        held(registry.send("cabinet-1", "RegisterEntity", new RegistrationCommands.RegisterEntity(id)), 403, "signer.role-missing");
        ok(registry.send("governor-altanbulag", "RegisterEntity", new RegistrationCommands.RegisterEntity(id)));
        held(registry.send("governor-altanbulag", "RegisterEntity", new RegistrationCommands.RegisterEntity(id)), 409, "freezone.registration-not-pending");
        held(registry.send("governor-altanbulag", "RejectZoneRegistration", new RegistrationCommands.RejectZoneRegistration(id, List.of("late"))), 409,
                "freezone.registration-not-pending");
        held(registry.send("governor-zamyn-uud", "DeregisterEntity", new RegistrationCommands.DeregisterEntity(id, DeregistrationGround.COURT_DECISION,
                "dissolved")), 403, "freezone.governor-outside-zone");
    }

    @Test
    @Order(2)
    @DisplayName("003 art. 12.1, 6.1: an application to a zone the State Great Khural never established, or for a second registration in the zone, is refused")
    void no_application_to_a_zone_that_is_not_nor_twice() {
        LegalEntity entity = mongolian("Red Team Nowhere LLC", "6331002");
        held(registry.send("applicant-1", "ApplyForZoneRegistration", application(ZoneId.of("gobi-nowhere"), entity)), 404, "freezone.zone-unknown");
        registry.registeredIn(ALTANBULAG, entity);
        held(registry.send("applicant-1", "ApplyForZoneRegistration", application(ALTANBULAG, entity)), 409, "freezone.entity-already-registered");
    }

    @Test
    @Order(3)
    @DisplayName("003 art. 12.5 (12.5.1-12.5.3): deregistration on a ground the law gives that has not arisen, with no ground, or twice, is refused")
    void deregistration_only_on_a_ground_that_arose_and_once() {
        RegistrationId id = registry.registeredIn(ALTANBULAG, mongolian("Red Team Ground LLC", "6331003"));
        held(registry.send("governor-altanbulag", "DeregisterEntity", new RegistrationCommands.DeregisterEntity(id,
                DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR, "did not start")), 409, "freezone.ground-not-raised");
        held(registry.send("governor-altanbulag", "DeregisterEntity", new RegistrationCommands.DeregisterEntity(id,
                DeregistrationGround.INTERRUPTED_TWELVE_MONTHS, "stopped")), 409, "freezone.ground-not-raised");
        held(registry.send("governor-altanbulag", "DeregisterEntity", new RegistrationCommands.DeregisterEntity(id,
                DeregistrationGround.COURT_DECISION, "dissolved, I heard")), 409, "freezone.ground-not-raised");
        held(registry.send("governor-altanbulag", "DeregisterEntity", new RegistrationCommands.DeregisterEntity(id, null, "the governor wishes it")),
                409, "freezone.ground-not-raised");
        // a ground the law gives, raised: the court's dissolution; then the removal once
        registry.dissolvedIn(id, "Selenge civil court R31/3", registry.today());
        ok(registry.send("governor-altanbulag", "DeregisterEntity", new RegistrationCommands.DeregisterEntity(id, DeregistrationGround.COURT_DECISION,
                "Dissolved by the court's decision")));
        held(registry.send("governor-altanbulag", "DeregisterEntity", new RegistrationCommands.DeregisterEntity(id, DeregistrationGround.COURT_DECISION,
                "Dissolved by the court's decision, again")), 409, "freezone.not-registered");
    }

    @Test
    @Order(4)
    @DisplayName("003 art. 12.5.1, 12.2: the investment agreement is not dated after its receipt, nor recorded before the entity is registered; "
            + "the start is not before the certificate")
    void agreement_and_start_dates_are_not_the_governors_to_choose() {
        LegalEntity entity = mongolian("Red Team Dates LLC", "6331004");
        ok(registry.send("applicant-1", "ApplyForZoneRegistration", application(ALTANBULAG, entity)));
        RegistrationId id = RegistrationId.of(ALTANBULAG, entity);
        LocalDate today = registry.today();
        held(registry.send("governor-altanbulag", "RecordInvestmentAgreement", new RegistrationCommands.RecordInvestmentAgreement(id, today,
                today.plusYears(5), Money.mnt(100_000_000), false, registry.document("R31 agreement before registration"))), 409, "freezone.not-registered");
        ok(registry.send("governor-altanbulag", "RegisterEntity", new RegistrationCommands.RegisterEntity(id)));
        held(registry.send("governor-altanbulag", "RecordInvestmentAgreement", new RegistrationCommands.RecordInvestmentAgreement(id, today.plusDays(30),
                today.plusYears(5), Money.mnt(100_000_000), false, registry.document("R31 agreement dated ahead"))), 400, "freezone.date-in-future");
        held(registry.send("governor-altanbulag", "RecordOperationsStarted", new RegistrationCommands.RecordOperationsStarted(id, today.minusDays(10),
                registry.document("R31 start before the certificate"))), 400, "freezone.date-before-registration");
        held(registry.send("governor-altanbulag", "RecordOperationsStarted", new RegistrationCommands.RecordOperationsStarted(id, today.plusDays(3),
                registry.document("R31 start ahead"))), 400, "freezone.date-in-future");
    }

    @Test
    @Order(5)
    @DisplayName("003 art. 12.2: a rejection gives its reasons; blank ones are none")
    void a_rejection_gives_reasons() {
        LegalEntity entity = mongolian("Red Team Reasons LLC", "6331005");
        ok(registry.send("applicant-1", "ApplyForZoneRegistration", application(ALTANBULAG, entity)));
        RegistrationId id = RegistrationId.of(ALTANBULAG, entity);
        held(registry.send("governor-altanbulag", "RejectZoneRegistration", new RegistrationCommands.RejectZoneRegistration(id, List.of(" ", "\u00a0"))),
                400, "freezone.reasons-missing");
        held(registry.send("governor-altanbulag", "RejectZoneRegistration", new RegistrationCommands.RejectZoneRegistration(id, List.of())), 400,
                "freezone.reasons-missing");
    }

    @Test
    @Order(6)
    @DisplayName("003 art. 22.2, 12.2: land for an entity whose registration is pending, or another zone's, is refused")
    void no_land_before_the_entity_is_registered() {
        LegalEntity entity = mongolian("Red Team Early Land LLC", "6331006");
        ok(registry.send("applicant-1", "ApplyForZoneRegistration", application(ALTANBULAG, entity)));
        RegistrationId id = RegistrationId.of(ALTANBULAG, entity);
        LocalDate from = registry.today().plusDays(1);
        held(registry.send("applicant-1", "ApplyForLandUse", new LandCommands.ApplyForLandUse(ALTANBULAG, id, "R31 early", BESIDE, "warehouse",
                from, from.plusYears(5), LandCommands.AllocationMethod.AUCTION)), 409, "freezone.holder-not-registered");
        RegistrationId elsewhere = registry.registeredIn(ZAMYN_UUD, mongolian("Red Team Other Zone LLC", "6331007"));
        held(registry.send("applicant-1", "ApplyForLandUse", new LandCommands.ApplyForLandUse(ALTANBULAG, elsewhere, "R31 other zone", BESIDE,
                "warehouse", from, from.plusYears(5), LandCommands.AllocationMethod.AUCTION)), 400, "freezone.holder-other-zone");
    }

    @Test
    @Order(7)
    @DisplayName("003 art. 22.2, 22.6, 12.5: an entity removed from the register applies for no land, and its application pending is not granted")
    void no_land_after_deregistration() {
        RegistrationId id = registry.registeredIn(ALTANBULAG, mongolian("Red Team Late Land LLC", "6331008"));
        LocalDate from = registry.today().plusDays(1);
        LandApplicationId pending = appliedForLand(id, BESIDE, "R31 late", from, from.plusYears(5));
        registry.dissolvedIn(id, "Selenge civil court R31/8", registry.today());
        ok(registry.send("governor-altanbulag", "DeregisterEntity", new RegistrationCommands.DeregisterEntity(id, DeregistrationGround.COURT_DECISION,
                "Dissolved by the court's decision")));
        held(registry.send("applicant-1", "ApplyForLandUse", new LandCommands.ApplyForLandUse(ALTANBULAG, id, "R31 late again", BESIDE, "warehouse",
                from, from.plusYears(5), LandCommands.AllocationMethod.AUCTION)), 409, "freezone.holder-not-registered");
        held(registry.send("governor-altanbulag", "GrantLandRights", grant(id, pending, BESIDE, "R31 late", from, from.plusYears(5))), 409,
                "freezone.holder-not-registered");
    }

    @Test
    @Order(8)
    @DisplayName("003 art. 22.2, 22.7: a period longer than the longest, starting before its receipt, or ending before it starts is refused")
    void the_land_period_is_within_the_law() {
        RegistrationId id = registry.registeredIn(ALTANBULAG, mongolian("Red Team Long Land LLC", "6331009"));
        LocalDate from = registry.today().plusDays(1);
        held(registry.send("applicant-1", "ApplyForLandUse", new LandCommands.ApplyForLandUse(ALTANBULAG, id, "R31 long", BESIDE, "warehouse",
                from, from.plusYears(61), LandCommands.AllocationMethod.AUCTION)), 400, "freezone.land-period-too-long");
        held(registry.send("applicant-1", "ApplyForLandUse", new LandCommands.ApplyForLandUse(ALTANBULAG, id, "R31 past", BESIDE, "warehouse",
                registry.today().minusDays(30), from.plusYears(5), LandCommands.AllocationMethod.AUCTION)), 400, "freezone.period-before-act");
        held(registry.send("applicant-1", "ApplyForLandUse", new LandCommands.ApplyForLandUse(ALTANBULAG, id, "R31 reversed", BESIDE, "warehouse",
                from.plusYears(5), from, LandCommands.AllocationMethod.AUCTION)), 400, "freezone.period-invalid");
    }

    @Test
    @Order(9)
    @DisplayName("003 art. 22.2 (choice): no ground is licensed twice for overlapping periods; a grant longer than applied for is refused")
    void no_parcel_licensed_twice() {
        RegistrationId first = registry.registeredIn(ALTANBULAG, mongolian("Red Team First Lot LLC", "6331010"));
        RegistrationId second = registry.registeredIn(ALTANBULAG, mongolian("Red Team Second Lot LLC", "6331011"));
        LocalDate from = registry.today().plusDays(1);
        LandApplicationId a = appliedForLand(first, LOT, "R31 lot", from, from.plusYears(10));
        LandApplicationId b = appliedForLand(second, OVERLAPPING, "R31 overlapping lot", from.plusMonths(6), from.plusYears(8));
        held(registry.send("governor-altanbulag", "GrantLandRights", grant(first, a, LOT, "R31 lot", from, from.plusYears(15))), 400,
                "freezone.grant-exceeds-application");
        LandSelectionStep.selected(registry, "governor-altanbulag", a, Money.mnt(45_000_000)); // F541: the auction's result first
        ok(registry.send("governor-altanbulag", "GrantLandRights", grant(first, a, LOT, "R31 lot", from, from.plusYears(10))));
        held(registry.send("governor-altanbulag", "GrantLandRights", grant(second, b, OVERLAPPING, "R31 overlapping lot", from.plusMonths(6),
                from.plusYears(8))), 409, "freezone.parcel-already-licensed");
    }

    @Test
    @Order(10)
    @DisplayName("003 art. 22.5, 12.1: the land fee is not recorded on the receipt the entity's registration fee was paid by, nor twice, nor "
            + "by another zone's governor")
    void a_land_fee_is_paid_by_a_receipt_of_its_own() {
        LegalEntity entity = mongolian("Red Team Receipt LLC", "6331012");
        RegistrationId id = registry.registeredIn(ALTANBULAG, entity);
        LocalDate from = registry.today().plusDays(1);
        LandApplicationId a = appliedForLand(id, BESIDE, "R31 receipt lot", from, from.plusYears(5));
        LandSelectionStep.selected(registry, "governor-altanbulag", a, Money.mnt(45_000_000)); // F541: the auction's result first
        JsonNode granted = ok(registry.send("governor-altanbulag", "GrantLandRights", grant(id, a, BESIDE, "R31 receipt lot", from, from.plusYears(5))));
        LandLicenceId licence = new LandLicenceId(granted.path("licenceId").asText());
        String registrationFee = registry.documentsOf(entity).stream().filter(d -> d.kind() == ZoneDocument.REGISTRATION_FEE_RECEIPT).findFirst()
                .orElseThrow().sha256();
        held(registry.send("governor-altanbulag", "RecordLandFeePaid", new LandCommands.RecordLandFeePaid(ALTANBULAG, licence, Money.mnt(45_000_000),
                "R31-1", registrationFee)), 409, "document.claimed-by-another-act.zone-registration-fee");
        String receipt = registry.document("R31 land fee receipt");
        held(registry.send("governor-zamyn-uud", "RecordLandFeePaid", new LandCommands.RecordLandFeePaid(ALTANBULAG, licence, Money.mnt(45_000_000),
                "R31-2", receipt)), 403, "freezone.governor-outside-zone");
        held(registry.send("governor-altanbulag", "RecordLandFeePaid", new LandCommands.RecordLandFeePaid(ALTANBULAG, licence, Money.mnt(1_000),
                "R31-3", receipt)), 400, "freezone.fee-not-nominal-value");
        ok(registry.send("governor-altanbulag", "RecordLandFeePaid", new LandCommands.RecordLandFeePaid(ALTANBULAG, licence, Money.mnt(45_000_000),
                "R31-4", receipt)));
        held(registry.send("governor-altanbulag", "RecordLandFeePaid", new LandCommands.RecordLandFeePaid(ALTANBULAG, licence, Money.mnt(45_000_000),
                "R31-5", registry.document("R31 second land fee receipt"))), 409, "freezone.licence-already-issued");
    }

    @Test
    @Order(11)
    @DisplayName("003 art. 22.2; 002 art. 15.3, 30.1 (domain-rules §5): a person's phone, e-mail or civil registration number in a published field "
            + "(parcel's name, purpose, removal's reasons, entity's name) is refused")
    void no_persons_details_in_published_fields() {
        RegistrationId id = registry.registeredIn(ALTANBULAG, mongolian("Red Team Privacy LLC", "6331013"));
        LocalDate from = registry.today().plusDays(1);
        held(registry.send("applicant-1", "ApplyForLandUse", new LandCommands.ApplyForLandUse(ALTANBULAG, id, "Plot of Bat, call 99112233", BESIDE,
                "warehouse", from, from.plusYears(5), LandCommands.AllocationMethod.AUCTION)), 400, "privacy.personal-details-in-published-text");
        held(registry.send("applicant-1", "ApplyForLandUse", new LandCommands.ApplyForLandUse(ALTANBULAG, id, "R31 plot", BESIDE,
                "warehouse of bat.erdene@gmail.com", from, from.plusYears(5), LandCommands.AllocationMethod.AUCTION)), 400,
                "privacy.personal-details-in-published-text");
        held(registry.send("governor-altanbulag", "DeregisterEntity", new RegistrationCommands.DeregisterEntity(id, DeregistrationGround.COURT_DECISION,
                "Director УБ90010112 dissolved it")), 400, "privacy.personal-details-in-published-text");
        held(registry.send("applicant-1", "ApplyForZoneRegistration", application(ALTANBULAG, mongolian("Bat ЧБ88112233 LLC", "6331014"))), 400,
                "privacy.personal-details-in-published-text");
    }

    @Test
    @Order(12)
    @DisplayName("003 art. 12.2, 22.2; domain-rules §5: a rejection's reasons, a land refusal's reasons and a court file's reference are withheld: "
            + "not in the public feed, the search, the register")
    void the_withheld_reasons_stay_withheld() throws InterruptedException {
        LegalEntity rejected = mongolian("Red Team Rejected LLC", "6331015");
        ok(registry.send("applicant-1", "ApplyForZoneRegistration", application(ALTANBULAG, rejected)));
        RegistrationId rejectedId = RegistrationId.of(ALTANBULAG, rejected);
        ok(registry.send("governor-altanbulag", "RejectZoneRegistration", new RegistrationCommands.RejectZoneRegistration(rejectedId,
                List.of("Quokkawithheld one: the director's debts"))));
        RegistrationId landed = registry.registeredIn(ALTANBULAG, mongolian("Red Team Refused Land LLC", "6331016"));
        LocalDate from = registry.today().plusDays(1);
        LandApplicationId refusedLand = appliedForLand(landed, BESIDE, "R31 refused lot", from, from.plusYears(5));
        ok(registry.send("governor-altanbulag", "RefuseLandUse", new LandCommands.RefuseLandUse(ALTANBULAG, refusedLand,
                List.of("Quokkawithheld two: the owner's divorce"))));
        registry.dissolvedIn(landed, "Quokkawithheld three court file", registry.today());
        // a marker published after all of them: once the feed shows it, the feed has read every record before it
        RegistrationId marker = registry.registeredIn(ALTANBULAG, mongolian("Red Team Marker LLC", "6331017"));
        JsonNode feed = registry.await("/api/public/feed?after=-1&limit=1000", null, f -> f.toString().contains(marker.value()));
        assertThat(feed.toString()).doesNotContainIgnoringCase("quokkawithheld");
        assertThat(feed.toString()).doesNotContain(rejected.name());
        JsonNode search = registry.client().get("/api/public/search?q=Quokkawithheld").body();
        assertThat(search.path("total").asInt()).as(search.toString()).isZero();
        RegistryClient.Reply entry = registry.client().get("/api/public/register/entities/" + URLEncoder.encode(rejectedId.value(), StandardCharsets.UTF_8));
        assertThat(entry.status()).as(entry.body().toString()).isEqualTo(404);
        RegistryClient.Reply landedEntry = registry.client().get("/api/public/register/entities/" + URLEncoder.encode(landed.value(), StandardCharsets.UTF_8));
        assertThat(landedEntry.body().toString()).doesNotContainIgnoringCase("quokkawithheld");
    }

    @Test
    @Order(13)
    @DisplayName("003 art. 8.7.6, 12.1; ADR 0013 §5: a governor reads only their own zone's desk (queue, entities, land), not another's")
    void a_governor_reads_only_their_own_desk() {
        String token = registry.signIn("governor-zamyn-uud");
        for (String path : List.of("/api/governor/zones/altanbulag/queue", "/api/governor/zones/altanbulag/entities",
                "/api/governor/zones/altanbulag/land", "/api/governor/zones/altanbulag/land/applications",
                "/api/governor/zones/altanbulag/grounds", "/api/governor/zones/altanbulag/court-decisions")) {
            RegistryClient.Reply reply = registry.client().get(path, token);
            assertThat(reply.status()).as(path + " " + reply.body()).isEqualTo(403);
        }
        String applicant = registry.signIn("applicant-1");
        RegistryClient.Reply reply = registry.client().get("/api/governor/zones/altanbulag/queue", applicant);
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(403);
    }

    @Test
    @Order(14)
    @DisplayName("003 art. 23.3-23.4: the Cabinet member's exemption names an entity of the zone it is recorded in, a percentage of at most 100 and "
            + "the Government's decision received")
    void an_exemption_is_for_the_zone_it_names() {
        RegistrationId elsewhere = registry.registeredIn(ZAMYN_UUD, mongolian("Red Team Exempt Elsewhere LLC", "6331018"));
        LocalDate today = registry.today();
        String decision = registry.document("R31 Government resolution on an exemption");
        held(registry.send("cabinet-1", "GrantLandFeeExemption", new LandCommands.GrantLandFeeExemption(ALTANBULAG, elsewhere, null, 50, today, 3,
                "Government resolution R31/1", today, decision)), 400, "freezone.holder-other-zone");
        RegistrationId here = registry.registeredIn(ALTANBULAG, mongolian("Red Team Exempt Here LLC", "6331019"));
        held(registry.send("cabinet-1", "GrantLandFeeExemption", new LandCommands.GrantLandFeeExemption(ALTANBULAG, here, null, 150, today, 3,
                "Government resolution R31/1", today, decision)), 400, "freezone.exemption-percent");
        held(registry.send("cabinet-1", "GrantLandFeeExemption", new LandCommands.GrantLandFeeExemption(ALTANBULAG, here, null, 50, today, 3,
                "Government resolution R31/1", today.plusDays(10), decision)), 400, "freezone.decision-in-future");
    }

    @Test
    @Order(15)
    @DisplayName("003 art. 12.1, 12.2, 12.5.3 (ADR 0035 item 68, choice): the application of an entity whose dissolution a court decided, "
            + "recorded in another zone, is received as the lead chose (the decision may be under appeal, the number a successor's): the "
            + "governor reviews the documents of 12.1")
    void an_entity_dissolved_elsewhere_applies_as_item_68_chose() {
        LegalEntity entity = mongolian("Red Team Dissolved LLC", "6331024");
        RegistrationId there = registry.registeredIn(ALTANBULAG, entity);
        registry.dissolvedIn(there, "Selenge civil court R31/24", registry.today());
        ok(registry.send("governor-altanbulag", "DeregisterEntity", new RegistrationCommands.DeregisterEntity(there, DeregistrationGround.COURT_DECISION,
                "Dissolved by the court's decision")));
        RunningRegistry.Sent applied = registry.send("applicant-1", "ApplyForZoneRegistration", new RegistrationCommands.ApplyForZoneRegistration(
                ZAMYN_UUD, entity, Activity.TRADE, registry.documentsOf(entity).stream().map(d -> d.kind() == ZoneDocument.REGISTRATION_FEE_RECEIPT
                ? new mn.registry.kernel.freezone.SubmittedZoneDocument(d.kind(), registry.document("R31 dissolved entity's fee in Zamyn-Uud")) : d).toList()));
        ok(applied);
    }

    @Test
    @Order(16)
    @DisplayName("003 art. 12.5.3, 22.5: a court's decision dated ahead, and a grant of land for nothing, are refused")
    void no_court_decision_ahead_nor_land_for_nothing() {
        RegistrationId id = registry.registeredIn(ALTANBULAG, mongolian("Red Team Ahead LLC", "6331025"));
        held(registry.send("governor-altanbulag", "RecordCourtDecision", new RegistrationCommands.RecordCourtDecision(id, "Selenge civil court R31/25",
                registry.today().plusDays(5), false, registry.document("Selenge civil court R31/25"))), 400, "freezone.date-in-future");
        LocalDate from = registry.today().plusDays(1);
        LandApplicationId a = appliedForLand(id, BESIDE, "R31 free lot", from, from.plusYears(5));
        held(registry.send("governor-altanbulag", "GrantLandRights", new LandCommands.GrantLandRights(ALTANBULAG, id, "R31 free lot", BESIDE, "warehouse",
                from, from.plusYears(5), LandCommands.AllocationMethod.AUCTION, Money.mnt(0), "Governor decision R31/free", a)), 400,
                "freezone.nominal-value-missing");
    }

    @Test
    @Order(17)
    @DisplayName("003 art. 12.2, 22.2, 12.5.3; domain-rules §5 (ADR 0071 item 22, the lead's reading of O330): a rejection's and a land "
            + "refusal's reasons and a court file's reference are withheld text, accepted as typed, even naming a person: none of it reaches "
            + "the public feed, the search or the register")
    void withheld_reasons_naming_a_person_stay_withheld() throws InterruptedException {
        LegalEntity entity = mongolian("Red Team Careless Reasons LLC", "6331026");
        ok(registry.send("applicant-1", "ApplyForZoneRegistration", application(ALTANBULAG, entity)));
        RegistrationId pending = RegistrationId.of(ALTANBULAG, entity);
        ok(registry.send("governor-altanbulag", "RejectZoneRegistration", new RegistrationCommands.RejectZoneRegistration(pending,
                List.of("The director Wombatname (УБ90010112) owes taxes"))));
        RegistrationId registered = registry.registeredIn(ALTANBULAG, mongolian("Red Team Careless Land LLC", "6331027"));
        LocalDate from = registry.today().plusDays(1);
        LandApplicationId application = appliedForLand(registered, BESIDE, "R31 careless lot", from, from.plusYears(5));
        ok(registry.send("governor-altanbulag", "RefuseLandUse", new LandCommands.RefuseLandUse(ALTANBULAG, application,
                List.of("The owner Wombatname, wombat@example.mn, did not answer"))));
        registry.dissolvedIn(registered, "Selenge civil court 2026/91, claimant Wombatname 99112233", registry.today());
        RegistrationId marker = registry.registeredIn(ALTANBULAG, mongolian("Red Team Second Marker LLC", "6331028"));
        JsonNode feed = registry.await("/api/public/feed?after=-1&limit=1000", null, f -> f.toString().contains(marker.value()));
        assertThat(feed.toString()).doesNotContainIgnoringCase("wombat").doesNotContain("90010112").doesNotContain("99112233");
        for (String q : List.of("Wombatname", "90010112", "99112233")) {
            JsonNode search = registry.client().get("/api/public/search?q=" + q).body();
            assertThat(search.path("total").asInt()).as(q + " " + search).isZero();
        }
        assertThat(registry.client().get("/api/public/register/entities/" + URLEncoder.encode(registered.value(), StandardCharsets.UTF_8)).body()
                .toString()).doesNotContainIgnoringCase("wombat");
        // the log itself: every record's bundle (its public part, its inclusion proof) up to the marker's
        int read = 0;
        for (int i = 0; i < 5_000; i++) {
            RegistryClient.Reply bundle = registry.client().get("/api/public/bundle/" + i);
            if (bundle.status() != 200) {
                break;
            }
            read++;
            assertThat(bundle.body().toString()).as("bundle " + i).doesNotContainIgnoringCase("wombat").doesNotContain("90010112")
                    .doesNotContain("99112233");
        }
        assertThat(read).as("the log's bundles read").isPositive();
    }

    @Test
    @Order(18)
    @DisplayName("003 art. 12.3: the quarter's report is signed only by the zone's governor, for a quarter that ended, over the registry's own "
            + "content: the current quarter, another zone's governor, a report the registry did not build and a quarter of no number are refused")
    void the_quarterly_report_is_the_registrys_for_an_ended_quarter() {
        LocalDate today = registry.today();
        int quarter = (today.getMonthValue() - 1) / 3 + 1;
        String any = "ab".repeat(32);
        held(registry.send("governor-altanbulag", "SignQuarterlyReport", new ZoneCommands.SignQuarterlyReport(ALTANBULAG, today.getYear(), quarter,
                any, null, 2)), 400, "freezone.report-quarter-not-ended");
        int lastQuarter = quarter == 1 ? 4 : quarter - 1;
        int itsYear = quarter == 1 ? today.getYear() - 1 : today.getYear();
        held(registry.send("governor-zamyn-uud", "SignQuarterlyReport", new ZoneCommands.SignQuarterlyReport(ALTANBULAG, itsYear, lastQuarter,
                any, null, 2)), 403, "freezone.governor-outside-zone");
        held(registry.send("governor-altanbulag", "SignQuarterlyReport", new ZoneCommands.SignQuarterlyReport(ALTANBULAG, itsYear, 5, any, null, 2)),
                400, "freezone.quarter-invalid");
        held(registry.send("applicant-1", "SignQuarterlyReport", new ZoneCommands.SignQuarterlyReport(ALTANBULAG, itsYear, lastQuarter, any, null,
                2)), 403, "signer.role-missing");
    }

    @Test
    @Order(20)
    @DisplayName("003 art. 6.4: while the Government's temporary closure is in force, no entity is registered, no land applied for or granted, "
            + "no start recorded")
    void nothing_opens_in_a_closed_zone() {
        LegalEntity entity = mongolian("Red Team Closed LLC", "6331020");
        ok(registry.send("applicant-1", "ApplyForZoneRegistration", application(ZAMYN_UUD, entity)));
        RegistrationId pending = RegistrationId.of(ZAMYN_UUD, entity);
        RegistrationId registered = registry.registeredIn(ZAMYN_UUD, mongolian("Red Team Closed Land LLC", "6331021"));
        LocalDate from = registry.today().plusDays(1);
        GeoPolygon yard = GeoPolygon.of(111.915, 43.705, 111.917, 43.705, 111.917, 43.707, 111.915, 43.707);
        LandApplicationId a = appliedForLand(registered, yard, "R31 closed yard", from, from.plusYears(5));
        ok(registry.send("cabinet-1", "CloseZoneTemporarily", new ZoneCommands.CloseZoneTemporarily(ZAMYN_UUD, "Government resolution R31/close",
                registry.document("Government resolution R31 closing Zamyn-Uud"))));
        try {
            held(registry.send("governor-zamyn-uud", "RegisterEntity", new RegistrationCommands.RegisterEntity(pending)), 409, "freezone.zone-closed");
            held(registry.send("applicant-1", "ApplyForZoneRegistration", application(ZAMYN_UUD, mongolian("Red Team Closed Two LLC", "6331022"))),
                    409, "freezone.zone-closed");
            held(registry.send("applicant-1", "ApplyForLandUse", new LandCommands.ApplyForLandUse(ZAMYN_UUD, registered, "R31 closed yard 2",
                    yard, "warehouse", from, from.plusYears(5), LandCommands.AllocationMethod.AUCTION)), 409, "freezone.zone-closed");
            held(registry.send("governor-zamyn-uud", "GrantLandRights", grant(registered, a, yard, "R31 closed yard", from, from.plusYears(5))), 409,
                    "freezone.zone-closed");
            held(registry.send("governor-zamyn-uud", "RecordOperationsStarted", new RegistrationCommands.RecordOperationsStarted(registered,
                    registry.today(), registry.document("R31 start in a closed zone"))), 400, "freezone.date-in-closure");
        } finally {
            ok(registry.send("cabinet-1", "OpenZone", new ZoneCommands.OpenZone(ZAMYN_UUD, "Government resolution R31/open",
                    registry.document("Government resolution R31 opening Zamyn-Uud"))));
        }
    }

    @Test
    @Order(30)
    @DisplayName("003 art. 8.2: a dismissed governor registers nothing, not even on a command whose JWS claims a signing time before the dismissal, "
            + "and the session token taken before it reads nothing of the zone's desk")
    void a_dismissed_governor_acts_and_reads_nothing() {
        LegalEntity entity = mongolian("Red Team Dismissed LLC", "6331023");
        ok(registry.send("applicant-1", "ApplyForZoneRegistration", application(ALTANBULAG, entity)));
        RegistrationId id = RegistrationId.of(ALTANBULAG, entity);
        String tokenBefore = registry.signIn("governor-altanbulag");
        java.time.Instant beforeDismissal = registry.clock().instant();
        PersonId governor = registry.client().person("governor-altanbulag").person();
        ok(registry.send("cabinet-1", "DismissGovernor", new ZoneCommands.DismissGovernor(ALTANBULAG, governor, "Cabinet member's order R31/dismiss",
                registry.document("Cabinet member's order R31 dismissing the governor of Altanbulag"))));
        try {
            held(registry.send("governor-altanbulag", "RegisterEntity", new RegistrationCommands.RegisterEntity(id)), 403, "signer.role-missing");
            // the JWS claims a time before the dismissal: authority is judged at receipt
            long before = storedEvents();
            ObjectNode body = CanonicalJson.mapper().valueToTree(new RegistrationCommands.RegisterEntity(id));
            CommandEnvelope backdated = CommandEnvelope.fresh("RegisterEntity", body, Clock.fixed(beforeDismissal.minus(Duration.ofSeconds(5)),
                    ZoneOffset.UTC));
            RegistryClient.Reply reply = registry.client().command(registry.client().sign(registry.client().person("governor-altanbulag"), backdated));
            assertThat(reply.status()).as(reply.body().toString()).isEqualTo(403);
            assertThat(storedEvents()).isEqualTo(before);
            RegistryClient.Reply desk = registry.client().get("/api/governor/zones/altanbulag/queue", tokenBefore);
            assertThat(desk.status()).as(desk.body().toString()).isIn(401, 403);
        } finally {
            ok(registry.send("cabinet-1", "AppointGovernor", new ZoneCommands.AppointGovernor(ALTANBULAG, governor, "Cabinet member's order R31/appoint",
                    registry.document("Cabinet member's order R31 appointing the governor of Altanbulag again"))));
        }
        ok(registry.send("governor-altanbulag", "RegisterEntity", new RegistrationCommands.RegisterEntity(id)));
    }
    @Test
    @Order(40)
    @DisplayName("003 art. 12.2 (ADR 0035; domain-rules §2): the governor registers on the 8th business day with a JWS whose claimed signing time "
            + "is within the 5 business days: the certificate is dated on the registry's receipt, and the review escalated overdue stays on the "
            + "record")
    void a_late_registration_is_dated_on_its_receipt_whatever_the_jws_claims() throws InterruptedException {
        LegalEntity entity = mongolian("Red Team Late Review LLC", "6331029");
        JsonNode receipt = ok(registry.send("applicant-1", "ApplyForZoneRegistration", application(ALTANBULAG, entity)));
        RegistrationId id = RegistrationId.of(ALTANBULAG, entity);
        LocalDate reviewDue = LocalDate.parse(receipt.path("reviewDue").asText());
        java.time.Instant withinTheFiveDays = registry.clock().instant();
        registry.clock().advance(Duration.ofDays(java.time.temporal.ChronoUnit.DAYS.between(registry.today(), reviewDue) + 4));
        registry.getBean(mn.registry.deadline.DeadlinePoller.class).pollOnce();
        for (int i = 0; i < 100 && registry.events(id.stream()).stream().noneMatch(
                mn.registry.kernel.freezone.RegistrationEvents.ZoneRegistrationReviewOverdue.class::isInstance); i++) {
            Thread.sleep(100);
            registry.getBean(mn.registry.deadline.DeadlinePoller.class).pollOnce();
        }
        ObjectNode body = CanonicalJson.mapper().valueToTree(new RegistrationCommands.RegisterEntity(id));
        CommandEnvelope claimed = CommandEnvelope.fresh("RegisterEntity", body, Clock.fixed(withinTheFiveDays, ZoneOffset.UTC));
        RegistryClient.Reply reply = registry.client().command(registry.client().sign(registry.client().person("governor-altanbulag"), claimed));
        // demo mode: the claimed time is within the verifier's five minutes of the node's physical clock, so the JWS is accepted; the act
        // is judged and dated on the registry's (moved) clock at receipt
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        assertThat(registry.events(id.stream())).filteredOn(mn.registry.kernel.freezone.RegistrationEvents.EntityRegistered.class::isInstance)
                .singleElement().satisfies(e -> assertThat(((mn.registry.kernel.freezone.RegistrationEvents.EntityRegistered) e).certificate()
                        .issuedOn()).as("dated on the receipt, not the claimed signing time").isEqualTo(registry.today()).isAfter(reviewDue));
        assertThat(registry.events(id.stream())).as("the overdue review stays on the record")
                .anyMatch(mn.registry.kernel.freezone.RegistrationEvents.ZoneRegistrationReviewOverdue.class::isInstance);
    }
}
