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
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

/**
 * The public records as the transparency log published them (002 art. 26.4, 27.6; 003; domain-rules §5), read by log
 * index under the latest checkpoint, so a page shows only what anyone can verify. The pages list records of one
 * permit, entity or zone by reading the published entries in full: fine for a registry of thousands of records, and
 * to be replaced by the public register's projection where one exists.
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

        /** The page this record belongs to: a permit, a zone, an entity, or none. */
        String subjectPath() {
            JsonNode p = payload();
            if (p.hasNonNull("applicationId")) {
                return "/permits/" + p.get("applicationId").asText();
            }
            if (p.hasNonNull("registrationId")) {
                return "/entities/" + p.get("registrationId").asText();
            }
            if (p.hasNonNull("zoneId")) {
                return "/zones/" + p.get("zoneId").asText();
            }
            return null;
        }
    }

    private final MongoCollection<Document> entries;
    private final MongoCollection<Document> state;

    PublishedRecords(MongoDatabase database) {
        this.entries = database.getCollection(LogLayout.ENTRIES);
        this.state = database.getCollection(LogLayout.STATE);
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

    /** Every published record, oldest first. */
    List<Entry> all() {
        long size = size();
        List<Entry> list = new ArrayList<>();
        for (Document d : entries.find()) {
            Entry e = entry(d);
            if (e.index() < size) {
                list.add(e);
            }
        }
        list.sort(Comparator.comparingLong(Entry::index));
        return list;
    }

    /** The records whose page is {@code subjectPath}, oldest first. */
    List<Entry> about(String subjectPath) {
        return all().stream().filter(e -> subjectPath.equals(e.subjectPath())).toList();
    }

    /** How many records of each type were published: the statistics of the home page. */
    Map<String, Long> countsByType() {
        Map<String, Long> counts = new TreeMap<>();
        for (Entry e : all()) {
            counts.merge(e.type(), 1L, Long::sum);
        }
        return counts;
    }

    private static Entry entry(Document d) {
        try {
            return new Entry(d.get("_id", Number.class).longValue(), CanonicalJson.mapper().readTree(d.getString(LogLayout.LEAF)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a log entry is not JSON", e);
        }
    }
}
