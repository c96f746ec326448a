package mn.registry.log;

import mn.registry.kernel.log.PublicRecords;
import mn.registry.tlog.LogWriter;
import mn.registry.tlog.SealedEvents;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;

/**
 * Reads every event in global order (processing group {@value #PROCESSING_GROUP}: one segment, so one node at a
 * time holds it through the token store) and appends the public record of each public event to the log. The
 * record is built from the event exactly as sealed in the store (its stored payload and metadata, hash, seal key
 * and global position), so anyone holding the sealed event can derive the same leaf. The Axon message carries
 * neither the seal nor the stored strings, so the sealed event is read back from the store ({@link SealedEvents})
 * for public events only.
 */
@ProcessingGroup(LogSequencer.PROCESSING_GROUP)
class LogSequencer {

    static final String PROCESSING_GROUP = "log-sequencer";

    private final LogWriter writer;
    private final SealedEvents events;
    private final PublicationDuties publications;

    LogSequencer(LogWriter writer, SealedEvents events, PublicationDuties publications) {
        this.writer = writer;
        this.events = events;
        this.publications = publications;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> message) {
        if (!PublicRecords.mayBePublic(message.getPayloadType().getName())) {
            return;
        }
        events.byId(message.getIdentifier()).ifPresent(found -> PublicRecords.record(found.event(), found.position()).ifPresent(record -> {
            long index = writer.append(found.event().eventId(), PublicRecords.leafData(record), found.position(),
                    record.path("commandId").textValue());
            if (publications != null) {
                publications.entryAppended(found.event().eventId(), index, payload); // 002 art. 26.4, 27.6: the checkpoint publishes it
            }
        }));
    }
}
