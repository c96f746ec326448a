package mn.registry.kernel.log;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import mn.registry.kernel.crypto.CanonicalJson;

import java.util.List;

import static mn.registry.kernel.log.BundleJson.require;
import static mn.registry.kernel.log.BundleJson.strings;

/**
 * Everything needed to check one published entry offline, as one JSON file: the public record (the leaf's
 * data), the acting official's signed command (flattened JWS, when the event came from one), the sealed event
 * (envelope, hash, seal, key id) with the seal key's certificate chain, the C2SP tlog-proof (inclusion proof and
 * the signed checkpoint), the checkpoint's RFC 3161 time-stamp token, the log's verifier key with its
 * certificate chain, and the CA certificate they all lead to.
 *
 * @param logIndex              index of the entry in the log
 * @param record                the public record
 * @param jws                   the signed command, or {@code null}
 * @param sealedEvent           the event as sealed by the registry
 * @param sealChain             seal certificate then CA, base64 DER
 * @param proof                 tlog-proof text
 * @param checkpointTimeStamp   DER TimeStampToken over the signed checkpoint's bytes
 * @param logKey                the checkpoint verifier key text
 * @param logKeyChain           checkpoint key certificate then CA, base64 DER
 * @param trustAnchor           the CA certificate, base64 DER
 */
record LogBundle(long logIndex, ObjectNode record, String jws, SealedEvent sealedEvent, List<String> sealChain,
                        String proof, byte[] checkpointTimeStamp, String logKey, List<String> logKeyChain,
                        String trustAnchor) {

    public static final String FORMAT = "mn.registry/log-bundle@v1";

    public ObjectNode toJson() {
        ObjectNode json = CanonicalJson.mapper().createObjectNode();
        json.put("format", FORMAT);
        json.put("logIndex", logIndex);
        json.set("record", record);
        json.put("jws", jws);
        json.set("sealedEvent", sealedEvent.toJson());
        return BundleJson.putProofAndKeys(json, sealChain, proof, checkpointTimeStamp, logKey, logKeyChain, trustAnchor);
    }

    public String toJsonText() {
        return BundleJson.pretty(toJson());
    }

    /** Reads a bundle; throws {@link IllegalArgumentException} naming a missing or malformed field. */
    public static LogBundle parse(String text) {
        JsonNode json;
        try {
            json = CanonicalJson.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the bundle is not JSON: " + e.getOriginalMessage());
        }
        if (json == null || !json.isObject() || !FORMAT.equals(json.path("format").asText())) {
            throw new IllegalArgumentException("not a log bundle (format " + FORMAT + ")");
        }
        ObjectNode record = BundleJson.record(json);
        byte[] token = BundleJson.timeStampToken(json);
        JsonNode jws = json.get("jws");
        return new LogBundle(require(json, "logIndex").asLong(-1), record,
                jws == null || jws.isNull() ? null : jws.asText(), SealedEvent.fromJson(require(json, "sealedEvent")),
                strings(require(json, "sealCertificates")), require(json, "proof").asText(), token,
                require(json, "logKey").asText(), strings(require(json, "logKeyCertificates")),
                require(json, "trustAnchor").asText());
    }
}
