package mn.registry.tlog;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import mn.registry.kernel.log.SealedEvent;
import org.bson.Document;

import java.util.List;
import java.util.Optional;

/**
 * An event as the event store sealed it, found by its id in the store's commit documents (collection {@code events},
 * indexed on {@code eventIds}): the one place outside the event store that decodes a stored sealed event, for the
 * bundles (which carry it), and the sequencer when the event store's hand-over of what its reader decoded misses
 * (the Axon message lacks the seal, the hash and the stored strings).
 */
public final class SealedEvents {

    private static final String EVENTS = "events";

    /** An event as sealed in the store, its global position, the salts of its fields and the seal over their commitment (ADR 0015; null before). */
    public record Stored(SealedEvent event, long position, String salts, String sdSeal) {
    }

    private final MongoCollection<Document> events;

    public SealedEvents(MongoDatabase database) {
        this.events = database.getCollection(EVENTS);
    }

    /** The event as sealed in the store, by event id. */
    public Optional<Stored> byId(String eventId) {
        Document commit = events.find(Filters.eq("eventIds", eventId)).first();
        return commit == null ? Optional.empty() : Optional.ofNullable(found(commit, java.util.Set.of(eventId)).get(eventId));
    }

    /**
     * The events as sealed in the store, by event id, with one query for all of them: a commit document that holds several
     * of them is read and decoded once (the sequencer's batch, ADR 0048). Ids not in the store are left out.
     */
    public java.util.Map<String, Stored> byIds(java.util.Collection<String> eventIds) {
        java.util.Map<String, Stored> found = new java.util.HashMap<>();
        if (eventIds.isEmpty()) {
            return found;
        }
        java.util.Set<String> wanted = new java.util.HashSet<>(eventIds);
        for (Document commit : events.find(Filters.in("eventIds", wanted))) {
            found.putAll(found(commit, wanted));
        }
        return found;
    }

    private static java.util.Map<String, Stored> found(Document commit, java.util.Set<String> wanted) {
        java.util.Map<String, Stored> found = new java.util.HashMap<>();
        long first = commit.get("_id", Number.class).longValue();
        List<Document> list = commit.getList("events", Document.class, List.of());
        for (int i = 0; i < list.size(); i++) {
            Document d = list.get(i);
            if (wanted.contains(d.getString("eventId"))) {
                Number seq = d.get("seq", Number.class);
                found.put(d.getString("eventId"), new Stored(new SealedEvent(d.getString("eventId"), d.getString("aggregateType"),
                        d.getString("aggregateId"), seq == null ? -1 : seq.longValue(), d.getString("timestamp"),
                        d.getString("payloadType"), d.getString("payloadRevision"), d.getString("payload"),
                        d.getString("metaData"), d.getString("prevHash"), d.getString("hash"), d.getString("keyId"),
                        d.getString("seal")), first + i, d.getString("salts"), d.getString("sdSeal")));
            }
        }
        return found;
    }
}
