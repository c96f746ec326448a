package mn.registry.publicregister;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoDatabase;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.kernel.freezone.Activity;
import mn.registry.kernel.freezone.GeoPolygon;
import mn.registry.kernel.freezone.ZoneEvents;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.freezone.FreeZonePublicRecords;
import mn.registry.kernel.log.PublicRecords;
import mn.registry.kernel.permit.PermitPublicRecords;
import mn.registry.tlog.LogCollections;
import mn.registry.tlog.LogWriter;
import org.bson.Document;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Writes events' public records into the log's entries as the log sequencer would, in batches of 1,000 (the benchmarks'
 * prefill); or, given the registry's {@link LogWriter}, through it (entries, tiles and tree size as the registry writes
 * them, so a registry started on the data afterwards serves and extends that log).
 */
final class PrefilledLog {

    private final MongoDatabase db;
    private final LogWriter writer;
    private final Instant start;
    private final Map<String, Function<JsonNode, Optional<JsonNode>>> mappers = new HashMap<>(PermitPublicRecords.mappers());
    private final List<Document> batch = new ArrayList<>();
    private long index;

    /** The official, time and zone square every prefilled record uses. */
    static final PersonId OFFICIAL = new PersonId("supervisor-1");
    static final Instant T = Instant.parse("2026-01-05T02:00:00Z");
    static final GeoPolygon SQUARE = GeoPolygon.of(106.43, 50.31, 106.47, 50.31, 106.47, 50.33, 106.43, 50.33);

    /** A log whose entries start at {@link #T}. */
    PrefilledLog(MongoDatabase db) {
        this(db, null, T);
    }

    PrefilledLog(MongoDatabase db, LogWriter writer, Instant start) {
        this.db = db;
        this.writer = writer;
        this.start = start;
        mappers.putAll(FreeZonePublicRecords.mappers());
    }

    /** Establishes and opens the two zones every prefill starts with (Altanbulag, Zamyn-Uud); answers them. */
    List<ZoneId> openTwoZones() {
        List<ZoneId> zones = List.of(ZoneId.of("altanbulag"), ZoneId.of("zamyn-uud"));
        for (ZoneId zone : zones) {
            add(new ZoneEvents.ZoneEstablished(zone, zone.value() + " free zone", "Mongolia", new BigDecimal("500"), SQUARE,
                    List.of(Activity.values()), false, "resolution", T, OFFICIAL));
            add(new ZoneEvents.ZoneOpened(zone, "decision", T, OFFICIAL));
        }
        return zones;
    }

    /** Appends the event's public record as the next entry, one minute after the one before. */
    Void add(Object event) {
        JsonNode payload = mappers.get(event.getClass().getName()).apply(CanonicalJson.mapper().valueToTree(event)).orElseThrow();
        ObjectNode record = CanonicalJson.mapper().createObjectNode();
        record.put("position", index * 3 + 1);
        record.put("eventId", UUID.nameUUIDFromBytes(Long.toString(index).getBytes(StandardCharsets.UTF_8)).toString());
        record.put("type", event.getClass().getName());
        record.put("timestamp", start.plusSeconds(index * 60).toString());
        record.set("payload", payload);
        if (writer != null) {
            writer.append(record.get("eventId").asText(), PublicRecords.leafData(record), index * 3 + 1, null);
            index++;
            return null;
        }
        batch.add(new Document("_id", index).append(LogCollections.LEAF, new String(PublicRecords.leafData(record), StandardCharsets.UTF_8))
                .append(LogCollections.POSITION, index * 3 + 1));
        index++;
        if (batch.size() == 1000) {
            flush();
        }
        return null;
    }

    long size() {
        return index;
    }

    void flush() {
        if (!batch.isEmpty()) {
            db.getCollection(LogCollections.ENTRIES).insertMany(batch);
            batch.clear();
        }
    }
}
