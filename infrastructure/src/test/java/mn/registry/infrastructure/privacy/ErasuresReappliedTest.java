package mn.registry.infrastructure.privacy;

import com.mongodb.client.MongoDatabase;
import mn.registry.infrastructure.identity.IdentityDirectory;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.PersonalDataErased;
import mn.registry.store.testing.EmbeddedMongoExtension;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** ADR 0014, issue 14 item 4: a vault restored from a copy older than an erasure loses the key again, and every holder is told. */
@ExtendWith(EmbeddedMongoExtension.class)
class ErasuresReappliedTest {

    private final MongoDatabase db;

    ErasuresReappliedTest(MongoDatabase db) {
        this.db = db;
    }

    @Test
    @DisplayName("001 art. 53.1: an erasure recorded as an event destroys a restored key again and clears what holders kept in clear; others are untouched")
    void a_restored_key_is_destroyed_again_and_holders_are_told() {
        PersonalDataVault vault = new PersonalDataVault(db, Clock.systemUTC());
        PersonId erased = new PersonId("citizen-1");
        PersonId kept = new PersonId("citizen-2");
        var sealed = vault.seal(erased, "command-jws", "a JWS").orElseThrow();
        vault.seal(kept, "command-jws", "another JWS").orElseThrow();
        EmbeddedEventStore events = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        events.publish(new GenericDomainEventMessage<>("Person", IdentityDirectory.streamOf(erased), 0,
                new PersonalDataErased(erased, PersonalDataVault.keyId(erased), "request", Instant.parse("2026-12-01T00:00:00Z"), new PersonId("supervisor-1"))));
        List<PersonId> told = new ArrayList<>();
        ErasuresReapplied reapplied = new ErasuresReapplied(events, vault, List.of(person -> {
            told.add(person);
            return 1;
        }));

        assertThat(reapplied.reapply()).isEqualTo(1);
        assertThat(told).containsExactly(erased);
        assertThat(vault.open(erased, "command-jws", sealed)).isEmpty();
        assertThat(vault.erased(kept)).isFalse();
        assertThat(reapplied.reapply()).as("nothing left to re-apply").isZero();
        assertThat(told).hasSize(1);
        events.shutDown();
    }
}
