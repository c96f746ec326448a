package mn.registry.permit.command;

import mn.registry.kernel.permit.*;
import static mn.registry.permit.command.Signed.signed;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoDatabase;
import mn.registry.store.testing.EmbeddedMongoExtension;
import mn.registry.command.api.CommandContext;
import mn.registry.document.DocumentStore;
import mn.registry.kernel.crypto.Sha256;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.permit.DocumentRef;
import mn.registry.kernel.permit.PermitApplicationRegistered;
import mn.registry.kernel.permit.PermitDocumentsReceived;
import mn.registry.kernel.permit.PermitRegistrationReceipt;
import mn.registry.kernel.permit.RequiredDocument;
import mn.registry.kernel.problem.RegistryProblem;
import mn.registry.store.mongo.GaplessEventStorageEngine;
import mn.registry.store.testing.TestSealingKeys;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.util.unit.DataSize;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The slice on the registry's own MongoDB event store, as it runs in production. */
@ExtendWith(EmbeddedMongoExtension.class)
class PermitApplicationOnEventStoreTest {


    /** The name an applicant gave their files: it names a person, as real uploads often do. */
    private static final String PERSON_IN_FILE_NAME = "Bat-Erdene passport";

    private Configuration axon;
    private PermitCommandTypes.ApplyForPermitType type;
    private JacksonSerializer serializer;
    private MongoDatabase database;

    @BeforeEach
    void start(MongoDatabase database) {
        this.database = database;
        DocumentStore documents = new DocumentStore(database, Clock.fixed(Instant.parse("2026-11-19T09:00:00Z"), ZoneOffset.UTC), DataSize.ofMegabytes(1));
        for (RequiredDocument kind : RequiredDocument.values()) {
            documents.receive(Applications.content(kind), "text/plain", PERSON_IN_FILE_NAME + " " + kind + ".txt");
        }
        serializer = JacksonSerializer.builder()
                .objectMapper(Jackson2ObjectMapperBuilder.json().featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build())
                .build();
        GaplessEventStorageEngine engine = GaplessEventStorageEngine.builder()
                .database(database).sealingKey(TestSealingKeys.sealingKey()).eventSerializer(serializer).snapshotSerializer(serializer)
                .build();
        engine.ensureIndexes();
        axon = CompanyClaimsFixture.permitAxon(database, documents, engine);
        type = new PermitCommandTypes.ApplyForPermitType(axon.commandGateway(), new MongoPermitApplicationIds(database),
                CompanyClaimsFixture.claims(database, axon), CompanyClaimsFixture.documentClaims(database));
    }

    @AfterEach
    void shutdown() {
        axon.shutdown();
    }

    private static CommandContext signed(String commandId) {
        Instant receivedAt = Instant.parse("2026-11-20T03:00:00.123456789Z");
        return new CommandContext(commandId, receivedAt.minusSeconds(1), receivedAt, new PersonId("applicant-1"),
                Set.of(Role.APPLICANT), Set.of(), "ef".repeat(32));
    }

    @Test
    @DisplayName("002 art. 26.2.1: the registration is stored, sealed, and read back from the event store exactly as applied")
    void stored_and_read_back() {
        PermitRegistrationReceipt receipt = type.handle(Applications.complete(), signed("cmd-1"));

        List<? extends DomainEventMessage<?>> stream = axon.eventStore().readEvents(receipt.applicationId().value()).asStream().toList();
        assertThat(stream).hasSize(1);
        PermitApplicationRegistered event = (PermitApplicationRegistered) stream.get(0).getPayload();
        assertThat(PermitRegistrationReceipt.of(event)).isEqualTo(receipt);
        assertThat(event.documents()).hasSize(6);
        assertThat(event.receivedAt()).isEqualTo(Instant.parse("2026-11-20T03:00:00.123456789Z"));
    }

    @Test
    @DisplayName("the same signed command arriving twice meets its own application and is refused; one registration stays")
    void same_command_twice_registers_once() {
        PermitRegistrationReceipt first = type.handle(Applications.complete(), signed("cmd-1"));

        assertThatThrownBy(() -> type.handle(Applications.complete(), signed("cmd-1")))
                .isInstanceOfSatisfying(RegistryProblem.class, p -> {
                    assertThat(p.code()).isEqualTo("permit.already-registered");
                    assertThat(p.kind().status()).isEqualTo(409);
                    assertThat(p.getMessage()).contains(first.applicationId().value());
                });

        assertThat(axon.eventStore().readEvents(first.applicationId().value()).asStream().toList()).hasSize(1);
        assertThat(type.handle(Applications.completeFor("6543211"), signed("cmd-2")).applicationId()).isNotEqualTo(first.applicationId());
    }

    @Test
    @DisplayName("issue 14 item 4: a cited document is sealed by kind and hash only; the file name naming the applicant stays out of the stored event")
    void file_name_never_sealed() {
        PermitRegistrationReceipt receipt = type.handle(Applications.complete(), signed("cmd-1"));

        List<String> stored = database.getCollection("events").find().map(Document::toJson).into(new ArrayList<>());
        assertThat(stored).as("the stored, sealed registration").anyMatch(json -> json.contains(receipt.applicationId().value())
                && json.contains(Sha256.hex(Applications.content(RequiredDocument.AUDITED_FINANCIAL_STATEMENTS))));
        assertThat(stored).as("every stored event").allSatisfy(json -> assertThat(json).doesNotContain(PERSON_IN_FILE_NAME).doesNotContain("fileName"));
        assertThat(database.getCollection("documents").find().map(Document::toJson).into(new ArrayList<>()))
                .as("the name is kept where erasure reaches it (the test is not blind)").anyMatch(d -> d.contains(PERSON_IN_FILE_NAME));
    }

