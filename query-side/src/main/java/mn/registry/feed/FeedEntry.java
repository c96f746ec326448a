package mn.registry.feed;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One public record of the feed: its log index, the record as published (the leaf's JSON) and where its
 * self-contained bundle and its inclusion proof are.
 */
public record FeedEntry(long logIndex, JsonNode record, String bundle, String proof) {
}
