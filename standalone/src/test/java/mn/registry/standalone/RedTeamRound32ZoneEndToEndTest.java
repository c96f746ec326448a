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
import mn.registry.kernel.freezone.LegalEntity;
import mn.registry.kernel.freezone.RegistrationCommands;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.freezone.ZoneCommands;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.money.Money;
import mn.registry.kernel.signing.CommandEnvelope;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.LocalDate;
import java.util.List;

import static mn.registry.standalone.FreeZoneRegistry.ALTANBULAG;
import static mn.registry.standalone.FreeZoneRegistry.ZAMYN_UUD;
import static mn.registry.standalone.RunningRegistry.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 32, the red team, the Free Zone's half (docs/abuse-audit.md, "Session 32, the red team"; the permits' and identity's half is
 * {@link RedTeamRound32EndToEndTest}): deregistration on a ground the law does not list, land for an entity removed from the register
 * (through the selection's result and the Cabinet's exemption, not tried in session 31), acts on land the registry does not have (transfer,
 * pledge, extension), a governor acting in another zone by naming its entity or its application, and acts in the vacancy between a governor's
 * dismissal and the successor's appointment. Each refusal is problem+json and stores nothing ({@link RunningRegistry#refused}). Company
 * numbers 6332001-6332029 are this class's own.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedTeamRound32ZoneEndToEndTest {

    @RegisterExtension
    static final FreeZoneRegistry registry = new FreeZoneRegistry();

    /** Inside Altanbulag (session 31's red team's lots, on this class's own registry). */
    static final GeoPolygon LOT = GeoPolygon.of(106.44, 50.315, 106.45, 50.315, 106.45, 50.32, 106.44, 50.32);
    static final GeoPolygon BESIDE = GeoPolygon.of(106.46, 50.315, 106.47, 50.315, 106.47, 50.32, 106.46, 50.32);

    private static LegalEntity mongolian(String name, String number) {
        return new LegalEntity(name, Jurisdiction.MONGOLIAN, null, number);
    }

    private static void held(RunningRegistry.Sent sent, int status, String code) {
        registry.refused(sent, status, code, null, "");
    }

    private static long storedEvents() {
        return registry.getBean(MongoDatabase.class).getCollection("events").countDocuments();
    }

    private static RunningRegistry.Sent sendRaw(String person, String type, ObjectNode body) {
        return registry.sendRaw(person, type, body);
    }

    private static String refusedAnyhow(RunningRegistry.Sent sent, int status) {
        return registry.refusedAnyhow(sent, status);
    }

    private static LandApplicationId appliedForLand(RegistrationId entity, GeoPolygon parcel, String name, LocalDate from) {
        JsonNode answer = ok(registry.send("applicant-1", "ApplyForLandUse", new LandCommands.ApplyForLandUse(entity.zoneId(), entity, name, parcel,
                "warehouse", from, from.plusYears(5), LandCommands.AllocationMethod.AUCTION)));
        return new LandApplicationId(answer.path("applicationId").asText());
    }

    @Test
    @Order(1)
    @DisplayName("003 art. 12.5: abuse: the governor removes an entity on a ground the law does not list (at its own wish, for debts), sent as "
            + "the ground's name: refused 400, nothing stored")
    void no_deregistration_on_a_ground_the_law_does_not_list() {
        RegistrationId id = registry.registeredIn(ALTANBULAG, mongolian("Red Team Thirty-Two Ground LLC", "6332001"));
        long before = storedEvents();
        for (String ground : List.of("AT_ITS_OWN_REQUEST", "UNPAID_DEBTS", "court_decision", "")) {
            ObjectNode body = CanonicalJson.mapper().createObjectNode();
            body.set("registrationId", CanonicalJson.mapper().valueToTree(id));
            body.put("ground", ground).put("reasons", "The governor wishes it");
            String code = refusedAnyhow(sendRaw("governor-altanbulag", "DeregisterEntity", body), 400);
            assertThat(code).as(ground).isEqualTo("command.body-invalid");
        }
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    @Order(2)
    @DisplayName("003 art. 12.5, 22.4, 22.6, 23.4: abuse: after the entity's removal, the governor records the auction's result for its "
            + "land application still pending, and the Cabinet member exempts it from the land fee: each refused, nothing stored")
    void no_land_selection_nor_exemption_after_deregistration() {
        RegistrationId id = registry.registeredIn(ALTANBULAG, mongolian("Red Team Thirty-Two Removed LLC", "6332002"));
        LandApplicationId pending = appliedForLand(id, LOT, "R32 removed", registry.today().plusDays(1));
        registry.dissolvedIn(id, "Selenge civil court R32/2", registry.today());
        ok(registry.send("governor-altanbulag", "DeregisterEntity", new RegistrationCommands.DeregisterEntity(id, DeregistrationGround.COURT_DECISION,
                "Dissolved by the court's decision")));
        String result = registry.document("R32 auction result for a removed entity");
        held(registry.send("governor-altanbulag", "RecordLandSelectionResult", new LandCommands.RecordLandSelectionResult(ALTANBULAG, pending,
                Money.mnt(45_000_000), result)), 409, "freezone.holder-not-registered");
        LocalDate today = registry.today();
        held(registry.send("cabinet-1", "GrantLandFeeExemption", new LandCommands.GrantLandFeeExemption(ALTANBULAG, id, null, 50, today, 3,
                "Government resolution R32/2", today, registry.document("R32 Government resolution exempting a removed entity"))), 409,
                "freezone.holder-not-registered");
    }

    @Test
    @Order(3)
    @DisplayName("003 art. 22 (the land licence's acts): abuse: a holder or the governor transfers, pledges or extends a land licence, acts the "
            + "registry does not have: refused as an unknown act, nothing stored")
    void a_land_licence_is_not_transferred_pledged_or_extended() {
        for (String[] act : List.of(new String[]{"applicant-1", "TransferLandLicence"}, new String[]{"applicant-1", "PledgeLandLicence"},
                new String[]{"governor-altanbulag", "ExtendLandLicence"})) {
            ObjectNode body = CanonicalJson.mapper().createObjectNode().put("zoneId", "altanbulag").put("licenceId", "altanbulag-land-1")
                    .put("to", "6332099");
            String code = refusedAnyhow(sendRaw(act[0], act[1], body), 400);
            assertThat(code).as(act[1]).isEqualTo("command.type-unknown");
        }
    }

    @Test
    @Order(4)
    @DisplayName("003 art. 8.7.6, 12.5.3, 22.4: abuse: Zamyn-Uud's governor records a court's dissolution of an Altanbulag entity, and records "
            + "the auction's result of an Altanbulag application, naming Altanbulag or their own zone: refused, nothing stored")
    void a_governor_does_not_act_in_another_zone_by_naming_its_entity() {
        RegistrationId id = registry.registeredIn(ALTANBULAG, mongolian("Red Team Thirty-Two Elsewhere LLC", "6332003"));
        held(registry.send("governor-zamyn-uud", "RecordCourtDecision", new RegistrationCommands.RecordCourtDecision(id, "Selenge civil court R32/4",
                registry.today(), false, registry.document("Selenge civil court R32/4"))), 403, "freezone.governor-outside-zone");
        LandApplicationId pending = appliedForLand(id, BESIDE, "R32 elsewhere", registry.today().plusDays(1));
        String result = registry.document("R32 auction result named from Zamyn-Uud");
        held(registry.send("governor-zamyn-uud", "RecordLandSelectionResult", new LandCommands.RecordLandSelectionResult(ALTANBULAG, pending,
                Money.mnt(45_000_000), result)), 403, "freezone.governor-outside-zone");
        String code = refusedAnyhow(registry.send("governor-zamyn-uud", "RecordLandSelectionResult", new LandCommands.RecordLandSelectionResult(
                ZAMYN_UUD, pending, Money.mnt(45_000_000), result)), 404);
        assertThat(code).isEqualTo("freezone.land-application-unknown");
    }

    @Test
    @Order(30)
    @DisplayName("003 art. 8.2, 8.7.6: abuse: between the dismissal of Zamyn-Uud's governor and a successor's appointment, Altanbulag's "
            + "governor and the Cabinet member register its entity, and the dismissed governor's registration, signed before the dismissal, "
            + "is sent after it: each refused, nothing stored")
    void nobody_acts_for_a_zone_whose_governor_was_dismissed() {
        LegalEntity entity = mongolian("Red Team Thirty-Two Vacancy LLC", "6332004");
        ok(registry.send("applicant-1", "ApplyForZoneRegistration", new RegistrationCommands.ApplyForZoneRegistration(ZAMYN_UUD, entity,
                Activity.TRADE, registry.documentsOf(entity))));
        RegistrationId id = RegistrationId.of(ZAMYN_UUD, entity);
        PersonId governor = registry.client().person("governor-zamyn-uud").person();
        ObjectNode body = CanonicalJson.mapper().valueToTree(new RegistrationCommands.RegisterEntity(id));
        CommandEnvelope signedBefore = CommandEnvelope.fresh("RegisterEntity", body, registry.clock());
        ok(registry.send("cabinet-1", "DismissGovernor", new ZoneCommands.DismissGovernor(ZAMYN_UUD, governor, "Cabinet member's order R32/dismiss",
                registry.document("Cabinet member's order R32 dismissing the governor of Zamyn-Uud"))));
        try {
            held(new RunningRegistry.Sent(signedBefore.commandId(), registry.client().command(registry.client().sign(registry.client()
                    .person("governor-zamyn-uud"), signedBefore))), 403, "signer.role-missing");
            held(registry.send("governor-altanbulag", "RegisterEntity", new RegistrationCommands.RegisterEntity(id)), 403,
                    "freezone.governor-outside-zone");
            held(registry.send("cabinet-1", "RegisterEntity", new RegistrationCommands.RegisterEntity(id)), 403, "signer.role-missing");
            held(registry.send("governor-altanbulag", "RejectZoneRegistration", new RegistrationCommands.RejectZoneRegistration(id,
                    List.of("no governor to review it"))), 403, "freezone.governor-outside-zone");
        } finally {
            ok(registry.send("cabinet-1", "AppointGovernor", new ZoneCommands.AppointGovernor(ZAMYN_UUD, governor, "Cabinet member's order R32/appoint",
                    registry.document("Cabinet member's order R32 appointing the governor of Zamyn-Uud again"))));
        }
        ok(registry.send("governor-zamyn-uud", "RegisterEntity", new RegistrationCommands.RegisterEntity(id)));
    }
}