    @Test
    @DisplayName("issue 14 item 4: an event sealed before the change, with the uploader's file name, still replays and the name is dropped")
    void old_event_with_file_name_replays() throws IOException {
        String stored;
        try (InputStream in = getClass().getResourceAsStream("/events/permit-documents-received-with-file-name.json")) {
            stored = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(stored).as("the sample is an old event with a file name").contains("\"fileName\":\"Bat-Erdene passport.pdf\"");

        PermitDocumentsReceived old = serializer.deserialize(new SimpleSerializedObject<>(stored, String.class,
                PermitDocumentsReceived.class.getName(), null));

        assertThat(old.applicationId().value()).isEqualTo("0b6a1f2e-3c4d-4e5f-8a9b-1c2d3e4f5a6b");
        assertThat(old.documents()).containsExactly(new DocumentRef(RequiredDocument.CORRESPONDENT_BANK_REFERENCE, "12".repeat(32), 10,
                "application/pdf", Instant.parse("2026-11-19T01:00:00Z")));
        assertThat(serializer.serialize(old, String.class).getData()).as("written again, it names no file").doesNotContain("Bat-Erdene");
        // the record itself ignores the old field, whatever the leniency of the mapper the registry is configured with
        ObjectMapper strict = JsonMapper.builder().addModule(new JavaTimeModule()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        assertThat(strict.readValue(stored, PermitDocumentsReceived.class)).isEqualTo(old);
    }
    @Test
    @DisplayName("002 art. 29.6 (ADR 0046 item 61, F211, was O125): at start, a reinstatement stored before F206 (its stream appended as it "
            + "was stored) has the duties its revocation stopped raised again, with their deadlines; a second start raises nothing")
    void a_reinstatement_stored_before_F206_has_its_duties_raised_at_start() {
        List<Object> stored = new ArrayList<>(PermitAbuseRound15Test.revokedWithDutiesOpenAndComplained());
        stored.add(PermitAbuseRound15Test.upheld()); // and nothing after it: the duties stayed open with no deadline
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        for (int seq = 0; seq < stored.size(); seq++) {
            messages.add(new org.axonframework.eventhandling.GenericDomainEventMessage<>("PermitApplication", PermitLifecycleTest.ID.value(), seq,
                    stored.get(seq)));
        }
        axon.eventStore().publish(messages);
        Instant started = PermitAbuseRound15Test.DECIDED_AT.plusSeconds(86_400 * 2);
        ReinstatedDutiesBackfill backfill = new ReinstatedDutiesBackfill(database, axon.eventStore(), axon.commandGateway(),
                Clock.fixed(started, ZoneOffset.UTC));

        backfill.start();

        List<Object> stream = axon.eventStore().readEvents(PermitLifecycleTest.ID.value()).asStream().map(m -> (Object) m.getPayload()).toList();
        java.time.LocalDate today = mn.registry.kernel.calendar.UlaanbaatarTime.dateOf(started);
        assertThat(stream.subList(stored.size(), stream.size())).containsExactly(
                PermitLifecycleTest.dutyOnDate(PermitDuty.ANNUAL_INSPECTION, PermitLifecycleTest.VALID_FROM.plusYears(1), started),
                PermitLifecycleTest.dutyOnDate(PermitDuty.DECIDE_TAX_SUSPENSION_REQUEST, today, started),
                PermitLifecycleTest.dutyOnDate(PermitDuty.RENEW_INSURANCE, PermitLifecycleTest.INSURED_UNTIL, started));
        PermitDeadlineRules rules = new PermitDeadlineRules();
        java.util.Map<String, java.time.LocalDate> deadlines = new java.util.TreeMap<>();
        for (int seq = stored.size(); seq < stream.size(); seq++) {
            rules.instructionsFor(stream.get(seq), seq).stream().filter(mn.registry.deadline.DeadlineInstruction.Start.class::isInstance)
                    .map(i -> ((mn.registry.deadline.DeadlineInstruction.Start) i).deadline())
                    .forEach(d -> deadlines.put(d.kind(), d.due()));
        }
        assertThat(deadlines).containsExactly(
                java.util.Map.entry(PermitDeadlineRules.dutyKind(PermitDuty.ANNUAL_INSPECTION), PermitLifecycleTest.VALID_FROM.plusYears(1)),
                java.util.Map.entry(PermitDeadlineRules.dutyKind(PermitDuty.DECIDE_TAX_SUSPENSION_REQUEST), today),
                java.util.Map.entry(PermitDeadlineRules.dutyKind(PermitDuty.RENEW_INSURANCE), PermitLifecycleTest.INSURED_UNTIL));
        Document marker = database.getCollection(mn.registry.deadline.MongoDeadlines.DAYS).find(new Document("_id", ReinstatedDutiesBackfill.MARKER)).first();
        assertThat(marker).isNotNull();
        assertThat(marker.getInteger("permits")).isEqualTo(1);

        backfill.start(); // a second start: the marker is there, the store is not read
        database.getCollection(mn.registry.deadline.MongoDeadlines.DAYS).deleteOne(new Document("_id", ReinstatedDutiesBackfill.MARKER));
        backfill.start(); // the marker lost (a replay of the deadlines): the permit is asked again and raises nothing
        assertThat(axon.eventStore().readEvents(PermitLifecycleTest.ID.value()).asStream().toList()).hasSize(stream.size());
    }
}
