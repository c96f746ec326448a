package mn.registry.kernel.log;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import mn.registry.kernel.crypto.CanonicalJson;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The registry's sealed commitment to an event (ADR 0015): the sealed envelope with its payload replaced by the
 * sorted digests of its fields' disclosures ({@code {"_sd": [...], "_sd_alg": "sha-256"}}), plus {@code sealHash},
 * the hash of the full envelope. Ed25519 by the seal key ({@code keyId}), base64url in {@code seal}. Its metadata
 * ({@code commandId}, {@code signedBy}, {@code jwsSha256}) is the registry's attestation, sealed at receipt, of who
 * signed which command.
 */
public record Commitment(String eventId, String aggregateType, String aggregateId, long seq, String timestamp,
                         String payloadType, String payloadRevision, List<String> sd, String metaData, String prevHash,
                         String sealHash, String keyId, String seal) {

    public Commitment {
        sd = sd == null ? List.of() : List.copyOf(sd);
    }

    /** The commitment to {@code event}'s payload fields with {@code salts} (one per field, no other), unsealed. */
    public static Commitment of(SealedEvent event, Map<String, String> salts) {
        JsonNode payload = event.payloadJson();
        if (!payload.isObject() || payload.size() != salts.size()) {
            throw new IllegalArgumentException("a salt is needed for each field of event " + event.eventId() + ", and no other");
        }
        List<String> digests = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = payload.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String salt = salts.get(field.getKey());
            if (salt == null) {
                throw new IllegalArgumentException("no salt for field " + field.getKey() + " of event " + event.eventId());
            }
            digests.add(Disclosures.digest(Disclosures.disclosure(salt, field.getKey(), field.getValue())));
        }
        digests.sort(null);
        return new Commitment(event.eventId(), event.aggregateType(), event.aggregateId(), event.seq(), event.timestamp(),
                event.payloadType(), event.payloadRevision(), digests, event.metaData(), event.prevHash(), event.hash(),
                event.keyId(), null);
    }

    public Commitment sealed(String keyId, String seal) {
        return new Commitment(eventId, aggregateType, aggregateId, seq, timestamp, payloadType, payloadRevision, sd,
                metaData, prevHash, sealHash, keyId, seal);
    }

    /** What the seal is over: RFC 8785 canonical JSON. */
    public byte[] canonical() {
        ObjectNode envelope = SealedEvent.envelopeHead(eventId, aggregateType, aggregateId, seq, timestamp, payloadType, payloadRevision);
        ObjectNode payload = envelope.putObject("payload");
        ArrayNode digests = payload.putArray("_sd");
        sd.forEach(digests::add);
        payload.put("_sd_alg", Disclosures.ALGORITHM);
        envelope.set("metaData", SealedEvent.jsonOrText(metaData));
        envelope.put("prevHash", prevHash);
        envelope.put("sealHash", sealHash);
        return CanonicalJson.canonicalize(envelope);
    }

    public boolean sealVerifies(byte[] publicKey) {
        return SealedEvent.sealVerifies(publicKey, canonical(), seal);
    }

    /** The metadata as JSON (an empty object if absent or not JSON). */
    public JsonNode metaDataJson() {
        return SealedEvent.objectOrEmpty(metaData);
    }

    public ObjectNode toJson() {
        return CanonicalJson.mapper().valueToTree(this);
    }

    public static Commitment fromJson(JsonNode json) {
        return CanonicalJson.read(json, Commitment.class, "a commitment");
    }
}
