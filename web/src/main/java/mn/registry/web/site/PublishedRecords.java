package mn.registry.web.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.kernel.log.LogLayout;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

/**
 * The public records as the transparency log published them (002 art. 26.4, 27.6; 003; domain-rules §5), read by log
 * index under the latest checkpoint, so a decision page shows only what anyone can verify. Lists and searches of
 * permits, entities, zones and licences come from the public register (mn.registry.publicregister).
 */
@Component
class PublishedRecords {

    /** One published record: its log index and the record (position, aggregate, type, time, public payload, official). */
    record Entry(long index, JsonNode record) {
        String type() {
            String type = record.path("type").asText();
            return type.substring(Math.max(type.lastIndexOf('.'), type.lastIndexOf('$')) + 1);
        }

        String aggregateId() {
            return record.path("aggregateId").asText();
        }

        String timestamp() {
            return record.path("timestamp").asText();
        }

        JsonNode payload() {
            return record.path("payload");
        }

        String actingOfficial() {
            return record.path("actingOfficial").asText(null);
        }

    }

    private final MongoCollection<Document> entries;
    private final MongoCollection<Document> state;
    private final MongoCollection<Document> checkpoints;

    PublishedRecords(MongoDatabase database) {
        this.entries = database.getCollection(LogLayout.ENTRIES);
        this.state = database.getCollection(LogLayout.STATE);
        this.checkpoints = database.getCollection(LogLayout.CHECKPOINTS);
    }

    /** The checkpoint of a tree size as published (its signed note's body: origin, size, root hash), for a register extract. */
    Optional<mn.registry.kernel.log.Checkpoint> checkpoint(long size) {
        return Optional.ofNullable(checkpoints.find(eq("_id", size)).first())
                .map(d -> mn.registry.kernel.log.Checkpoint.parse(mn.registry.kernel.log.SignedNote.parse(d.getString(LogLayout.NOTE)).text()));
    }

    /** The number of entries under the latest checkpoint (0 before the first). */
    long size() {
        Document pointer = state.find(eq("_id", "checkpoint")).first();
        return pointer == null ? 0 : pointer.get(LogLayout.SIZE, Number.class).longValue();
    }

    Optional<Entry> entry(long index) {
        if (index < 0 || index >= size()) {
            return Optional.empty();
        }
        return Optional.ofNullable(entries.find(eq("_id", index)).first()).map(PublishedRecords::entry);
    }

    /** The last {@code count} records, newest first. */
    List<Entry> recent(int count) {
        long size = size();
        List<Long> ids = new ArrayList<>();
        for (long i = Math.max(0, size - count); i < size; i++) {
            ids.add(i);
        }
        List<Entry> list = new ArrayList<>();
        if (!ids.isEmpty()) {
            for (Document d : entries.find(in("_id", ids))) {
                list.add(entry(d));
            }
        }
        list.sort(Comparator.comparingLong(Entry::index).reversed());
        return list;
    }

    private static Entry entry(Document d) {
        try {
            return new Entry(d.get("_id", Number.class).longValue(), CanonicalJson.mapper().readTree(d.getString(LogLayout.LEAF)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a log entry is not JSON", e);
        }
    }
}
