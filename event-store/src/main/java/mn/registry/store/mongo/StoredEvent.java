package mn.registry.store.mongo;

import com.fasterxml.jackson.databind.JsonNode;
import mn.registry.kernel.log.Commitment;
import mn.registry.kernel.log.Disclosures;
import mn.registry.kernel.log.SealedEvent;
import mn.registry.kernel.crypto.Ed25519;
import mn.registry.kernel.crypto.Sha256;
import mn.registry.store.SealingKey;
import org.bson.Document;

import java.util.Base64;
import java.util.Map;

/**
 * One sealed event as stored inside a commit document. The seal is Ed25519 over the RFC 8785 canonical JSON
 * of the envelope {eventId, aggregateType, aggregateId, seq, timestamp, payloadType, payloadRevision,
 * payload, metaData, prevHash, envelopeSalt}; {@code hash} is the SHA-256 hex of that canonical envelope and becomes the
 * next event's {@code prevHash} in the same aggregate. {@code envelopeSalt} (ADR 0062) is a secret of the store, like
 * the fields' {@code salts}: the hash is published, so without it a guess of a withheld field could be confirmed; an
 * event sealed before it has none, and its envelope is hashed as it was. The global position is NOT sealed: it is assigned at
 * write time, after sealing, and is proved by the chain of commits instead.
 */
record StoredEvent(String eventId, boolean domain, String aggregateType, String aggregateId, long seq,
                   String timestamp, String payloadType, String payloadRevision, String payload,
                   String metaData, String prevHash, String hash, String keyId, String seal, String salts,
                   String sdSeal, String envelopeSalt) {

    /** Aggregate id given to an event published outside any aggregate, so unique keys still hold. */
    static final String GENERIC_PREFIX = "~event:";

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64URL_DECODER = Base64.getUrlDecoder();

    /** Builds, hashes and seals an event. */
    static StoredEvent seal(String eventId, boolean domain, String aggregateType, String aggregateId, long seq,
                            String timestamp, String payloadType, String payloadRevision, String payload,
                            String metaData, String prevHash, SealingKey key) {
        String envelopeSalt = Disclosures.newSalt(); // ADR 0062: the published hash hides what the record withholds
        byte[] canonical = canonicalEnvelope(eventId, aggregateType, aggregateId, seq, timestamp, payloadType,
                payloadRevision, payload, metaData, prevHash, envelopeSalt);
        String hash = Sha256.hex(canonical);
        // ADR 0015: a salted commitment to each payload field, sealed beside the event, so that a bundle can disclose
        // the public fields only; the salts stay here, beside the event, never in it
        SealedEvent sealed = new SealedEvent(eventId, aggregateType, aggregateId, seq, timestamp, payloadType, payloadRevision,
                payload, metaData, prevHash, hash, key.keyId(), null);
        JsonNode payloadJson = sealed.payloadJson();
        String salts = null;
        String sdSeal = null;
        if (payloadJson.isObject()) {
            Map<String, String> fieldSalts = Disclosures.newSalts(payloadJson);
            salts = Disclosures.saltsJson(fieldSalts);
            sdSeal = B64URL.encodeToString(key.sign(Commitment.of(sealed, fieldSalts).canonical()));
        }
        return new StoredEvent(eventId, domain, aggregateType, aggregateId, seq, timestamp, payloadType,
                payloadRevision, payload, metaData, prevHash, hash, key.keyId(),
                B64URL.encodeToString(key.sign(canonical)), salts, sdSeal, envelopeSalt);
    }

    /** The sealed commitment to this event's fields (ADR 0015), or null for an event stored before it. */
    Commitment commitment() {
        if (salts == null || sdSeal == null) {
            return null;
        }
        SealedEvent sealed = new SealedEvent(eventId, aggregateType, aggregateId, seq, timestamp, payloadType, payloadRevision,
                payload, metaData, prevHash, hash, keyId, seal);
        return Commitment.of(sealed, Disclosures.parseSalts(salts)).sealed(keyId, sdSeal);
    }

    /** The canonical envelope of the stored fields (what the seal signs). */
    byte[] canonicalEnvelope() {
        return canonicalEnvelope(eventId, aggregateType, aggregateId, seq, timestamp, payloadType, payloadRevision,
                payload, metaData, prevHash, envelopeSalt);
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

    /**
     * The canonical envelope that is hashed and sealed: defined once, in the kernel's {@link SealedEvent}, so that
     * the store, {@code verify-store}, the log and any member of the public compute exactly the same bytes.
     */
    static byte[] canonicalEnvelope(String eventId, String aggregateType, String aggregateId, long seq,
                                    String timestamp, String payloadType, String payloadRevision, String payload,
                                    String metaData, String prevHash, String envelopeSalt) {
        return new SealedEvent(eventId, aggregateType, aggregateId, seq, timestamp, payloadType, payloadRevision, payload,
                metaData, prevHash, null, null, null, envelopeSalt).canonicalEnvelope();
    }

    Document toBson() {
        Document d = new Document("eventId", eventId)
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
        if (salts != null) {
            d.append("salts", salts).append("sdSeal", sdSeal);
        }
        if (envelopeSalt != null) {
            d.append("envelopeSalt", envelopeSalt);
        }
        return d;
    }

    static StoredEvent fromBson(Document d) {
        Number seq = d.get("seq", Number.class);
        return new StoredEvent(d.getString("eventId"), Boolean.TRUE.equals(d.getBoolean("domain")),
                d.getString("aggregateType"), d.getString("aggregateId"), seq == null ? -1 : seq.longValue(),
                d.getString("timestamp"), d.getString("payloadType"), d.getString("payloadRevision"),
                d.getString("payload"), d.getString("metaData"), d.getString("prevHash"), d.getString("hash"),
                d.getString("keyId"), d.getString("seal"), d.getString("salts"), d.getString("sdSeal"),
                d.getString("envelopeSalt"));
    }
}
