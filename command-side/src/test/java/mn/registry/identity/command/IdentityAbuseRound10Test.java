package mn.registry.identity.command;

import com.mongodb.client.MongoDatabase;
import mn.registry.command.api.CommandContext;
import mn.registry.command.api.CommandLog;
import mn.registry.command.api.SignedCommandContext;
import mn.registry.freezone.governor.ZoneAloneAppointmentFixture;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.RevokeSignerCertificate;
import mn.registry.kernel.identity.StateStoredActOrder;
import mn.registry.kernel.identity.StoredActOrderStated;
import org.axonframework.commandhandling.CommandMessage;
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
import java.util.Map;
import java.util.Set;

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
import static mn.registry.freezone.governor.ZoneAloneAppointmentFixture.APPOINTED;
import static mn.registry.freezone.governor.ZoneAloneAppointmentFixture.APPOINTMENT_ON_THE_ZONE;
import static mn.registry.freezone.governor.ZoneAloneAppointmentFixture.CABINET_MEMBER;
import static mn.registry.freezone.governor.ZoneAloneAppointmentFixture.EARLIER_DISMISSAL_ON_THE_ZONE;
import static mn.registry.freezone.governor.ZoneAloneAppointmentFixture.GOVERNOR;
import static mn.registry.freezone.governor.ZoneAloneAppointmentFixture.ZONE;
import static mn.registry.identity.command.PersonCertificateRevocationTest.problem;

