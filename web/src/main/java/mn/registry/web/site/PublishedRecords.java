package mn.registry.web.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.tlog.LogReader;
import mn.registry.tlog.LogSource;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

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

    private final LogReader log;
    private final LogSource entries;

    PublishedRecords(LogReader log) {
        this.log = log;
        this.entries = log.entries();
    }

    /** The checkpoint of a tree size as published (its signed note's body: origin, size, root hash), for a register extract. */
    Optional<mn.registry.kernel.log.Checkpoint> checkpoint(long size) {
        return log.checkpoint(size).map(LogReader.Published::checkpoint);
    }

    /** The number of entries under the latest checkpoint (0 before the first). */
    long size() {
        return entries.checkpointSize();
    }

    Optional<Entry> entry(long index) {
        if (index < 0 || index >= size()) {
            return Optional.empty();
        }
        return entries.byIndexes(List.of(index)).stream().findFirst().map(PublishedRecords::entry);
    }

    /** The last {@code count} records, newest first. */
    List<Entry> recent(int count) {
        long size = size();
        long from = Math.max(0, size - count);
        List<Entry> list = new ArrayList<>();
        for (LogSource.Entry e : entries.read(from, (int) (size - from))) {
            list.add(entry(e));
        }
        list.sort(Comparator.comparingLong(Entry::index).reversed());
        return list;
    }

    private static Entry entry(LogSource.Entry e) {
        try {
            return new Entry(e.logIndex(), CanonicalJson.mapper().readTree(e.leaf()));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("a log entry is not JSON", ex);
        }
    }
}
