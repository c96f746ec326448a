package mn.registry.store.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Every index the registry creates, of every collection, in one list: the classes that own a collection create its
 * indexes with {@link #ensure(MongoCollection)} (nothing else calls {@code createIndex}, ArchitectureTest-style rule in
 * {@code ProductionIndexesTest}), and docs/production.md's index table is {@link #markdownTable()} (the same test fails
 * when the two differ). Names are given explicitly and equal what each index was created as before this list existed
 * (a driver's default name, {@code field_1_other_1}, where none was given), so a database created earlier gets no
 * second index of the same keys.
 *
 * <p>On the embedded server the unique ones are what the registry's correctness rests on; the non-unique ones are
 * for a real MongoDB only (the embedded server scans instead), so no correctness property depends on them.
 */
public final class MongoIndexes {

    /** One ascending index: its collection, its fields in order, whether it is unique, its name, and why it exists. */
    public record Definition(String collection, List<String> fields, boolean unique, boolean sparse, String name, String role) {

        /** The keys as the index table shows them. */
        public String keys() {
            return fields.stream().map(f -> "`" + f + "`").collect(Collectors.joining(", ", fields.size() > 1 ? "(" : "", fields.size() > 1 ? ")" : ""));
        }
    }

    private static final List<Definition> ALL = List.of(
            unique("events", "heads", "heads_unique",
                    "optimistic concurrency: two commands on one aggregate from the same state cannot both be stored (`\"seq:aggregateId\"` of each "
                            + "aggregate's first event in the commit, multikey); reading an aggregate by equality"),
            unique("events", "tails", "tails_unique",
                    "finds the previous event of an aggregate for the seal chain by equality (`\"seq:aggregateId\"` of each aggregate's last event "
                            + "in the commit, multikey)"),
            unique("events", "eventIds", "eventIds_unique", "one event id is stored once (multikey)"),
            new Definition("events", List.of("command"), true, true, "command_sparse_unique",
                    "the commits a signed command left, by `commandId#n` (n = 0, 1, ...: its commits in order), to settle a command left "
                            + "accepted by a crash without a scan (ADR 0002, 0019); commits without a command and commits from before carry none"),
            unique("tracking_tokens", "lease", "lease_1",
                    "the owner's token writes and claims of free segments by one key (`processor#segment|owner`, `…|` when free; ADR 0012); "
                            + "documents from before get it at start"),
            plain("tracking_tokens", List.of("processorName", "segment"), "the segment listing of a processor"),
            unique("log_entries", "eventId", "eventId_unique", "each event enters the transparency log once"),
            plain("deadlines", List.of("state", "dueAt"), "the deadline poller's due open deadlines"),
            plain("deadlines", List.of("aggregateId", "kind", "state"), "a case's open deadlines (ending them goes through `stateKey` and "
                    + "`open_deadlines`, ADR 0019)"),
            unique("deadlines", "stateKey", "stateKey_unique",
                    "a deadline's state as one key (`id|OPEN`, `id|FIRED`, `id|CANCELLED`): starting, moving and ending an open deadline "
                            + "by compare-and-set on one key (ADR 0019); documents from before get it at start"),
            unique("commands", "lease", "lease_unique",
                    "the command log's state as one key (`commandId@acceptedAt` while accepted, `commandId` when done): takeover and "
                            + "release by compare-and-set on one key (ADR 0002, 0019); entries from before get it at start"),
            plain("personal_data_reads", List.of("personId"), "a person's record of who read their personal data (001 art. 53.1)"),
            plain("documents", List.of("uploadedBy"), "the documents a person uploaded: those the governor's desk offers a late resumption "
                    + "on (ADR 0035 items 70, 77), a person's erasure"));

    private MongoIndexes() {
    }

    /** Every definition, in the order of the documentation's table. */
    public static List<Definition> all() {
        return ALL;
    }

    /**
     * Creates (idempotently) every index defined for {@code collection}'s name; fails if none is, so an index cannot
     * be created anywhere without being listed here.
     */
    public static void ensure(MongoCollection<?> collection) {
        String name = collection.getNamespace().getCollectionName();
        List<Definition> definitions = ALL.stream().filter(d -> d.collection().equals(name)).toList();
        if (definitions.isEmpty()) {
            throw new IllegalArgumentException("no index is defined for the collection " + name + " in MongoIndexes");
        }
        for (Definition d : definitions) {
            IndexOptions options = new IndexOptions().name(d.name());
            collection.createIndex(Indexes.ascending(d.fields()), d.unique() ? options.unique(true).sparse(d.sparse()) : options);
        }
    }

    /** The index table of docs/production.md, generated from {@link #all()} (a {@code |} in a role escaped for Markdown). */
    public static String markdownTable() {
        StringBuilder table = new StringBuilder("| collection | index | keys | unique | role |\n|---|---|---|---|---|\n");
        for (Definition d : ALL) {
            table.append("| `").append(d.collection()).append("` | `").append(d.name()).append("` | ").append(d.keys()).append(" | ")
                    .append(d.unique() ? (d.sparse() ? "unique, sparse" : "unique") : "no").append(" | ").append(d.role().replace("|", "\\|")).append(" |\n");
        }
        return table.toString();
    }

    private static Definition unique(String collection, String field, String name, String role) {
        return new Definition(collection, List.of(field), true, false, name, role);
    }

    /** A non-unique index named as the driver names it by default. */
    private static Definition plain(String collection, List<String> fields, String role) {
        return new Definition(collection, fields, false, false, fields.stream().map(f -> f + "_1").collect(Collectors.joining("_")), role);
    }
}
