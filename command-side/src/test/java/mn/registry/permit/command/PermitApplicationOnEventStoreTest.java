package mn.registry.permit.command;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.mongodb.client.MongoDatabase;
import mn.registry.store.testing.EmbeddedMongoExtension;
import mn.registry.command.api.CommandContext;
import mn.registry.document.DocumentStore;
import mn.registry.infrastructure.calendar.CurrentCalendar;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.permit.PermitApplicationRegistered;
import mn.registry.kernel.permit.PermitRegistrationReceipt;
import mn.registry.kernel.permit.RequiredDocument;
import mn.registry.kernel.problem.RegistryProblem;
import mn.registry.store.mongo.GaplessEventStorageEngine;
import mn.registry.store.testing.TestSealingKeys;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.util.unit.DataSize;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The slice on the registry's own MongoDB event store, as it runs in production. */
@ExtendWith(EmbeddedMongoExtension.class)
class PermitApplicationOnEventStoreTest {


    private Configuration axon;
    private ApplyForPermitType type;

    @BeforeEach
    void start(MongoDatabase database) {
        DocumentStore documents = new DocumentStore(database, Clock.fixed(Instant.parse("2026-11-19T09:00:00Z"), ZoneOffset.UTC), DataSize.ofMegabytes(1));
        for (RequiredDocument kind : RequiredDocument.values()) {
            documents.receive(Applications.content(kind), "text/plain", null);
        }
        JacksonSerializer serializer = JacksonSerializer.builder()
                .objectMapper(Jackson2ObjectMapperBuilder.json().featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build())
                .build();
        GaplessEventStorageEngine engine = GaplessEventStorageEngine.builder()
                .database(database).sealingKey(TestSealingKeys.sealingKey()).eventSerializer(serializer).snapshotSerializer(serializer)
                .build();
        engine.ensureIndexes();
        axon = DefaultConfigurer.defaultConfiguration()
                .configureAggregate(PermitApplication.class)
                .configureEmbeddedEventStore(c -> engine)
                .buildConfiguration();
        axon.start();
        type = new ApplyForPermitType(documents, new CurrentCalendar(axon.eventStore(), Clock.systemUTC()),
                new MongoPermitApplicationIds(database), axon.commandGateway());
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
        assertThat(type.handle(Applications.complete(), signed("cmd-2")).applicationId()).isNotEqualTo(first.applicationId());
    }
}
