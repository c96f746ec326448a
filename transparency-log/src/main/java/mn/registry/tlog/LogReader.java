package mn.registry.tlog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.kernel.crypto.Sha256;
import mn.registry.kernel.log.Checkpoint;
import mn.registry.kernel.log.Commitment;
import mn.registry.kernel.log.DisclosedBundle;
import mn.registry.kernel.log.Disclosures;
import mn.registry.kernel.log.EntryBundles;
import mn.registry.kernel.log.Merkle;
import mn.registry.kernel.log.NoteKey;
import mn.registry.kernel.log.SealedEvent;
import mn.registry.kernel.log.SignedNote;
import mn.registry.kernel.log.Tiles;
import mn.registry.kernel.log.TlogProof;
import mn.registry.kernel.pki.Certificates;
import mn.registry.keystore.RegistryKeys;
import org.bson.Document;
import org.bson.types.Binary;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the log as published, for the public endpoints, the register and the web pages: the latest checkpoint
 * (re-read at most every 200 ms, and at once after a publication in this process), older checkpoints, entries ({@link #entries()}), tiles and entry bundles, inclusion
 * proofs and verification bundles. One cache (Caffeine, bounded by bytes) holds tiles, checkpoints and every answer,
 * each under a key that fixes its bytes (a tile only grows; a proof or bundle is fixed by its index and the checkpoint
 * it is proved against), so nothing stale is ever served and each answer carries an ETag of its bytes.
 */
public final class LogReader {

    /** How stale the latest checkpoint may be when served (C2SP: the checkpoint may be cached a few seconds). */
    static final long LATEST_TTL_NANOS = 200_000_000L;
    /** Default bound of the cache. */
    public static final long DEFAULT_CACHE_BYTES = 64L << 20;

    private final MongoCollection<Document> entryDocuments;
    private final MongoCollection<Document> tiles;
    private final MongoCollection<Document> state;
    private final MongoCollection<Document> checkpoints;
    private final SealedEvents sealedEvents;
    private final LogSource entries;
    private final RegistryKeys keys;
    private final NoteKey logKey;
    private final Cache<Object, Object> cache;
    private volatile Published latest;
    private volatile long latestReadAt;

    public LogReader(MongoDatabase database, RegistryKeys keys, String origin) {
        this(database, keys, origin, DEFAULT_CACHE_BYTES);
    }

    public LogReader(MongoDatabase database, RegistryKeys keys, String origin, long cacheBytes) {
        this.entryDocuments = database.getCollection(LogCollections.ENTRIES);
        this.tiles = database.getCollection(LogCollections.TILES);
        this.state = database.getCollection(LogCollections.STATE);
        this.checkpoints = database.getCollection(LogCollections.CHECKPOINTS);
        this.sealedEvents = new SealedEvents(database);
        this.entries = new LogSource(database);
        this.keys = keys;
        this.logKey = new NoteKey(origin, keys.checkpoint().publicKey());
        this.cache = Caffeine.newBuilder().maximumWeight(cacheBytes).weigher(LogReader::weight).build();
    }

    /** A published checkpoint: the signed note, its parsed body and its time-stamp token. */
    public record Published(String note, Checkpoint checkpoint, byte[] timeStampToken) {
        public long size() {
            return checkpoint.size();
        }
    }

    /** An answer's bytes and their ETag, as sent: weak, of the bytes' SHA-256. */
    public record Answer(byte[] body, String etag) {
        static Answer of(byte[] body) {
            // weak: the same bytes may go out gzip-compressed (Tomcat compresses no answer with a strong ETag)
            return new Answer(body, "W/\"" + HexFormat.of().formatHex(Sha256.digest(body), 0, 16) + "\"");
        }
    }

    private record TileKey(int level, long index) {
    }

    private record ResourceKey(Tiles.Tile tile) {
    }

    private record ProofKey(long size, long index) {
    }

    private record BundleKey(long size, long index) {
    }

    private record CheckpointKey(long size) {
    }

    private static int weight(Object key, Object value) {
        int w = 64;
        if (value instanceof byte[] b) {
            w += b.length;
        } else if (value instanceof Answer a) {
            w += a.body().length;
        } else if (value instanceof Published p) {
            w += 2 * p.note().length() + p.timeStampToken().length;
        }
        return w;
    }

    /** The log's verifier key (C2SP signed-note format) under this origin. */
    public NoteKey logKey() {
        return logKey;
    }

    /** The entries, in log order. */
    public LogSource entries() {
        return entries;
    }

    /** The latest published checkpoint, if there is one yet. */
    public Optional<Published> latest() {
        Published cached = latest;
        if (cached != null && System.nanoTime() - latestReadAt < LATEST_TTL_NANOS) {
            return Optional.of(cached);
        }
        Document pointer = state.find(Filters.eq("_id", LogCollections.LATEST_CHECKPOINT)).first();
        Optional<Published> read = pointer == null ? Optional.empty() : checkpoint(pointer.get(LogCollections.SIZE, Number.class).longValue());
        read.ifPresent(p -> {
            latest = p;
            latestReadAt = System.nanoTime();
        });
        return read;
    }

    /**
     * A checkpoint of {@code size} was just published in this process ({@link LogWriter#onPublished}): the next
     * {@link #latest()} reads the pointer again instead of serving the one it read up to 200 ms ago.
     */
    public void published(long size) {
        Published cached = latest;
        if (cached == null || cached.size() < size) {
            latestReadAt = System.nanoTime() - LATEST_TTL_NANOS;
        }
    }

    /** The checkpoint published for a tree of {@code size}, if one was. */
    public Optional<Published> checkpoint(long size) {
        Object cached = cache.getIfPresent(new CheckpointKey(size));
        if (cached != null) {
            return Optional.of((Published) cached);
        }
        Document doc = checkpoints.find(Filters.eq("_id", size)).first();
        if (doc == null) {
            return Optional.empty();
        }
        String note = doc.getString(LogCollections.NOTE);
        Published published = new Published(note, Checkpoint.parse(SignedNote.parse(note).text()),
                doc.get(LogCollections.TIME_STAMP, Binary.class).getData());
        cache.put(new CheckpointKey(size), published);
        return Optional.of(published);
    }

    /** The hashes of tile (level, index): at least {@code minWidth} of them, or fewer if the log has fewer. */
    byte[] tile(int level, long index, int minWidth) {
        TileKey key = new TileKey(level, index);
        byte[] cached = (byte[]) cache.getIfPresent(key);
        if (cached != null && cached.length >= minWidth * Merkle.HASH_SIZE) {
            return cached;
        }
        Document doc = tiles.find(Filters.eq("_id", LogCollections.tileId(level, index))).first();
        byte[] data = doc == null ? new byte[0] : doc.get(LogCollections.HASHES, Binary.class).getData();
        cache.asMap().merge(key, data, (old, fresh) -> ((byte[]) fresh).length >= ((byte[]) old).length ? fresh : old);
        return data;
    }

    /** Complete-subtree hashes of the tree, from the tiles. */
    public Merkle.HashReader hashes() {
        return Tiles.hashReader(this::tile);
    }

    /** The bytes of a tile or entry bundle as of a tree of {@code size}, if that tree has it (fixed by its path). */
    public Optional<Answer> resource(Tiles.Tile tile, long size) {
        if (!Tiles.exists(tile, size)) {
            return Optional.empty();
        }
        return Optional.of(cached(new ResourceKey(tile), () -> resourceBytes(tile)));
    }

    private byte[] resourceBytes(Tiles.Tile tile) {
        if (tile.entries()) {
            long first = tile.index() * Tiles.WIDTH;
            List<Long> ids = new ArrayList<>();
            for (long i = first; i < first + tile.width(); i++) {
                ids.add(i);
            }
            Map<Long, byte[]> byIndex = new HashMap<>();
            for (Document d : entryDocuments.find(Filters.in("_id", ids))) {
                byIndex.put(d.get("_id", Number.class).longValue(), d.getString(LogCollections.LEAF).getBytes(StandardCharsets.UTF_8));
            }
            List<byte[]> leaves = new ArrayList<>();
            for (Long i : ids) {
                byte[] leaf = byIndex.get(i);
                if (leaf == null) {
                    throw new IllegalStateException("log entry " + i + " is missing");
                }
                leaves.add(leaf);
            }
            return EntryBundles.encode(leaves);
        }
        byte[] data = tile(tile.level(), tile.index(), tile.width());
        int bytes = tile.width() * Merkle.HASH_SIZE;
        if (data.length < bytes) {
            throw new IllegalStateException("tile " + tile.path() + " is shorter than its checkpoint says");
        }
        return Arrays.copyOf(data, bytes);
    }

    /** The C2SP tlog-proof text of entry {@code index} against {@code checkpoint} (the caller checks index < size). */
    public Answer proof(long index, Published checkpoint) {
        long size = checkpoint.size();
        return cached(new ProofKey(size, index), () -> new TlogProof(null, index, Merkle.inclusionProof(index, size, hashes()),
                checkpoint.note()).text().getBytes(StandardCharsets.UTF_8));
    }

    /** The cached answer under {@code key}, else computed and kept (not inside the cache's own compute: it reads tiles through it). */
    private Answer cached(Object key, java.util.function.Supplier<byte[]> compute) {
        Object cached = cache.getIfPresent(key);
        if (cached != null) {
            return (Answer) cached;
        }
        Answer fresh = Answer.of(compute.get());
        cache.put(key, fresh);
        return fresh;
    }

    /**
     * The verification bundle of entry {@code index} against {@code checkpoint} (ADR 0015: the record's payload fields
     * disclosed against the sealed commitment; no signed command), or empty if the log has no such entry.
     */
    public Optional<Answer> bundle(long index, Published checkpoint) {
        if (index >= checkpoint.size()) {
            return Optional.empty();
        }
        BundleKey key = new BundleKey(checkpoint.size(), index);
        Object cached = cache.getIfPresent(key);
        if (cached != null) {
            return Optional.of((Answer) cached);
        }
        return entries.byIndexes(List.of(index)).stream().findFirst().map(entry -> {
            Answer answer = Answer.of(bundleJson(entry, checkpoint));
            cache.put(key, answer);
            return answer;
        });
    }

    private byte[] bundleJson(LogSource.Entry entry, Published checkpoint) {
        long index = entry.logIndex();
        ObjectNode record = (ObjectNode) CanonicalJson.mapper().valueToTree(parse(entry.leaf()));
        String eventId = record.path("eventId").asText();
        SealedEvents.Stored stored = sealedEvents.byId(eventId).orElseThrow(() ->
                new IllegalStateException("log entry " + index + " names event " + eventId + " which the store does not have"));
        Commitment commitment = null;
        List<String> disclosures = new ArrayList<>();
        if (stored.salts() != null && stored.sdSeal() != null) {
            SealedEvent sealed = stored.event();
            Map<String, String> salts = Disclosures.parseSalts(stored.salts());
            commitment = Commitment.of(sealed, salts).sealed(sealed.keyId(), stored.sdSeal());
            JsonNode payload = sealed.payloadJson();
            record.path("payload").fieldNames().forEachRemaining(name ->
                    disclosures.add(Disclosures.disclosure(salts.get(name), name, payload.get(name))));
        }
        TlogProof proof = new TlogProof(null, index, Merkle.inclusionProof(index, checkpoint.size(), hashes()), checkpoint.note());
        DisclosedBundle bundle = new DisclosedBundle(index, record, commitment, disclosures, base64(keys.seal().chain()), proof.text(),
                checkpoint.timeStampToken(), logKey.text(), base64(keys.checkpoint().chain()), Certificates.base64Der(keys.caCertificate()));
        return bundle.toJsonText().getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode parse(String json) {
        try {
            return CanonicalJson.mapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException("a log entry is not JSON", e);
        }
    }

    private static List<String> base64(List<X509Certificate> chain) {
        return chain.stream().map(Certificates::base64Der).toList();
    }
}
