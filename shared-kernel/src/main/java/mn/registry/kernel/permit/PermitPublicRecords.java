package mn.registry.kernel.permit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The public part of each published permit decision (002 art. 26.4, 27.6, 31.1.6; domain-rules §5): grants,
 * extensions, suspensions, restorations, revocations, expiries and transfers, and the ministry's minimum insurance (26.5), whose
 * lowering is published during its notice period (ADR 0046 item 29). Company data and the acting
 * official are public; the evidence behind a suspension (the inspector's opinion, the tax authority's request and
 * its count of evasions), the reasons' free text and document hashes of the case file are not.
 */
public final class PermitPublicRecords {

    private PermitPublicRecords() {
    }

    /** Payload type (class name) -> public part of its JSON payload. */
    public static Map<String, Function<JsonNode, Optional<JsonNode>>> mappers() {
        return Map.of(
                PermitIssued.class.getName(), keep("applicationId", "permitNumber", "issuer", "holder", "activity", "validFrom", "validUntil",
                        "conditions", "issuedAt", "signingOfficial"),
                PermitExtended.class.getName(), keep("applicationId", "previousValidUntil", "validUntil", "decidedAt", "decidedBy"),
                PermitExtendedAfterExpiry.class.getName(), keep("applicationId", "previousValidUntil", "validUntil", "decidedAt", "decidedBy", "article"),
                PermitSuspended.class.getName(), keep("applicationId", "ground", "from", "until", "suspendedAt", "decidedBy"),
                PermitRestored.class.getName(), keep("applicationId", "restoredAt", "decidedBy", "article"),
                PermitRevoked.class.getName(), keep("applicationId", "ground", "revokedAt", "decidedBy", "issuedCertificatesStayValid"),
                PermitExpired.class.getName(), keep("applicationId", "validUntil", "expiredAt", "article"),
                PermitTransferred.class.getName(), keep("applicationId", "previousHolder", "successor", "reorganisation", "transferredAt", "decidedBy"),
                MinimumInsuranceSet.class.getName(), keep("amount", "setAt", "setBy", "article", "inForceFrom"));
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
