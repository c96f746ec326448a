package mn.registry.feed;

import java.util.List;

/**
 * A page of the feed: entries with log index greater than {@code after}, in order; {@code next} is the cursor to ask
 * with next time (the last index given, or {@code after} again when there was nothing new: it never expires), and
 * {@code published} the size of the latest checkpoint the page was cut at.
 */
public record FeedPage(long after, List<FeedEntry> entries, long next, long published) {
}
