package mn.registry.kernel.log;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import mn.registry.kernel.crypto.CanonicalJson;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** The JSON reading and writing both bundle formats ({@link LogBundle} v1, {@link DisclosedBundle} v2) share. */
final class BundleJson {

    private BundleJson() {
    }

    static JsonNode require(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("the bundle has no " + field);
        }
        return value;
    }

    /** The bundle's public record, which must be a JSON object. */
    static ObjectNode record(JsonNode json) {
        JsonNode record = require(json, "record");
        if (!record.isObject()) {
            throw new IllegalArgumentException("the bundle's record is not a JSON object");
        }
        return (ObjectNode) record;
    }

    /** The checkpoint's RFC 3161 time-stamp token, base64 in the bundle. */
    static byte[] timeStampToken(JsonNode json) {
        try {
            return Base64.getDecoder().decode(require(json, "checkpointTimeStamp").asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the bundle's checkpointTimeStamp is not base64");
        }
    }

    /**
     * The fields every bundle format ends with, in this order: the seal's certificates, the inclusion proof, the
     * checkpoint's time-stamp token, the log key with its certificates, and the trust anchor.
     */
    static ObjectNode putProofAndKeys(ObjectNode json, List<String> sealChain, String proof, byte[] checkpointTimeStamp, String logKey,
                                      List<String> logKeyChain, String trustAnchor) {
        json.set("sealCertificates", array(sealChain));
        json.put("proof", proof);
        json.put("checkpointTimeStamp", java.util.Base64.getEncoder().encodeToString(checkpointTimeStamp));
        json.put("logKey", logKey);
        json.set("logKeyCertificates", array(logKeyChain));
        json.put("trustAnchor", trustAnchor);
        return json;
    }

    static ArrayNode array(List<String> values) {
        ArrayNode array = CanonicalJson.mapper().createArrayNode();
        values.forEach(array::add);
        return array;
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    static String pretty(ObjectNode json) {
        try {
            return CanonicalJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
