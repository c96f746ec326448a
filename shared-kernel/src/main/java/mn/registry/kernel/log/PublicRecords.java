package mn.registry.kernel.log;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import mn.registry.kernel.calendar.PublicHolidayDeclared;
import mn.registry.kernel.calendar.WorkingDayDeclared;
import mn.registry.kernel.calendar.YearConfirmed;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.identity.RoleGranted;
import mn.registry.kernel.identity.RoleRevoked;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which events are published in the transparency log, and what of each: one mapper per payload type from the
 * sealed payload to its public part (empty: this event is not public). A public record never carries personal
 * data of natural persons (civil registration numbers, phones, e-mails, home addresses); an official's id,
 * name and role are public. Later issues add their decisions here.
 */
public final class PublicRecords {

    /** From a sealed payload to its public part, or empty when this event is not published. */
    @FunctionalInterface
    public interface Mapper extends Function<JsonNode, Optional<JsonNode>> {
    }

    private static final Map<String, Mapper> MAPPERS = withBoundedContexts(Map.of(
            PublicHolidayDeclared.class.getName(), PublicRecords::governmentDecision,
            WorkingDayDeclared.class.getName(), PublicRecords::governmentDecision,
            YearConfirmed.class.getName(), PublicRecords::governmentDecision,
            RoleGranted.class.getName(), PublicRecords::officialsRole,
            RoleRevoked.class.getName(), PublicRecords::officialsRole));

    /**
     * Each bounded context says what of its events is public: the permit decisions of 002 ch. 6 (grant,
     * extension, suspension, restoration, revocation, expiry, transfer) and the Free Zone acts of 003 (zones,
     * governors, registrations, deregistrations, land licences and their revocation).
     */
    private static Map<String, Mapper> withBoundedContexts(Map<String, Mapper> base) {
        Map<String, Mapper> all = new java.util.HashMap<>(base);
        mn.registry.kernel.permit.PermitPublicRecords.mappers().forEach((type, mapper) -> all.put(type, mapper::apply));
        mn.registry.kernel.freezone.FreeZonePublicRecords.mappers().forEach((type, mapper) -> {
            if (all.put(type, mapper::apply) != null) {
                throw new IllegalStateException("two public mappings for " + type);
            }
        });
        return Map.copyOf(all);
    }

    private PublicRecords() {
    }

    /** Calendar declarations are Government decisions, published whole. */
    private static Optional<JsonNode> governmentDecision(JsonNode payload) {
        return Optional.of(payload);
    }

    // domain-rules §1: who may act for the state is public; a company representative's (APPLICANT) grant is not. The document an
    // official's grant or end rests on (ADR 0061 item 21) is the staff's, as an enrolment's is: withheld
    private static Optional<JsonNode> officialsRole(JsonNode payload) {
        if (Role.APPLICANT.name().equals(payload.path("role").asText())) {
            return Optional.empty();
        }
        if (!payload.has(DOCUMENT) || !payload.isObject()) {
            return Optional.of(payload);
        }
        ObjectNode kept = ((ObjectNode) payload).deepCopy();
        kept.remove(DOCUMENT);
        return Optional.of(kept);
    }

    private static final String DOCUMENT = "documentSha256";

    /** Whether events of this payload type can be public at all (some are public only for some payloads). */
    public static boolean mayBePublic(String payloadType) {
        return MAPPERS.containsKey(payloadType);
    }

    /**
     * The public record of a sealed event at a global position, or empty if the event is not public: position,
     * event id, aggregate, sequence, type, time, the public payload, the signed command behind it (id, acting
     * official, SHA-256 of the JWS; on the act itself, the roles it was signed under and a governor's zone) and the seal's hash and key. Its RFC 8785 bytes are the log leaf's data.
     */
    public static Optional<ObjectNode> record(SealedEvent event, long position) {
        Mapper mapper = MAPPERS.get(event.payloadType());
        if (mapper == null) {
            return Optional.empty();
        }
        return mapper.apply(event.payloadJson()).map(publicPayload -> {
            JsonNode meta = event.metaDataJson();
            ObjectNode record = CanonicalJson.mapper().createObjectNode();
            record.put("position", position);
            record.put("eventId", event.eventId());
            record.put("aggregateType", event.aggregateType());
            record.put("aggregateId", event.aggregateId());
            record.put("seq", event.seq());
            record.put("type", event.payloadType());
            record.put("timestamp", event.timestamp());
            record.set("payload", publicPayload);
            record.put("commandId", text(meta, "commandId"));
            record.put("actingOfficial", text(meta, "signedBy"));
            record.put("jwsSha256", text(meta, "jwsSha256"));
            JsonNode actingRoles = meta.get(ActsWithinAuthority.ACTING_ROLES); // ADR 0061 item 14: only on the signed act itself
            if (actingRoles != null && actingRoles.isArray()) {
                record.set(ActsWithinAuthority.ACTING_ROLES, actingRoles);
            }
            JsonNode actingZone = meta.get(ActsWithinAuthority.ACTING_ZONE); // ADR 0061 item 15: a governor's act, the zone it was judged in
            if (actingZone != null && actingZone.isTextual()) {
                record.set(ActsWithinAuthority.ACTING_ZONE, actingZone);
            }
            record.put("sealHash", event.hash());
            record.put("sealKeyId", event.keyId());
            return record;
        });
    }

    /** The leaf data of a record: its canonical JSON bytes. */
    public static byte[] leafData(JsonNode record) {
        return CanonicalJson.canonicalize(record);
    }

    private static String text(JsonNode meta, String field) {
        JsonNode value = meta.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
