package mn.registry.kernel.log;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.kernel.crypto.Ed25519;
import mn.registry.kernel.crypto.Sha256;

import java.util.Base64;

/**
 * An event as the event store sealed it: the envelope fields, its hash (SHA-256 hex of the RFC 8785 canonical
 * envelope {eventId, aggregateType, aggregateId, seq, timestamp, payloadType, payloadRevision, payload, metaData,
 * prevHash, envelopeSalt}, payload and metaData as JSON when they are JSON, {@code envelopeSalt} only when there is one)
 * and the Ed25519 seal over the same bytes (base64url, no padding), with the seal key's id. Mirrors the store's sealing
 * so that whoever holds the whole event recomputes it.
 *
 * <p>{@code envelopeSalt} (ADR 0062): 128 random bits the store draws for each event it seals and keeps beside it, never
 * published. The hash of an event is published (a record's {@code sealHash}, a commitment's {@code prevHash}) while
 * its withheld fields are not; without a secret in the envelope, anyone holding a bundle confirms a guess of a withheld
 * field (a yes-or-no, a count, a receipt's number) by hashing the envelope again. Null for an event sealed before.
 */
public record SealedEvent(String eventId, String aggregateType, String aggregateId, long seq, String timestamp,
                          String payloadType, String payloadRevision, String payload, String metaData,
                          String prevHash, String hash, String keyId, String seal,
                          @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String envelopeSalt) {

    /** An event as the public or the log sees it: no envelope salt (one sealed before ADR 0062, or one whose salt stays in the store). */
    public SealedEvent(String eventId, String aggregateType, String aggregateId, long seq, String timestamp, String payloadType,
                       String payloadRevision, String payload, String metaData, String prevHash, String hash, String keyId, String seal) {
        this(eventId, aggregateType, aggregateId, seq, timestamp, payloadType, payloadRevision, payload, metaData, prevHash, hash, keyId, seal,
                null);
    }

    private static final ObjectReader STRICT = CanonicalJson.mapper().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** The canonical envelope: what the hash is of and the seal is over. */
    public byte[] canonicalEnvelope() {
        ObjectNode envelope = envelopeHead(eventId, aggregateType, aggregateId, seq, timestamp, payloadType, payloadRevision);
        envelope.set("payload", jsonOrText(payload));
        envelope.set("metaData", jsonOrText(metaData));
        envelope.put("prevHash", prevHash);
        if (envelopeSalt != null) {
            envelope.put("envelopeSalt", envelopeSalt);
        }
        return CanonicalJson.canonicalize(envelope);
    }

    /** The envelope's fields before the payload, shared by the sealed event and its commitment (both canonical, so key order is moot). */
    static ObjectNode envelopeHead(String eventId, String aggregateType, String aggregateId, long seq, String timestamp, String payloadType,
                                   String payloadRevision) {
        ObjectNode envelope = JsonNodeFactory.instance.objectNode();
        envelope.put("eventId", eventId);
        envelope.put("aggregateType", aggregateType);
        envelope.put("aggregateId", aggregateId);
        envelope.put("seq", seq);
        envelope.put("timestamp", timestamp);
        envelope.put("payloadType", payloadType);
        envelope.put("payloadRevision", payloadRevision);
        return envelope;
    }

    /** Whether {@code hash} is the SHA-256 of the canonical envelope. */
    public boolean hashMatches() {
        return Sha256.hex(canonicalEnvelope()).equals(hash);
    }

    /** Whether the seal is an Ed25519 signature by {@code publicKey} over the canonical envelope. */
    public boolean sealVerifies(byte[] publicKey) {
        return sealVerifies(publicKey, canonicalEnvelope(), seal);
    }

    /** Whether {@code seal} (base64url, may be absent or malformed) is an Ed25519 signature by {@code publicKey} over {@code sealed}. */
    static boolean sealVerifies(byte[] publicKey, byte[] sealed, String seal) {
        try {
            return Ed25519.verify(publicKey, sealed, Base64.getUrlDecoder().decode(seal == null ? "" : seal));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The payload as JSON (a text node if it is not JSON). */
    public JsonNode payloadJson() {
        return jsonOrText(payload);
    }

    /** The metadata as JSON (an empty object if absent or not JSON). */
    public JsonNode metaDataJson() {
        return objectOrEmpty(metaData);
    }

    /** Serialized metadata as a JSON object: an empty one if absent or not a JSON object. */
    static JsonNode objectOrEmpty(String serialized) {
        JsonNode node = jsonOrText(serialized);
        return node.isObject() ? node : JsonNodeFactory.instance.objectNode();
    }

    static JsonNode jsonOrText(String serialized) {
        if (serialized == null) {
            return JsonNodeFactory.instance.nullNode();
        }
        try {
            JsonNode node = STRICT.readTree(serialized);
            return node == null || node.isMissingNode() ? TextNode.valueOf(serialized) : node;
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(serialized);
        }
    }

    public ObjectNode toJson() {
        return CanonicalJson.mapper().valueToTree(this);
    }

    public static SealedEvent fromJson(JsonNode json) {
        return CanonicalJson.read(json, SealedEvent.class, "a sealed event");
    }
}
