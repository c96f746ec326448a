package mn.registry.feed;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import mn.registry.kernel.crypto.CanonicalJson;

/**
 * One public record of the feed: its log index, the record as published (the leaf's canonical JSON, served as it
 * is) and where its self-contained bundle and its inclusion proof are.
 */
record FeedEntry(long logIndex, @JsonRawValue String record, String bundle, String proof) {

    /** The record as a JSON tree. */
    @JsonIgnore
    public JsonNode recordJson() {
        try {
            return CanonicalJson.mapper().readTree(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("log entry " + logIndex + " is not JSON", e);
        }
    }
}
