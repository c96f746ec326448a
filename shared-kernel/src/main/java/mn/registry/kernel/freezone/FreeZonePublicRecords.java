package mn.registry.kernel.freezone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What of the Free Zone events is published (domain-rules §5: "Free Zone registrations and deregistrations, land
 * licences, their revocation and their lapse, zones and governors"), by payload type, for the transparency log's
 * {@code PublicRecords}. Applications, rejections, agreements and investments, operations, court files and the
 * 26.2 tax flag are not published; officials' ids and names are (they act for the state).
 */
public final class FreeZonePublicRecords {

    private FreeZonePublicRecords() {
    }

    /** Payload type (class name) to its public part. */
    public static Map<String, Function<JsonNode, Optional<JsonNode>>> mappers() {
        Function<JsonNode, Optional<JsonNode>> whole = Optional::of;
        return Map.ofEntries(
                Map.entry(ZoneEvents.ZoneEstablished.class.getName(), whole),
                Map.entry(ZoneEvents.ZoneResolutionDateRecorded.class.getName(), whole),
                Map.entry(ZoneEvents.ZoneOpened.class.getName(), whole),
                Map.entry(ZoneEvents.ZoneTemporarilyClosed.class.getName(), whole),
                Map.entry(ZoneEvents.GovernorAppointed.class.getName(), whole),
                Map.entry(ZoneEvents.GovernorDismissed.class.getName(), whole),
                Map.entry(RegistrationEvents.EntityRegistered.class.getName(), whole),
                Map.entry(RegistrationEvents.EntityDeregistered.class.getName(), FreeZonePublicRecords::withoutTaxFlag),
                Map.entry(LandEvents.LandRightsGranted.class.getName(), whole),
                Map.entry(LandEvents.LandLicenceIssued.class.getName(), FreeZonePublicRecords::withoutReceipt),
                Map.entry(LandEvents.LandRightsRevoked.class.getName(), whole),
                Map.entry(LandEvents.LandRightsLapsed.class.getName(), whole));
    }

    // domain-rules §5: tax case files are never published; the deregistration and its ground are
    private static Optional<JsonNode> withoutTaxFlag(JsonNode payload) {
        ObjectNode copy = payload.deepCopy();
        copy.remove("taxClawbackDue");
        return Optional.of(copy);
    }

    /** The licence is public; the payment receipt's reference and its document's hash (ADR 0035 item 102) are the holder's business. */
    private static Optional<JsonNode> withoutReceipt(JsonNode payload) {
        ObjectNode copy = payload.deepCopy();
        copy.remove("receipt");
        copy.remove("receiptSha256");
        return Optional.of(copy);
    }
}
