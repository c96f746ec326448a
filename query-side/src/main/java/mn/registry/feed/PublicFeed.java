package mn.registry.feed;

import com.mongodb.client.MongoDatabase;
import mn.registry.tlog.LogSource;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * The feed's Java API: pages of public records after a log index. A log index never changes meaning, so a cursor kept
 * for a year still resumes exactly where it stopped. Pages end at the latest checkpoint, so every entry has a proof.
 */
@Component
public class PublicFeed {

    public static final int MAX_LIMIT = 1000;
    /** Log entries never change, so any entry once read may be served from memory: the last {@value} read. */
    static final int CACHE = 1 << 15;
    private static final long CHECKPOINT_TTL_NANOS = 200_000_000L;

    private final LogSource source;
    private final FeedEntry[] cache = new FeedEntry[CACHE];
    private volatile long published = -1;
    private volatile long publishedReadAt;

    PublicFeed(MongoDatabase database) {
        this.source = new LogSource(database);
    }

    /** Up to {@code limit} entries with log index greater than {@code after} (-1: from the first). */
    public FeedPage after(long after, int limit) {
        if (after < -1 || limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("after >= -1 and 1 <= limit <= " + MAX_LIMIT);
        }
        long size = published();
        List<FeedEntry> entries = range(after + 1, Math.min(size, after + 1 + limit));
        long next = entries.isEmpty() ? after : entries.get(entries.size() - 1).logIndex();
        return new FeedPage(after, entries, next, size);
    }

    /** The entries {@code [from, to)} (all under the latest checkpoint, or fewer if the log has fewer). */
    List<FeedEntry> range(long from, long to) {
        if (to <= from) {
            return List.of();
        }
        List<FeedEntry> out = new ArrayList<>((int) (to - from));
        long i = from;
        while (i < to) {
            FeedEntry cached = cache[(int) (i & (CACHE - 1))];
            if (cached != null && cached.logIndex() == i) {
                out.add(cached);
                i++;
                continue;
            }
            List<LogSource.Entry> read = source.read(i, (int) (to - i));
            if (read.isEmpty()) {
                break;
            }
            for (LogSource.Entry e : read) {
                FeedEntry entry = entry(e);
                cache[(int) (e.logIndex() & (CACHE - 1))] = entry;
                out.add(entry);
            }
            i += read.size();
            if (read.size() < to - (i - read.size())) {
                break;
            }
        }
        return out;
    }

    /** The latest checkpoint's size (re-read at most every 200 ms). */
    public long published() {
        long p = published;
        if (p >= 0 && System.nanoTime() - publishedReadAt < CHECKPOINT_TTL_NANOS) {
            return p;
        }
        p = source.checkpointSize();
        published = p;
        publishedReadAt = System.nanoTime();
        return p;
    }

    static FeedEntry entry(LogSource.Entry e) {
        return new FeedEntry(e.logIndex(), e.leaf(), "/api/public/bundle/" + e.logIndex(), "/api/public/proof/" + e.logIndex());
    }
}
