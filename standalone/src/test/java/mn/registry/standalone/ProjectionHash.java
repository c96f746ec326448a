package mn.registry.standalone;

import com.mongodb.client.MongoDatabase;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.kernel.crypto.Sha256;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A canonical hash of everything the registry derives from its events (projections, deadlines, the transparency
 * log), collection by collection: each collection's documents as RFC 8785 JSON, sorted by their canonical
 * {@code _id}, hashed with SHA-256. Two registries that processed the same events have the same hashes, however
 * often they crashed on the way.
 *
 * <p>What is left out, and why:
 * <ul>
 * <li>{@link #SOURCES}: not derived from events but the record itself or input kept as received (the event store,
 * the signed commands, the documents, the demo-data markers, the receipt-number counter); the event store is checked
 * by {@code verify-store} and the commands by the test's ledger instead.</li>
 * <li>{@link #OPERATIONAL}: who holds which processor segment and since when ({@code tracking_tokens}: owner and
 * claim time differ by process and wall-clock time), sign-in sessions and challenges (per sign-in, not per event),
 * and the log's signed checkpoints ({@code log_checkpoints}, and the {@code checkpoint} pointer in
 * {@code log_state}): a checkpoint is a signed statement of the tree <em>at a moment</em>, so which sizes got one
 * depends on timing; the tree they commit to ({@code log_entries}, {@code log_tiles}, {@code log_state/tree}) is
 * compared.</li>
 * <li>{@link #OPERATIONAL_FIELDS}: the deadline poller's claim fields (claim counter, claiming node, claim expiry,
 * time of firing) are wall-clock bookkeeping of which node fired a deadline when; the deadline itself (due date,
 * rule, state) is compared.</li>
 * </ul>
 * A collection not named here is compared: a new projection is covered without anyone remembering to add it.
 */
final class ProjectionHash {

    static final Set<String> SOURCES = Set.of("events", "counters", "snapshots", "commands", "documents", "demo_data", "permit_receipt_counters");
    static final Set<String> OPERATIONAL = Set.of("tracking_tokens", "sessions", "session_challenges", "log_checkpoints");
    static final Map<String, Set<String>> OPERATIONAL_FIELDS = Map.of("deadlines", Set.of("claim", "claimedBy", "claimedUntil", "firedAt"));
    static final Map<String, Set<Object>> OPERATIONAL_DOCUMENTS = Map.of("log_state", Set.of("checkpoint"));

    private static final JsonWriterSettings JSON = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    private ProjectionHash() {
    }

    /** The derived collections: neither a source nor operational. */
    static List<String> derivedCollections(MongoDatabase database) {
        List<String> names = new ArrayList<>();
        for (String name : database.listCollectionNames()) {
            if (!SOURCES.contains(name) && !OPERATIONAL.contains(name) && !name.startsWith("system.")) {
                names.add(name);
            }
        }
        names.sort(String::compareTo);
        return names;
    }

    /** SHA-256 (hex) of each derived collection, by name, and their document counts under {@code "<name>#count"}. */
    static Map<String, String> of(MongoDatabase database) {
        Map<String, String> hashes = new TreeMap<>();
        for (String name : derivedCollections(database)) {
            Set<String> fields = OPERATIONAL_FIELDS.getOrDefault(name, Set.of());
            Set<Object> skippedIds = OPERATIONAL_DOCUMENTS.getOrDefault(name, Set.of());
            TreeMap<String, String> sorted = new TreeMap<>();
            for (Document d : database.getCollection(name).find()) {
                if (skippedIds.contains(d.get("_id"))) {
                    continue;
                }
                fields.forEach(d::remove);
                String id = CanonicalJson.canonicalString(new Document("id", d.get("_id")).toJson(JSON));
                sorted.put(id, new String(CanonicalJson.canonicalize(d.toJson(JSON)), StandardCharsets.UTF_8));
            }
            hashes.put(name, Sha256.hex(String.join("\n", sorted.values()).getBytes(StandardCharsets.UTF_8)));
            hashes.put(name + "#count", Integer.toString(sorted.size()));
        }
        return hashes;
    }

    /** Drops every derived collection and the processors' tokens, so that a registry started next rebuilds them from the events. */
    static void dropDerived(MongoDatabase database) {
        for (String name : derivedCollections(database)) {
            database.getCollection(name).drop();
        }
        database.getCollection("tracking_tokens").drop();
        database.getCollection("log_checkpoints").drop();
    }
}
