package mn.registry.publicregister;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.kernel.freezone.Activity;
import mn.registry.kernel.freezone.FreeZonePublicRecords;
import mn.registry.kernel.freezone.GeoPolygon;
import mn.registry.kernel.freezone.Jurisdiction;
import mn.registry.kernel.freezone.LandApplicationId;
import mn.registry.kernel.freezone.LandCommands;
import mn.registry.kernel.freezone.LandEvents;
import mn.registry.kernel.freezone.LandLicenceId;
import mn.registry.kernel.freezone.LegalEntity;
import mn.registry.kernel.money.Money;
import mn.registry.kernel.freezone.RegistrationEvents;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.freezone.ZoneCertificate;
import mn.registry.kernel.freezone.ZoneEvents;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.Company;
import mn.registry.kernel.permit.PermitIssued;
import mn.registry.kernel.permit.PermitNumber;
import mn.registry.kernel.permit.PermitPublicRecords;
import mn.registry.kernel.permit.PermitRevoked;
import mn.registry.kernel.permit.PermitSuspended;
import mn.registry.kernel.permit.PermitTransferred;
import mn.registry.kernel.permit.Reorganisation;
import mn.registry.kernel.permit.RevocationGround;
import mn.registry.kernel.permit.SuspensionGround;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** Public records as the log holds them, built through the kernel's public mappings, for tests of the register. */
final class Records {

    private final List<JsonNode> records = new ArrayList<>();
    private long position = 100;

    List<JsonNode> all() {
        return records;
    }

    RegisterModel fold() {
        RegisterModel model = new RegisterModel();
        for (int i = 0; i < records.size(); i++) {
            model.apply(i, records.get(i));
        }
        return model;
    }

    Records add(Object event) {
        Map<String, Function<JsonNode, Optional<JsonNode>>> mappers = new java.util.HashMap<>(PermitPublicRecords.mappers());
        mappers.putAll(FreeZonePublicRecords.mappers());
        JsonNode payload = mappers.get(event.getClass().getName()).apply(CanonicalJson.mapper().valueToTree(event)).orElseThrow();
        ObjectNode record = CanonicalJson.mapper().createObjectNode();
        record.put("position", position += 3);
        record.put("type", event.getClass().getName());
        record.set("payload", payload);
        records.add(record);
        return this;
    }

    static final PersonId OFFICIAL = new PersonId("supervisor-1");
    static final Instant T = Instant.parse("2026-11-20T03:00:00Z");

    static ApplicationId app(int n) {
        return ApplicationId.of(new UUID(0, n));
    }

    static PermitIssued permit(int n, String company, String regNo, LocalDate from) {
        return new PermitIssued(app(n), new PermitNumber(String.format("P-2026-%06d", n)), "Ministry", new Company(company, regNo, true,
                "Ulaanbaatar, Sukhbaatar district"), "ISSUE_CERTIFICATES", from, from.plusYears(5), List.of("condition"), T, OFFICIAL, "ab".repeat(32));
    }

    static PermitSuspended suspended(int n) {
        return new PermitSuspended(app(n), SuspensionGround.INSPECTOR_OPINION, "cd".repeat(32), 0, LocalDate.of(2027, 1, 5),
                LocalDate.of(2027, 4, 5), T.plusSeconds(86400 * 50), OFFICIAL);
    }

    static PermitRevoked revoked(int n) {
        return new PermitRevoked(app(n), RevocationGround.HOLDER_REQUEST, "asked", T.plusSeconds(86400 * 90), OFFICIAL, true);
    }

    static PermitTransferred transferred(int n, Company from, Company to) {
        return new PermitTransferred(app(n), from, to, Reorganisation.MERGER, "ef".repeat(32), T.plusSeconds(86400 * 100), OFFICIAL, null, null);
    }

    static final ZoneId ZONE = new ZoneId("altanbulag");
    static final GeoPolygon SQUARE = new GeoPolygon("Polygon", List.of(List.of(List.of(106.0, 50.0), List.of(106.1, 50.0),
            List.of(106.1, 50.1), List.of(106.0, 50.0))));

    static ZoneEvents.ZoneEstablished zone(String name) {
        return new ZoneEvents.ZoneEstablished(ZONE, name, "Selenge", new BigDecimal("500"), SQUARE, List.of(Activity.TRADE, Activity.PRODUCTION),
                false, "SGK 2002/1", T, OFFICIAL);
    }

    static RegistrationId registration(String regNo) {
        return new RegistrationId(ZONE.value() + ":mn-" + regNo);
    }

    static RegistrationEvents.EntityRegistered registered(String name, String regNo, Activity activity, LocalDate on) {
        RegistrationId id = registration(regNo);
        return new RegistrationEvents.EntityRegistered(id, new ZoneCertificate("FZ-" + regNo, id,
                new LegalEntity(name, Jurisdiction.MONGOLIAN, null, regNo), activity, on, ZONE), T, OFFICIAL);
    }

    static LandEvents.LandRightsGranted land(int n, String regNo) {
        return new LandEvents.LandRightsGranted(ZONE, LandLicenceId.of(ZONE, n), registration(regNo), "Parcel " + n, SQUARE,
                new BigDecimal("1.5"), "warehouse", LocalDate.of(2027, 1, 1), LocalDate.of(2057, 1, 1), LandCommands.AllocationMethod.TENDER,
                new Money(new BigDecimal("1000"), "MNT"), "Governor decision " + n, T, OFFICIAL, LandApplicationId.of(ZONE, n));
    }
}
