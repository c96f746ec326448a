package mn.registry.permit.query;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import mn.registry.infrastructure.axon.AxonStorageConfiguration;
import mn.registry.infrastructure.axon.ProjectionRebuild;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.RevocationComplaintDecided;
import mn.registry.kernel.permit.RevocationComplaintFiled;
import mn.registry.store.testing.EmbeddedMongoExtension;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Session 22, permits round 14 (abuse audit F281; ADR 0046 item 68): the case files' rebuild at item 67's release. */
@ExtendWith(EmbeddedMongoExtension.class)
class PermitCasesRebuildTest {

    private static final String CASES = PermitCaseProjection.PROCESSING_GROUP;
    private static final ApplicationId PERMIT = ApplicationId.of(UUID.randomUUID());
    private static final PersonId SUPERVISOR = new PersonId("supervisor-1");

    @Test
    @DisplayName("002 art. 29.6, 31.1.6 (ADR 0046 items 67, 68; F281): a node of the release starting on case files the earlier release projected "
            + "(a complaint upheld before item 57, without storedUnpublished) rebuilds them itself, once: the supervisor's desk then offers the "
            + "reinstatement's correcting record with no manual step")
    void the_release_rebuilds_the_case_files_at_its_start(MongoDatabase database) {
        InMemoryEventStorageEngine engine = new InMemoryEventStorageEngine();
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(engine).build();
        PermitCaseProjection old = new PermitCaseProjection(database);
        List<Object> events = List.of(new RevocationComplaintFiled(PERMIT, "ab".repeat(32), Instant.parse("2026-03-02T02:00:00Z"), new PersonId("holder-1")),
                // stored before item 57: no article, never public
                new RevocationComplaintDecided(PERMIT, true, "cd".repeat(32), Instant.parse("2026-03-20T02:00:00Z"), SUPERVISOR,
                        LocalDate.of(2028, 1, 31), null));
        for (int i = 0; i < events.size(); i++) {
            GenericDomainEventMessage<Object> message = new GenericDomainEventMessage<>("PermitApplication", PERMIT.value(), i, events.get(i),
                    MetaData.with("signedBy", i == 0 ? "holder-1" : SUPERVISOR.value()));
            store.publish(message);
            old.on(events.get(i), message);
        }
        // the case file as the release before item 67 left it: no storedUnpublished, the tokens at the store's head
        database.getCollection(PermitCaseProjection.COLLECTION).updateMany(new Document(), Updates.unset("complaint.storedUnpublished"));
        TrackingToken head = store.createHeadToken();
        store.shutDown();
        tokens(database).initializeTokenSegments(CASES, 1, head);
        assertThat(offersTheCorrectingRecord(database)).as("the case file as the earlier release left it").isFalse();

        Configuration node = start(database, engine, "node-a");
        try {
            awaitRebuilt(database);
            assertThat(offersTheCorrectingRecord(database)).isTrue();
            assertThat(database.getCollection(ProjectionRebuild.COLLECTION).find(new Document("_id", CASES + "@" + PermitCasesRebuild.STORED_UNPUBLISHED.release()))
                    .first().getString("state")).isEqualTo("reset");
        } finally {
            node.shutdown();
        }
    }

    /** What the supervisor's desk reads (DeskController.reinstatementStoredUnpublished): the case in force, its complaint stored unpublished. */
    @SuppressWarnings("unchecked")
    private static boolean offersTheCorrectingRecord(MongoDatabase database) {
        Map<String, Object> file = new PermitCases(database).application(PERMIT.value()).orElse(Map.of());
        Map<String, Object> complaint = (Map<String, Object>) file.get("complaint");
        return !"REVOKED".equals(file.get("status")) && complaint != null && Boolean.TRUE.equals(complaint.get("storedUnpublished"));
    }

    /** A node of the release: the case files' projection under the registry's pooled processors, with the release's rebuilds at its start. */
    private static Configuration start(MongoDatabase database, InMemoryEventStorageEngine engine, String name) {
        Configurer configurer = DefaultConfigurer.defaultConfiguration().configureEventStore(c -> EmbeddedEventStore.builder().storageEngine(engine).build())
                .registerComponent(TokenStore.class, c -> tokens(database));
        configurer.eventProcessing(processing -> processing.registerEventHandler(c -> new PermitCaseProjection(database)));
        new AxonStorageConfiguration().pooledStreamingProcessors(2).configureModule(configurer);
        ProjectionRebuild.module(database, () -> List.of(new PermitCasesRebuild().permitCasesStoredUnpublished()), name).configureModule(configurer);
        Configuration node = configurer.buildConfiguration();
        node.start();
        return node;
    }

    private static TokenStore tokens(MongoDatabase database) {
        return new AxonStorageConfiguration().tokenStore(database, JacksonSerializer.defaultSerializer(), java.util.Set.of(), Duration.ofSeconds(1));
    }

    private static void awaitRebuilt(MongoDatabase database) {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (ProjectionRebuild.rebuilding(database, tokens(database), CASES) || !offersTheCorrectingRecord(database)) {
            if (System.nanoTime() > until) {
                return; // the assertions say what is missing
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
