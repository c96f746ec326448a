package mn.registry.log;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import mn.registry.kernel.log.LogLayout;
import mn.registry.kernel.log.PublicRecords;
import mn.registry.kernel.log.SealedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;

import java.util.List;
import java.util.Optional;

/**
 * Reads every event in global order (processing group {@value #PROCESSING_GROUP}: one segment, so one node at a
 * time holds it through the token store) and appends the public record of each public event to the log. The
 * record is built from the event exactly as sealed in the store (its stored payload and metadata, hash, seal key
 * and global position), so anyone holding the sealed event can derive the same leaf.
 */
@ProcessingGroup(LogSequencer.PROCESSING_GROUP)
class LogSequencer {

    static final String PROCESSING_GROUP = "log-sequencer";
    private static final String EVENTS = "events";

    private final LogAppender appender;
    private final MongoCollection<Document> events;
    private final PublicationDuties publications;

    LogSequencer(LogAppender appender, MongoDatabase database) {
        this(appender, database, null);
    }

    LogSequencer(LogAppender appender, MongoDatabase database, PublicationDuties publications) {
        this.appender = appender;
        this.events = database.getCollection(EVENTS);
        this.publications = publications;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> message) {
        if (!PublicRecords.mayBePublic(message.getPayloadType().getName())) {
            return;
        }
        sealed(message.getIdentifier()).ifPresent(found -> PublicRecords.record(found.event(), found.position()).ifPresent(record -> {
            long index = appender.append(found.event().eventId(), PublicRecords.leafData(record),
                    new Document(LogLayout.POSITION, found.position()).append("commandId", record.path("commandId").textValue()));
            if (publications != null) {
                publications.entryAppended(found.event().eventId(), index, payload); // 002 art. 26.4, 27.6: the checkpoint publishes it
            }
        }));
    }

    /** A sealed event and its global position. */
    record Found(SealedEvent event, long position) {
    }

    /** The event as the store sealed it (commit documents of collection {@code events}, found by event id). */
    Optional<Found> sealed(String eventId) {
        Document commit = events.find(Filters.eq("eventIds", eventId)).first();
        if (commit == null) {
            return Optional.empty();
        }
        long first = commit.get("_id", Number.class).longValue();
        List<Document> list = commit.getList("events", Document.class, List.of());
        for (int i = 0; i < list.size(); i++) {
            Document d = list.get(i);
            if (eventId.equals(d.getString("eventId"))) {
                Number seq = d.get("seq", Number.class);
                return Optional.of(new Found(new SealedEvent(d.getString("eventId"), d.getString("aggregateType"),
                        d.getString("aggregateId"), seq == null ? -1 : seq.longValue(), d.getString("timestamp"),
                        d.getString("payloadType"), d.getString("payloadRevision"), d.getString("payload"),
                        d.getString("metaData"), d.getString("prevHash"), d.getString("hash"), d.getString("keyId"),
                        d.getString("seal")), first + i));
            }
        }
        return Optional.empty();
    }
}
