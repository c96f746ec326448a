package mn.registry.kernel.log;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import mn.registry.kernel.crypto.CanonicalJson;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

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
public record LogBundle(long logIndex, ObjectNode record, String jws, SealedEvent sealedEvent, List<String> sealChain,
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
        json.set("sealCertificates", array(sealChain));
        json.put("proof", proof);
        json.put("checkpointTimeStamp", Base64.getEncoder().encodeToString(checkpointTimeStamp));
        json.put("logKey", logKey);
        json.set("logKeyCertificates", array(logKeyChain));
        json.put("trustAnchor", trustAnchor);
        return json;
    }

    public String toJsonText() {
        try {
            return CanonicalJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(toJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
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
        JsonNode record = require(json, "record");
        if (!record.isObject()) {
            throw new IllegalArgumentException("the bundle's record is not a JSON object");
        }
        byte[] token;
        try {
            token = Base64.getDecoder().decode(require(json, "checkpointTimeStamp").asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the bundle's checkpointTimeStamp is not base64");
        }
        JsonNode jws = json.get("jws");
        return new LogBundle(require(json, "logIndex").asLong(-1), (ObjectNode) record,
                jws == null || jws.isNull() ? null : jws.asText(), SealedEvent.fromJson(require(json, "sealedEvent")),
                strings(require(json, "sealCertificates")), require(json, "proof").asText(), token,
                require(json, "logKey").asText(), strings(require(json, "logKeyCertificates")),
                require(json, "trustAnchor").asText());
    }

    private static JsonNode require(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("the bundle has no " + field);
        }
        return value;
    }

    private static ArrayNode array(List<String> values) {
        ArrayNode array = CanonicalJson.mapper().createArrayNode();
        values.forEach(array::add);
        return array;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }
}
