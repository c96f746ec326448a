package mn.registry.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import mn.registry.kernel.crypto.CanonicalJson;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The SHA-256 of a projection's canonical content: each item as {@code key}, a newline, its RFC 8785 JSON, a newline,
 * items in ascending key order. Two projections with the same content have the same hash whatever order they were
 * written in, on any server. Reusable: {@link #ofCollections} hashes MongoDB collections (documents by their
 * canonical {@code _id}), e.g. to compare the projections of two nodes or of a run before and after a crash.
 */
public final class CanonicalHash {

    private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    private final MessageDigest digest;
    private String lastKey;
    private long items;

    public CanonicalHash() {
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Adds one item; keys must come in strictly ascending order (so the hash cannot depend on write order). */
    public CanonicalHash add(String key, JsonNode content) {
        addCanonical(key, canonical(content));
        return this;
    }

    public long items() {
        return items;
    }

    /** The hash, lower-case hex. Ends this builder. */
    public String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * The canonical hash of MongoDB collections: each collection's document count under its name
     * and its documents keyed {@code name/canonical _id}, all in key order. Reads every document in pages of
     * {@value #PAGE} (one reply of a whole collection exceeded the driver's 48 MB message limit at 100,000 permits) and
     * keeps only each document's canonical bytes, sorted here.
     */
    public static String ofCollections(MongoDatabase database, List<String> collections) {
        Map<String, byte[]> sorted = new TreeMap<>();
        for (String name : collections) {
            long count = 0;
            for (Document d : database.getCollection(name).find().batchSize(PAGE)) {
                JsonNode json = json(d);
                sorted.put(name + "/" + new String(canonical(json.path("_id")), StandardCharsets.UTF_8), canonical(json));
                count++;
            }
            sorted.put(name, canonical(CanonicalJson.mapper().getNodeFactory().numberNode(count)));
        }
        CanonicalHash hash = new CanonicalHash();
        sorted.forEach(hash::addCanonical);
        return hash.hex();
    }

    /** Documents per reply when reading a collection to hash it. */
    private static final int PAGE = 1000;

    private void addCanonical(String key, byte[] canonicalContent) {
        if (lastKey != null && lastKey.compareTo(key) >= 0) {
            throw new IllegalArgumentException("keys must ascend: '" + key + "' after '" + lastKey + "'");
        }
        lastKey = key;
        items++;
        digest.update(key.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
        digest.update(canonicalContent);
        digest.update((byte) '\n');
    }

    /** RFC 8785 bytes of any JSON value (the canonicalizer takes objects and arrays: a scalar is written alone from a one-item array). */
    static byte[] canonical(JsonNode value) {
        if (value.isContainerNode()) {
            return CanonicalJson.canonicalize(value);
        }
        byte[] inArray = CanonicalJson.canonicalize(CanonicalJson.mapper().createArrayNode().add(value));
        return java.util.Arrays.copyOfRange(inArray, 1, inArray.length - 1);
    }

    private static JsonNode json(Document d) {
        try {
            return CanonicalJson.mapper().readTree(d.toJson(RELAXED));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