/**
 * Session 27, identity round 10 (abuse audit F441 on): the staff pages' list of a person's stored acts on a node whose start-up pass has not
 * run (O262); the decision of a governor's appointment recorded on the zone alone before decisions were uploaded, stated on the governor's
 * stream (O260, {@link ZoneAloneAppointmentFixture}). The dismissal's side of O260 is {@code freezone.governor.IdentityAbuseRound10GovernorsTest},
 * whose package reaches the governor's acts.
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
        return new PersonsStoredActs(fixture.getEventStore(), fixture::getRepository, archive, (governor, zones) -> Set.of());
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

    // ---------------------------------------------------------------- O260: an appointment recorded on the zone alone

    private static final String COPY = "c9".repeat(32);

    private static CommandMessage<Object> stateOnTheZone(long number, PersonId actor, Role role) {
        return SignedCommandContext.message(new StateStoredActOrder(GOVERNOR, number, COPY, ZONE),
                new CommandContext("cmd-" + actor.value() + "-" + System.nanoTime(), AT, AT, actor, Set.of(role), Set.of(), "ab".repeat(32)));
    }

    private static StoredActOrderStated statedOnTheZone() {
        return new StoredActOrderStated(GOVERNOR, APPOINTMENT_ON_THE_ZONE, "grant", Role.ZONE_GOVERNOR, ZONE.value(), COPY, AT, CABINET_MEMBER,
                ZONE.stream());
    }

    private static AggregateTestFixture<Person> governor(EmbeddedEventStore zones) {
        return PersonEnrolmentTest.fixture(stream -> Map.of(), org.mockito.Mockito.mock(mn.registry.document.DocumentStore.class),
                ZoneAloneAppointmentFixture.zoneRecords(zones));
    }

    private static List<Object> governorsStreamAnd(Object... more) {
        List<Object> all = new ArrayList<>(ZoneAloneAppointmentFixture.governorsStream());
        all.addAll(List.of(more));
        return all;
    }

    @Test
    @DisplayName("003 art. 8.2, 001 art. 23.1.1 (ADR 0061 item 36, abuse audit F442, was O260): the Cabinet member states the decision of a "
            + "governor's appointment stored before decisions were uploaded on the zone alone (enrolled with the role at the first start), named "
            + "by its number on the zone's stream: kept on the governor's stream, naming that stream; the governor's certificate is then not "
            + "revoked on that decision (refused, nothing stored), and on a report of its own it is")
    void a_zone_alone_appointment_is_stated_on_the_governors_stream() {
        EmbeddedEventStore zones = ZoneAloneAppointmentFixture.store();
        governor(zones).given(ZoneAloneAppointmentFixture.governorsStream())
                .when(stateOnTheZone(APPOINTMENT_ON_THE_ZONE, CABINET_MEMBER, Role.CABINET_MEMBER))
                .expectEvents(new StoredActOrderStated(GOVERNOR, APPOINTMENT_ON_THE_ZONE, "grant", Role.ZONE_GOVERNOR, ZONE.value(), COPY, AT,
                        CABINET_MEMBER, ZONE.stream()));
        governor(zones).given(governorsStreamAnd(statedOnTheZone()))
                .when(SignedCommandContext.message(new RevokeSignerCertificate(GOVERNOR, null, "key reported lost", COPY),
                        new CommandContext("rev", AT, AT, CABINET_MEMBER, Set.of(Role.CABINET_MEMBER), Set.of(), "ab".repeat(32))))
                .expectNoEvents()
                .expectException(problem("identity.document-of-the-enrolment", "documentSha256"));
        governor(zones).given(governorsStreamAnd(statedOnTheZone()))
                .when(SignedCommandContext.message(new RevokeSignerCertificate(GOVERNOR, null, "key reported lost", "4e".repeat(32)),
                        new CommandContext("rev", AT, AT, CABINET_MEMBER, Set.of(Role.CABINET_MEMBER), Set.of(), "ab".repeat(32))))
                .expectSuccessfulHandlerExecution();
        zones.shutDown();
    }

    @Test
    @DisplayName("003 art. 8.2, 001 art. 23.1.1 (ADR 0061 item 36, abuse audit F442): a zone-alone appointment's decision is stated once, by the "
            + "Cabinet member, never by the governor; not another governor's act on the zone's record, not a number of no act, not an "
            + "appointment recorded on the governor's stream too (stated there); a statement of the governor's own stream's numbers is judged "
            + "as before: each refused, nothing stored")
    void only_a_zone_alone_act_is_stated_and_once() {
        EmbeddedEventStore zones = ZoneAloneAppointmentFixture.store();
        governor(zones).given(governorsStreamAnd(statedOnTheZone()))
                .when(stateOnTheZone(APPOINTMENT_ON_THE_ZONE, CABINET_MEMBER, Role.CABINET_MEMBER))
                .expectNoEvents().expectException(problem("identity.stored-act-stated-already", "sequence"));
        governor(zones).given(ZoneAloneAppointmentFixture.governorsStream())
                .when(stateOnTheZone(APPOINTMENT_ON_THE_ZONE, SUPERVISOR, Role.MINISTRY_SUPERVISOR))
                .expectNoEvents().expectException(problem("identity.statement-by-the-cabinet-member", "sequence"));
        governor(zones).given(ZoneAloneAppointmentFixture.governorsStream())
                .when(stateOnTheZone(APPOINTMENT_ON_THE_ZONE, GOVERNOR, Role.CABINET_MEMBER))
                .expectNoEvents().expectException(problem("identity.own-act-stated", null));
        for (long number : new long[]{EARLIER_DISMISSAL_ON_THE_ZONE, 0, 7}) {
            governor(zones).given(ZoneAloneAppointmentFixture.governorsStream())
                    .when(stateOnTheZone(number, CABINET_MEMBER, Role.CABINET_MEMBER))
                    .expectNoEvents().expectException(problem("identity.stated-act-unknown", "sequence"));
        }
        // the same number on the governor's own stream is the first start's grant, signed by nobody: unknown, as before item 36
        governor(zones).given(ZoneAloneAppointmentFixture.governorsStream())
                .when(SignedCommandContext.message(new StateStoredActOrder(GOVERNOR, 1L, COPY),
                        new CommandContext("own-stream", AT, AT, CABINET_MEMBER, Set.of(Role.CABINET_MEMBER), Set.of(), "ab".repeat(32))))
                .expectNoEvents().expectException(problem("identity.stated-act-unknown", "sequence"));
        // an appointment recorded on the governor's stream too (the role granted by it): its decision is stated there, once
        governor(zones).given(ZoneAloneAppointmentFixture.governorsStream().get(0),
                        new RoleGranted(GOVERNOR, Role.ZONE_GOVERNOR, ZONE.value(), APPOINTED, CABINET_MEMBER, ZoneAloneAppointmentFixture.REFERENCE))
                .when(stateOnTheZone(APPOINTMENT_ON_THE_ZONE, CABINET_MEMBER, Role.CABINET_MEMBER))
                .expectNoEvents().expectException(problem("identity.stated-act-unknown", "sequence"));
        zones.shutDown();
    }
}
