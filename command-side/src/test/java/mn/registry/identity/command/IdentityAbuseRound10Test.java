package mn.registry.identity.command;

import com.mongodb.client.MongoDatabase;
import mn.registry.command.api.CommandLog;
import mn.registry.command.backfill.StoreBackfills;
import mn.registry.infrastructure.axon.AxonStorageConfiguration;
import mn.registry.kernel.identity.PersonEnrolled;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.identity.RoleGranted;
import mn.registry.kernel.identity.StoredActsNamingNoOrder;
import mn.registry.kernel.problem.RegistryProblem;
import mn.registry.store.testing.EmbeddedMongoExtension;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static mn.registry.identity.command.PersonEnrolmentTest.AT;
import static mn.registry.identity.command.PersonEnrolmentTest.CABINET;
import static mn.registry.identity.command.PersonEnrolmentTest.FIRST;
import static mn.registry.identity.command.PersonEnrolmentTest.PERSON;
import static mn.registry.identity.command.PersonEnrolmentTest.SEALED;
import static mn.registry.identity.command.PersonEnrolmentTest.SUPERVISOR;
import static mn.registry.identity.command.PersonEnrolmentTest.T0;
import static mn.registry.identity.command.PersonEnrolmentTest.fingerprint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Session 27, identity round 10 (abuse audit F441 on): the staff pages' list of a person's stored acts on a node whose start-up pass has not
 * run (O262). The zone's side of the round (O260) is {@code freezone.governor.IdentityAbuseRound10GovernorsTest}, whose package reaches the
 * governor's acts.
 */
@ExtendWith(EmbeddedMongoExtension.class)
class IdentityAbuseRound10Test {

    private static final String ENROLMENT = "e1".repeat(32);
    private static final String STREAM = PersonCommands.streamOf(PERSON);

    private MongoDatabase database;
    private EmbeddedEventStore store;
    private final List<Object> history = new ArrayList<>();

    @BeforeEach
    void fresh(MongoDatabase database) {
        this.database = database;
        database.getCollection(ArchivedIdentityOrders.COLLECTION).drop();
        database.getCollection("commands").drop();
        store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    }

    @AfterEach
    void close() {
        store.shutDown();
    }

    /** An event stored by the signed command {@code commandId} (none archived: its order cannot be read), or by none. */
    private void stored(Object event, String commandId) {
        MetaData metaData = commandId == null ? MetaData.emptyInstance() : MetaData.with(AxonStorageConfiguration.COMMAND_ID, commandId)
                .and(AxonStorageConfiguration.JWS_SHA256, mn.registry.kernel.crypto.Sha256.hex(commandId.getBytes(StandardCharsets.UTF_8)));
        store.publish(new GenericDomainEventMessage<>("Person", STREAM, history.size(), event, metaData));
        history.add(event);
    }

    private ArchivedIdentityOrders node() {
        return new ArchivedIdentityOrders(database, store, new CommandLog(database, Clock.fixed(T0, ZoneOffset.UTC)), Clock.fixed(AT, ZoneOffset.UTC));
    }

    private StoredActsNamingNoOrder lookup(ArchivedIdentityOrders archive) {
        AggregateTestFixture<Person> fixture = PersonEnrolmentTest.fixture(archive);
        fixture.given(history);
        return new PersonsStoredActs(fixture.getEventStore(), fixture::getRepository, archive);
    }

    @Test
    @DisplayName("001 art. 23.1.1 (abuse audit F441, was O262; ADR 0061 item 35): a supervisor looks up a person with an official's grant naming "
            + "no order on a node whose start-up pass has not run: answered at once that the list follows the pass (identity.orders-not-ready), "
            + "not after a minute; a governor's stored act needs no archive and is listed meanwhile; once the pass ran, the list is given")
    void the_list_says_at_once_that_it_follows_the_pass() {
        stored(PersonEnrolled.signed(PERSON, fingerprint(FIRST), T0, SEALED, SUPERVISOR, ENROLMENT), null);
        stored(new RoleGranted(PERSON, Role.ZONE_GOVERNOR, "altanbulag", T0.plusSeconds(30), CABINET, "order 2026/94"), null);
        ArchivedIdentityOrders heldBack = node();
        assertThat(lookup(heldBack).of(PERSON).orElseThrow()).as("a governor's act is never in the archive: listed before the pass")
                .extracting(StoredActsNamingNoOrder.ActNamingNoOrder::sequence).containsExactly(1L);

        stored(new RoleGranted(PERSON, Role.MINISTRY_REVIEWER, null, T0.plusSeconds(60), SUPERVISOR, Person.ENROLMENT_GROUND), "grant-1");
        StoredActsNamingNoOrder beforeThePass = lookup(heldBack);
        long asked = System.nanoTime();
        RegistryProblem notReady = catchThrowableOfType(() -> beforeThePass.of(PERSON), RegistryProblem.class);
        Duration waited = Duration.ofNanos(System.nanoTime() - asked);
        assertThat(notReady).as("the list needs the archive, whose pass has not run").isNotNull();
        assertThat(notReady.code()).isEqualTo("identity.orders-not-ready");
        assertThat(waited).as("answered at once, not after the statement's minute").isLessThan(Duration.ofSeconds(5));

        StoreBackfills.run(store, List.of(heldBack));
        assertThat(lookup(heldBack).of(PERSON).orElseThrow()).extracting(StoredActsNamingNoOrder.ActNamingNoOrder::sequence).containsExactly(1L, 2L);
    }
}
