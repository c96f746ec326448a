package mn.registry.standalone;

import com.mongodb.client.MongoDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.projection.CanonicalHash;
import mn.registry.projection.Generations;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A canonical hash of everything the registry derives from its events (projections, deadlines, the transparency
 * log), collection by collection, with the query side's {@link CanonicalHash} (each document as RFC 8785 JSON under
 * its canonical {@code _id}, in key order, SHA-256). Two registries that processed the same events have the same hashes, however
 * often they crashed on the way.
 *
 * <p>What is left out, and why:
 * <ul>
 * <li>{@link #SOURCES}: not derived from events but the record itself or input kept as received (the event store,
 * the signed commands, the documents, the demo-data markers, the receipt-number counter, the personal-data keys,
 * the log of who read personal data, and the registry-wide claims taken before the aggregate acts: company numbers,
 * ADR 0031; stamp-duty proofs and inspection findings, ADR 0046 items 13 and 26; the Free Zone acts' documents and fee
 * receipts, ADR 0035 items 8, 18 and 19); the event store is checked
 * by {@code verify-store} and the commands by the test's ledger instead.</li>
 * <li>{@link #OPERATIONAL}: who holds which processor segment and since when ({@code tracking_tokens}: owner and
 * claim time differ by process and wall-clock time), sign-in sessions and challenges (per sign-in, not per event),
 * each person's upload counts for the upload quota ({@code document_uploads_by_person_day}, by person and day: per upload, not per event; session 28's {@code document_uploads_by_person} folded into it at the start),
 * and the log's signed checkpoints ({@code log_checkpoints}, and the {@code checkpoint} pointer in
 * {@code log_state}): a checkpoint is a signed statement of the tree <em>at a moment</em>, so which sizes got one
 * depends on timing; the tree they commit to ({@code log_entries}, {@code log_tiles}, {@code log_state/tree}) is
 * compared; {@code deadline_days}: the poller's index of deadlines by due day, whose floor and emptied days depend on
 * when the poller ran (the deadlines it lists are compared); {@code freezone_zone_establishing}: the registry-wide key an
 * establishment of a zone holds while it runs (ADR 0035 item 25), a lock that exists once any zone was established;
 * {@code freezone_zone_dating} and {@code freezone_zone_earliest_agreements}: the key a zone's dated acts hold while they run and the zone's
 * earliest agreement its holders keep (ADR 0035 item 40): a stop between an agreement's storing and the keeping of its day leaves the day to
 * the zone's next dated act, which settles it before it reads; {@code freezone_governor_appointing}: the registry-wide key of a person a
 * governor's appointment holds while it is judged and recorded (ADR 0061 item 79), empty once released, never derived from events;
 * {@code document_claims}: the registry-wide claim of a document by the kind of act that cited it first (ADR 0057), which a
 * rebuild never creates and whose backfill marker records when it ran; the marker of the zone boundaries' backfill
 * ({@code backfill:adr-0035-24} and, ADR 0035 item 72, {@code backfill:adr-0035-24:every-zone} in {@code freezone_zone_boundaries}, {@code BackfillMarker}) records when it ran and what it counted
 * (the boundaries themselves are compared); {@code projection_rebuilds}: the marker of a projection a release rebuilt at start (ADR 0035 item
 * 58, {@code ProjectionRebuild}), which node reset it and when (the projection it rebuilt is compared); {@code privacy_scans}: the marker of
 * the one-off scan of published person ids and governors' names (ADR 0015 item 7, {@code PublishedPersonDetailsScan}), when it ran and
 * what it counted: the scan derives nothing; {@code identity_archived_orders}: the orders of grants and ends stored before ADR 0061 item 21,
 * read once per registry at start from the archived signed commands ({@code ArchivedIdentityOrders}, item 23), which a rebuild never
 * creates, and its marker; {@code registry_meta}: the store's format (ADR 0068), which node recorded it and when: a fact about the
 * store, not derived from its events.</li>
 * <li>Blue/green projections ({@code <name>_g<n>}): only the serving generation is compared, under the name
 * {@code <name>@active}; which number it has depends on how many rebuilds ran, and {@code projection_generations}
 * (the pointer, with its switch time) is operational.</li>
 * <li>{@link #OPERATIONAL_FIELDS}: the deadline poller's claim fields (claim counter, claiming node, claim expiry,
 * time of firing) are wall-clock bookkeeping of which node fired a deadline when; the deadline itself (due date,
 * rule, state) is compared.</li>
 * </ul>
 * A collection not named here is compared: a new projection is covered without anyone remembering to add it.
 */
