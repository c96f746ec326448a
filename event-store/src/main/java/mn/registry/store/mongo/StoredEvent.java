package mn.registry.store.mongo;

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
import mn.registry.store.SealingKey;
import org.bson.Document;

import java.util.Base64;

/**
 * One sealed event as stored inside a commit document. The seal is Ed25519 over the RFC 8785 canonical JSON
 * of the envelope {eventId, aggregateType, aggregateId, seq, timestamp, payloadType, payloadRevision,
 * payload, metaData, prevHash}; {@code hash} is the SHA-256 hex of that canonical envelope and becomes the
 * next event's {@code prevHash} in the same aggregate. The global position is NOT sealed: it is assigned at
 * write time, after sealing, and is proved by the chain of commits instead.
 */
record StoredEvent(String eventId, boolean domain, String aggregateType, String aggregateId, long seq,
                   String timestamp, String payloadType, String payloadRevision, String payload,
                   String metaData, String prevHash, String hash, String keyId, String seal) {

    /** Aggregate id given to an event published outside any aggregate, so unique keys still hold. */
    static final String GENERIC_PREFIX = "~event:";

    private static final ObjectReader STRICT_READER = CanonicalJson.mapper().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64URL_DECODER = Base64.getUrlDecoder();

    /** Builds, hashes and seals an event. */
    static StoredEvent seal(String eventId, boolean domain, String aggregateType, String aggregateId, long seq,
                            String timestamp, String payloadType, String payloadRevision, String payload,
                            String metaData, String prevHash, SealingKey key) {
        byte[] canonical = canonicalEnvelope(eventId, aggregateType, aggregateId, seq, timestamp, payloadType,
                payloadRevision, payload, metaData, prevHash);
        return new StoredEvent(eventId, domain, aggregateType, aggregateId, seq, timestamp, payloadType,
                payloadRevision, payload, metaData, prevHash, Sha256.hex(canonical), key.keyId(),
                B64URL.encodeToString(Ed25519.sign(key.privateKey(), canonical)));
    }

    /** The canonical envelope of the stored fields (what the seal signs). */
    byte[] canonicalEnvelope() {
        return canonicalEnvelope(eventId, aggregateType, aggregateId, seq, timestamp, payloadType, payloadRevision,
                payload, metaData, prevHash);
    }

    /** True when the seal is a valid signature by {@code publicKey} over the recomputed envelope. */
    boolean sealVerifies(byte[] publicKey) {
        byte[] signature;
        try {
            signature = B64URL_DECODER.decode(seal == null ? "" : seal);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return Ed25519.verify(publicKey, canonicalEnvelope(), signature);
    }

    static byte[] canonicalEnvelope(String eventId, String aggregateType, String aggregateId, long seq,
                                    String timestamp, String payloadType, String payloadRevision, String payload,
                                    String metaData, String prevHash) {
        ObjectNode envelope = JsonNodeFactory.instance.objectNode();
        envelope.put("eventId", eventId);
        envelope.put("aggregateType", aggregateType);
        envelope.put("aggregateId", aggregateId);
        envelope.put("seq", seq);
        envelope.put("timestamp", timestamp);
        envelope.put("payloadType", payloadType);
        envelope.put("payloadRevision", payloadRevision);
        envelope.set("payload", jsonOrText(payload));
        envelope.set("metaData", jsonOrText(metaData));
        envelope.put("prevHash", prevHash);
        return CanonicalJson.canonicalize(envelope);
    }

    /** A serialized form that is JSON is sealed as JSON; anything else (e.g. XML) as a JSON string. */
    private static JsonNode jsonOrText(String serialized) {
        if (serialized == null) {
            return JsonNodeFactory.instance.nullNode();
        }
        try {
            JsonNode node = STRICT_READER.readTree(serialized);
            return node == null || node.isMissingNode() ? TextNode.valueOf(serialized) : node;
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(serialized);
        }
    }

    Document toBson() {
        return new Document("eventId", eventId)
                .append("domain", domain)
                .append("aggregateType", aggregateType)
                .append("aggregateId", aggregateId)
                .append("seq", seq)
                .append("timestamp", timestamp)
                .append("payloadType", payloadType)
                .append("payloadRevision", payloadRevision)
                .append("payload", payload)
                .append("metaData", metaData)
                .append("prevHash", prevHash)
                .append("hash", hash)
                .append("keyId", keyId)
                .append("seal", seal);
    }

    static StoredEvent fromBson(Document d) {
        Number seq = d.get("seq", Number.class);
        return new StoredEvent(d.getString("eventId"), Boolean.TRUE.equals(d.getBoolean("domain")),
                d.getString("aggregateType"), d.getString("aggregateId"), seq == null ? -1 : seq.longValue(),
                d.getString("timestamp"), d.getString("payloadType"), d.getString("payloadRevision"),
                d.getString("payload"), d.getString("metaData"), d.getString("prevHash"), d.getString("hash"),
                d.getString("keyId"), d.getString("seal"));
    }
}
