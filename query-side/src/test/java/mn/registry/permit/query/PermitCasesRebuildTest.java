package mn.registry.permit.query;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import mn.registry.infrastructure.axon.AxonStorageConfiguration;
import mn.registry.infrastructure.axon.ProjectionRebuild;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.PermitInspected;
import mn.registry.kernel.permit.PermitSuspended;
import mn.registry.kernel.permit.RevocationGround;
import mn.registry.kernel.permit.RevocationGroundRaised;
import mn.registry.kernel.permit.SuspensionGround;
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
            awaitRebuilt(database, () -> offersTheCorrectingRecord(database));
            assertThat(offersTheCorrectingRecord(database)).isTrue();
            assertThat(database.getCollection(ProjectionRebuild.COLLECTION).find(new Document("_id", CASES + "@" + PermitCasesRebuild.COMPLAINT_PER_REVOCATION.release()))
                    .first().getString("state")).isEqualTo("reset");
        } finally {
            node.shutdown();
        }
    }

    /** What a release from item 81's (session 23) to session 25's kept on a case file under suspension; no page has read it since ADR 0065. */
    private static final String SUSPENSION_FINDINGS = "suspensionFindings";

    @Test
    @DisplayName("002 art. 28.4, 29.1.5 (ADR 0071 item 7; ADR 0046 item 81): a node of session 26's release starting on case files item 81's "
            + "release rebuilt (its marker done, each suspension with its findings) rebuilds them once more: the case file keeps the suspension and "
            + "its inspection, and holds no suspensionFindings, which nothing reads")
    void the_release_rebuilds_the_case_files_without_the_suspensions_findings(MongoDatabase database) {
        InMemoryEventStorageEngine engine = new InMemoryEventStorageEngine();
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(engine).build();
        PermitCaseProjection old = new PermitCaseProjection(database);
        ApplicationId permit = ApplicationId.of(UUID.randomUUID());
        List<Object> events = List.of(new PermitSuspended(permit, SuspensionGround.INSPECTOR_OPINION, "ab".repeat(32), 0, LocalDate.of(2026, 3, 1),
                        LocalDate.of(2026, 5, 31), Instant.parse("2026-03-01T02:00:00Z"), SUPERVISOR),
                new PermitInspected(permit, LocalDate.of(2026, 3, 20), "cd".repeat(32), false, Instant.parse("2026-03-20T02:00:00Z"),
                        new PersonId("inspector-1"), LocalDate.of(2027, 3, 20)),
                new RevocationGroundRaised(permit, RevocationGround.VIOLATIONS_NOT_REMEDIED_DURING_SUSPENSION, Instant.parse("2026-06-01T00:00:00Z"),
                        "002 art. 29.1.5"));
        for (int i = 0; i < events.size(); i++) {
            GenericDomainEventMessage<Object> message = new GenericDomainEventMessage<>("PermitApplication", permit.value(), i + 1L, events.get(i),
                    MetaData.with("signedBy", SUPERVISOR.value()));
            store.publish(message);
            old.on(events.get(i), message);
        }
        // the case file as item 81's release left it (its rebuild done): the suspension's findings, the tokens at the store's head
        database.getCollection(PermitCaseProjection.COLLECTION).updateMany(new Document(), Updates.set(SUSPENSION_FINDINGS, List.of(
                new Document("on", "2026-03-20").append("violationFound", false).append("sha256", "cd".repeat(32)).append("received", "2026-03-20"))));
        database.getCollection(ProjectionRebuild.COLLECTION).insertOne(new Document("_id", CASES + "@adr-0046-item-81-suspension-findings")
                .append("state", "reset"));
        TrackingToken head = store.createHeadToken();
        store.shutDown();
        tokens(database).initializeTokenSegments(CASES, 1, head);
        assertThat(caseFile(database, permit)).as("the case file as the earlier release left it").containsKey(SUSPENSION_FINDINGS);

        Configuration node = start(database, engine, "node-a");
        try {
            awaitRebuilt(database, () -> caseFile(database, permit).containsKey("revocationGroundRaised")
                    && !caseFile(database, permit).containsKey(SUSPENSION_FINDINGS));
            assertThat(caseFile(database, permit)).doesNotContainKey(SUSPENSION_FINDINGS).containsEntry("status", "SUSPENDED")
                    .containsKeys("suspension", "lastInspection", "revocationGroundRaised");
        } finally {
            node.shutdown();
        }
    }

    @Test
    @DisplayName("002 art. 29.6 (ADR 0046 item 122, F467, was O298): a node of session 28's release starting on case files session 26's release "
            + "rebuilt (its marker done), a permit revoked again after an upheld complaint still holding that complaint, rebuilds them once "
            + "more: the case file holds no complaint until the holder complains against the revocation in force")
    void the_release_rebuilds_the_case_files_with_a_complaint_per_revocation(MongoDatabase database) {
        InMemoryEventStorageEngine engine = new InMemoryEventStorageEngine();
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(engine).build();
        PermitCaseProjection old = new PermitCaseProjection(database);
        ApplicationId permit = ApplicationId.of(UUID.randomUUID());
        List<Object> events = PermitCasesTest.revokedAgainAfterAnUpheldComplaint(permit);
        for (int i = 0; i < events.size(); i++) {
            GenericDomainEventMessage<Object> message = new GenericDomainEventMessage<>("PermitApplication", permit.value(), i + 1L, events.get(i),
                    MetaData.with("signedBy", SUPERVISOR.value()));
            store.publish(message);
            old.on(events.get(i), message);
        }
        // the case file as session 26's release left it (its rebuild done): the earlier revocation's complaint, the tokens at the store's head
        database.getCollection(PermitCaseProjection.COLLECTION).updateMany(new Document(), Updates.set("complaint",
                new Document("complaintSha256", "e1".repeat(32)).append("upheld", true)));
        database.getCollection(ProjectionRebuild.COLLECTION).insertOne(new Document("_id", CASES + "@adr-0071-without-suspension-findings")
                .append("state", "reset"));
        TrackingToken head = store.createHeadToken();
        store.shutDown();
        tokens(database).initializeTokenSegments(CASES, 1, head);
        assertThat(caseFile(database, permit)).as("the case file as the earlier release left it").containsKey("complaint");

        Configuration node = start(database, engine, "node-a");
        try {
            awaitRebuilt(database, () -> caseFile(database, permit).containsKey("revocation") && !caseFile(database, permit).containsKey("complaint"));
            assertThat(caseFile(database, permit)).doesNotContainKey("complaint").containsEntry("status", "REVOKED").containsKey("revocation");
        } finally {
            node.shutdown();
        }
    }

    private static Map<String, Object> caseFile(MongoDatabase database, ApplicationId permit) {
        return new PermitCases(database).application(permit.value()).orElse(Map.of());
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
        ProjectionRebuild.module(database, () -> List.of(new PermitCasesRebuild().permitCasesWithAComplaintPerRevocation()), name).configureModule(configurer);
        Configuration node = configurer.buildConfiguration();
        node.start();
        return node;
    }

    private static TokenStore tokens(MongoDatabase database) {
        return new AxonStorageConfiguration().tokenStore(database, JacksonSerializer.defaultSerializer(), java.util.Set.of(), Duration.ofSeconds(1));
    }

    /** Until the replay has passed the store's head and {@code filled} (what the test reads) holds, at most 30 s. */
    private static void awaitRebuilt(MongoDatabase database, java.util.function.BooleanSupplier filled) {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (ProjectionRebuild.rebuilding(database, tokens(database), CASES) || !filled.getAsBoolean()) {
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