final class ProjectionHash {

    static final String GENERATIONS = "projection_generations";
    static final Set<String> SOURCES = Set.of("events", "counters", "snapshots", "commands", "documents", "demo_data", "permit_receipt_counters",
            "personal_data_keys", "personal_data_reads", "company_permit_claims", "stamp_duty_proofs", "permit_inspection_findings", "permit_tax_authority_documents", "permit_insurance_policies",
            "permit_change_documents", "permit_representatives", "permit_companies_on_record",
            "freezone_act_documents", "freezone_land_fee_receipts");
    static final Set<String> OPERATIONAL = Set.of("tracking_tokens", "sessions", "session_challenges", "log_checkpoints", GENERATIONS,
            "document_uploads_by_person", "document_uploads_by_person_day", "deadline_days", "freezone_zone_establishing", "document_claims", "freezone_zone_dating",
            "freezone_zone_earliest_agreements", "freezone_governor_appointing", "projection_rebuilds", "privacy_scans", "identity_archived_orders", "registry_meta");
    static final Map<String, Set<String>> OPERATIONAL_FIELDS = Map.of("deadlines", Set.of("claim", "claimedBy", "claimedUntil", "firedAt"));
    static final Map<String, Set<Object>> OPERATIONAL_DOCUMENTS = Map.of("log_state", Set.of("checkpoint"),
            "freezone_zone_boundaries", Set.of("backfill:adr-0035-24", "backfill:adr-0035-24:every-zone"));

    private static final Pattern GENERATION = Pattern.compile(".+_g\\d+");

    private static final JsonWriterSettings JSON = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    private ProjectionHash() {
    }

    /** The derived collections: neither a source nor operational. */
    static List<String> derivedCollections(MongoDatabase database) {
        List<String> names = new ArrayList<>();
        for (String name : database.listCollectionNames()) {
            if (!SOURCES.contains(name) && !OPERATIONAL.contains(name) && !name.startsWith("system.") && !GENERATION.matcher(name).matches()) {
                names.add(name);
            }
        }
        names.sort(String::compareTo);
        return names;
    }

    /** The serving generation's collection of each blue/green projection, by {@code <projection>@active}. */
    static Map<String, String> activeGenerations(MongoDatabase database) {
        Map<String, String> active = new TreeMap<>();
        for (Document d : database.getCollection(GENERATIONS).find()) {
            active.put(d.getString("_id") + "@active", Generations.collection(d.getString("_id"), d.get("active", Number.class).longValue()));
        }
        return active;
    }

    /**
     * The {@link CanonicalHash} (query side's projection hash: RFC 8785 JSON keyed by canonical {@code _id}) of each
     * derived collection, by name, with the operational fields and documents left out, and the document counts
     * under {@code "<name>#count"}.
     */
    static Map<String, String> of(MongoDatabase database) {
        Map<String, String> collections = new TreeMap<>();
        derivedCollections(database).forEach(name -> collections.put(name, name));
        collections.putAll(activeGenerations(database));
        Map<String, String> hashes = new TreeMap<>();
        collections.forEach((logical, name) -> {
            Set<String> fields = OPERATIONAL_FIELDS.getOrDefault(name, Set.of());
            Set<Object> skippedIds = OPERATIONAL_DOCUMENTS.getOrDefault(name, Set.of());
            TreeMap<String, JsonNode> sorted = new TreeMap<>();
            for (Document d : database.getCollection(name).find()) {
                if (skippedIds.contains(d.get("_id"))) {
                    continue;
                }
                fields.forEach(d::remove);
                String id = CanonicalJson.canonicalString(new Document("id", d.get("_id")).toJson(JSON));
                sorted.put(id, json(d));
            }
            CanonicalHash hash = new CanonicalHash();
            sorted.forEach(hash::add);
            hashes.put(logical, hash.hex());
            hashes.put(logical + "#count", Integer.toString(sorted.size()));
        });
        return hashes;
    }

    private static JsonNode json(Document d) {
        try {
            return CanonicalJson.mapper().readTree(d.toJson(JSON));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Drops every derived collection and the processors' tokens, so that a registry started next rebuilds them from the events. */
    static void dropDerived(MongoDatabase database) {
        for (String name : derivedCollections(database)) {
            database.getCollection(name).drop();
        }
        for (String name : database.listCollectionNames()) {
            if (GENERATION.matcher(name).matches()) {
                database.getCollection(name).drop();
            }
        }
        database.getCollection(GENERATIONS).drop();
        database.getCollection("tracking_tokens").drop();
        database.getCollection("log_checkpoints").drop();
    }
}
