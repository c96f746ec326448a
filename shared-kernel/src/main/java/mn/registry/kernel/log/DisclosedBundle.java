package mn.registry.kernel.log;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import mn.registry.kernel.crypto.CanonicalJson;

import java.util.List;

import static mn.registry.kernel.log.BundleJson.array;
import static mn.registry.kernel.log.BundleJson.require;
import static mn.registry.kernel.log.BundleJson.strings;

/**
 * A published entry with selective disclosure (ADR 0015, format {@code log-bundle@v2}): the public record, the
 * registry's sealed {@link Commitment} to the event with the disclosures of exactly the record's payload fields
 * (the other fields stay committed, unreadable), the seal certificate chain, the C2SP tlog-proof, the checkpoint's
 * time-stamp token, the log key with its chain and the CA. No signed command: the commitment's sealed metadata
 * attests who signed it and its SHA-256. An event sealed before ADR 0015 has no commitment ({@code null}): only
 * its record's inclusion is checkable by the public.
 */
public record DisclosedBundle(long logIndex, ObjectNode record, Commitment commitment, List<String> disclosures,
                              List<String> sealChain, String proof, byte[] checkpointTimeStamp, String logKey,
                              List<String> logKeyChain, String trustAnchor) {

    public static final String FORMAT = "mn.registry/log-bundle@v2";

    public DisclosedBundle {
        disclosures = List.copyOf(disclosures);
    }

    public ObjectNode toJson() {
        ObjectNode json = CanonicalJson.mapper().createObjectNode();
        json.put("format", FORMAT);
        json.put("logIndex", logIndex);
        json.set("record", record);
        if (commitment == null) {
            json.putNull("commitment");
        } else {
            json.set("commitment", commitment.toJson());
        }
        json.set("disclosures", array(disclosures));
        return BundleJson.putProofAndKeys(json, sealChain, proof, checkpointTimeStamp, logKey, logKeyChain, trustAnchor);
    }

    public String toJsonText() {
        return BundleJson.pretty(toJson());
    }

    /** Reads a v2 bundle; throws {@link IllegalArgumentException} naming a missing or malformed field. */
    public static DisclosedBundle parse(JsonNode json) {
        ObjectNode record = BundleJson.record(json);
        byte[] token = BundleJson.timeStampToken(json);
        JsonNode commitment = json.get("commitment");
        JsonNode disclosures = json.get("disclosures");
        return new DisclosedBundle(require(json, "logIndex").asLong(-1), record,
                commitment == null || commitment.isNull() ? null : Commitment.fromJson(commitment),
                disclosures == null || disclosures.isNull() ? List.of() : strings(disclosures),
                strings(require(json, "sealCertificates")), require(json, "proof").asText(), token,
                require(json, "logKey").asText(), strings(require(json, "logKeyCertificates")),
                require(json, "trustAnchor").asText());
    }
}
