package mn.registry.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.projection.LogSource;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The feed's Java API: pages of public records after a log index. A log index never changes meaning, so a cursor kept
 * for a year still resumes exactly where it stopped. Pages end at the latest checkpoint, so every entry has a proof.
 */
@Component
public class PublicFeed {

    public static final int MAX_LIMIT = 1000;

    private final LogSource source;

    PublicFeed(MongoDatabase database) {
        this.source = new LogSource(database);
    }

    /** Up to {@code limit} entries with log index greater than {@code after} (-1: from the first). */
    public FeedPage after(long after, int limit) {
        if (after < -1 || limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("after >= -1 and 1 <= limit <= " + MAX_LIMIT);
        }
        long published = source.checkpointSize();
        int n = (int) Math.max(0, Math.min(limit, published - (after + 1)));
        List<FeedEntry> entries = source.read(after + 1, n).stream().map(PublicFeed::entry).toList();
        long next = entries.isEmpty() ? after : entries.get(entries.size() - 1).logIndex();
        return new FeedPage(after, entries, next, published);
    }

    /** The entries {@code [from, to)}, all under the latest checkpoint or none. */
    List<FeedEntry> range(long from, long to) {
        return source.read(from, (int) (to - from)).stream().map(PublicFeed::entry).toList();
    }

    /** The latest checkpoint's size. */
    public long published() {
        return source.checkpointSize();
    }

    static FeedEntry entry(LogSource.Entry e) {
        try {
            JsonNode record = CanonicalJson.mapper().readTree(e.leaf());
            return new FeedEntry(e.logIndex(), record, "/api/public/bundle/" + e.logIndex(), "/api/public/proof/" + e.logIndex());
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("log entry " + e.logIndex() + " is not JSON", ex);
        }
    }
}
