package mn.registry.store.mongo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import mn.registry.store.testing.EmbeddedMongoExtension;
import mn.registry.store.testing.TestSealingKeys;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static mn.registry.store.mongo.StoreFixtures.engine;
import static org.assertj.core.api.Assertions.assertThat;

/** Schema evolution on read: a stored, sealed revision-1 event comes out as revision 2; the stored seal still verifies. */
@ExtendWith(EmbeddedMongoExtension.class)
class UpcastingTest {

    @Revision("2")
    record PermitRecorded(String permit, String zone) {
    }

    /** Revision 1 had no zone; events recorded before zones existed get "unknown". */
    static final class PermitRecordedZoneUpcaster extends SingleEventUpcaster {
        @Override
        protected boolean canUpcast(IntermediateEventRepresentation ir) {
            return ir.getType().getName().equals(PermitRecorded.class.getName()) && "1".equals(ir.getType().getRevision());
        }

        @Override
        protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation ir) {
            return ir.upcastPayload(new SimpleSerializedType(PermitRecorded.class.getName(), "2"), JsonNode.class,
                    node -> ((ObjectNode) node).put("zone", "unknown"));
        }
    }

    @Test
    void a_stored_old_revision_event_is_upcast_on_every_read_path(MongoDatabase database) {
        // a revision-1 event as an older version of the registry stored and sealed it, at position 1
        StoredEvent old = StoredEvent.seal("e-1", true, "Permit", "permit-1", 0, "2026-01-05T08:00:00Z",
                PermitRecorded.class.getName(), "1", "{\"permit\":\"A-1\"}", "{}", null, TestSealingKeys.sealingKey());
        database.getCollection("events").insertOne(CommitDocuments.commit(1, List.of(old)));
        database.getCollection("counters").updateOne(Filters.eq("_id", "events"), Updates.set("next", 1L),
                new UpdateOptions().upsert(true));

        GaplessEventStorageEngine engine = engine(database).upcasterChain(new PermitRecordedZoneUpcaster()).build();
        engine.appendEvents(new org.axonframework.eventhandling.GenericDomainEventMessage<>("Permit", "permit-1", 1,
                new PermitRecorded("A-1", "Altanbulag")));

        assertThat(engine.readEvents("permit-1").asStream().map(m -> (Object) m.getPayload()))
                .containsExactly(new PermitRecorded("A-1", "unknown"), new PermitRecorded("A-1", "Altanbulag"));
        assertThat(StoreFixtures.readAll(engine, null).stream().map(m -> (Object) m.getPayload()))
                .containsExactly(new PermitRecorded("A-1", "unknown"), new PermitRecorded("A-1", "Altanbulag"));
        assertThat(new StoreVerifier(database, TestSealingKeys.publicKeys()).verify().ok())
                .as("upcasting never rewrites a sealed event").isTrue();
    }
}
