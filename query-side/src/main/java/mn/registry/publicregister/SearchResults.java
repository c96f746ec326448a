package mn.registry.publicregister;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;

import java.util.List;
import java.util.Map;

/**
 * One page of a {@link RegisterSearch}: the entries, how many matched in all, and counts of the matches by kind,
 * status, zone and activity. The counts of a criterion are taken with every other criterion applied but not that one
 * (so the kinds list what the text finds in each kind even while one kind is chosen); values in name order, kinds in
 * {@link RegisterKind} order and each kind listed even at 0. {@code logSize}: the register had read every public record
 * below it when answering. Written as JSON by {@link SearchResultsJson} (ADR 0051), the same bytes as Jackson's record serializer.
 */
@JsonSerialize(using = SearchResultsJson.class)
public record SearchResults(List<RegisterEntry> items, int total, int offset, int limit, long logSize, Counts counts) {

    public record Counts(Map<String, Integer> kind, Map<String, Integer> status, Map<String, Integer> zone, Map<String, Integer> activity) {
    }
}
