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
                // 003 art. 22.3 (ADR 0035 item 108, F529): the Government's basic value of land, its decision and the Cabinet member who recorded it
                Map.entry(LandEvents.LandBaseValueRecorded.class.getName(), whole),
                // 003 art. 22.3 (ADR 0035 item 142, F574): a second Cabinet member's confirmation of a lower value, public as the record it confirms
                Map.entry(LandEvents.LandBaseValueConfirmed.class.getName(), whole),
                // 003 art. 22.4, 22.5 (ADR 0035 item 131, F541): a tender's or auction's outcome, public as the grant it grounds
                Map.entry(LandEvents.LandSelectionResultRecorded.class.getName(), whole),
                // 003 art. 22.4, 22.5 (ADR 0035 item 147, F582): its annulment before a grant, with its reasons (screened as published text), beside it
                Map.entry(LandEvents.LandSelectionResultAnnulled.class.getName(), whole),
                Map.entry(LandEvents.LandRightsLapsed.class.getName(), whole));
    }

    // domain-rules §5: tax case files are never published; the deregistration and its ground are
    private static Optional<JsonNode> withoutTaxFlag(JsonNode payload) {
        ObjectNode copy = payload.deepCopy();
        copy.remove("taxClawbackDue");
        return Optional.of(copy);
    }

    /** The licence is public; the payment receipt's reference and its document's hash (ADR 0035 item 102) are the holder's business, and
     *  the governor's reason for certifying on another document than the holder's report's (item 107) is kept, not published. */
    private static Optional<JsonNode> withoutReceipt(JsonNode payload) {
        ObjectNode copy = payload.deepCopy();
        copy.remove("receipt");
        copy.remove("receiptSha256");
        copy.remove("otherReceiptReason"); // ADR 0035 item 107: the governor's reason for another document is kept, not published
        return Optional.of(copy);
    }
}
