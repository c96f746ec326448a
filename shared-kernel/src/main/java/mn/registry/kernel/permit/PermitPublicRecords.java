package mn.registry.kernel.permit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The public part of each published permit decision (002 art. 26.4, 27.6, 31.1.6; domain-rules §5): grants,
 * extensions, suspensions, restorations, revocations, expiries and transfers, a revocation annulled on the holder's complaint
 * (29.6, ADR 0046 item 57) and its correcting record for a complaint upheld before (item 67), and the ministry's minimum insurance (26.5), whose lowering is published during its notice period (ADR 0046
 * item 29). Company data and the acting
 * official are public; the evidence behind a suspension (the inspector's opinion, the tax authority's request and
 * its count of evasions), the reasons' free text and document hashes of the case file are not.
 */
public final class PermitPublicRecords {

    private PermitPublicRecords() {
    }

    /** Payload type (class name) -> public part of its JSON payload. */
    public static Map<String, Function<JsonNode, Optional<JsonNode>>> mappers() {
        return Map.ofEntries(
                Map.entry(PermitIssued.class.getName(), keep("applicationId", "permitNumber", "issuer", "holder", "activity", "validFrom", "validUntil",
                        "conditions", "issuedAt", "signingOfficial")),
                Map.entry(PermitExtended.class.getName(), keep("applicationId", "previousValidUntil", "validUntil", "decidedAt", "decidedBy")),
                Map.entry(PermitExtendedAfterExpiry.class.getName(), keep("applicationId", "previousValidUntil", "validUntil", "decidedAt", "decidedBy",
                        "article")),
                Map.entry(PermitSuspended.class.getName(), keep("applicationId", "ground", "from", "until", "suspendedAt", "decidedBy")),
                Map.entry(PermitRestored.class.getName(), keep("applicationId", "restoredAt", "decidedBy", "article")),
                Map.entry(PermitRevoked.class.getName(), keep("applicationId", "ground", "revokedAt", "decidedBy", "issuedCertificatesStayValid")),
                Map.entry(PermitExpired.class.getName(), keep("applicationId", "validUntil", "expiredAt", "article")),
                Map.entry(PermitTransferred.class.getName(), keep("applicationId", "previousHolder", "successor", "reorganisation", "transferredAt",
                        "decidedBy", "reorganisedOn")), // ADR 0046 item 96: the day of the state registration the state register publishes
                Map.entry(MinimumInsuranceSet.class.getName(), keep("amount", "setAt", "setBy", "article", "inForceFrom")),
                Map.entry(RevocationComplaintDecided.class.getName(), PermitPublicRecords::reinstatement),
                Map.entry(ReinstatementPublished.class.getName(), keep("applicationId", "decidedAt", "recordedAt", "recordedBy", "article")));
    }

    /**
     * 002 art. 29.6, 31.1.6 (ADR 0046 item 57): an upheld complaint annuls the revocation, and the reinstatement is published as any decision
     * of 31.1.6, without the decision's document; a rejected one changes nothing the register shows and is not published (empty). A
     * decision stored before item 57 (no {@code article}) was passed as not public when the log took it, and stays so: its public record is
     * the correcting {@link ReinstatementPublished} a supervisor signs (item 67), in the log's order.
     */
    private static Optional<JsonNode> reinstatement(JsonNode payload) {
        return "false".equals(payload.path("upheld").asText()) || !payload.hasNonNull("article") ? Optional.empty()
                : keep("applicationId", "upheld", "decidedAt", "recordedBy", "article").apply(payload);
    }

    private static Function<JsonNode, Optional<JsonNode>> keep(String... fields) {
        List<String> kept = List.of(fields);
        return payload -> {
            ObjectNode out = payload.deepCopy();
            out.retain(kept);
            return Optional.of(out);
        };
    }
}
