package mn.registry.identity.command;

import com.mongodb.client.MongoDatabase;
import mn.registry.command.api.CommandContext;
import mn.registry.command.api.CommandLog;
import mn.registry.command.api.SignedCommandContext;
import mn.registry.command.backfill.StoreBackfills;
import mn.registry.document.DocumentStore;
import mn.registry.identity.api.ZoneRecordsOfAppointments;
import mn.registry.infrastructure.axon.AxonStorageConfiguration;
import mn.registry.kernel.identity.EndSignerRole;
import mn.registry.kernel.identity.EnrolSigner;
import mn.registry.kernel.identity.PersonEnrolled;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.RevokeSignerCertificate;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.identity.RoleGranted;
import mn.registry.kernel.identity.RoleRevoked;
import mn.registry.kernel.identity.SignerCertificateRevoked;
import mn.registry.kernel.identity.StateStoredActOrder;
import mn.registry.kernel.identity.StoredActOrderStated;
import mn.registry.kernel.identity.StoredActsNamingNoOrder;
import mn.registry.store.testing.EmbeddedMongoExtension;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.util.unit.DataSize;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static mn.registry.identity.command.PersonCertificateRevocationTest.problem;
import static mn.registry.identity.command.PersonEnrolmentTest.AT;
import static mn.registry.identity.command.PersonEnrolmentTest.CABINET;
import static mn.registry.identity.command.PersonEnrolmentTest.FIRST;
import static mn.registry.identity.command.PersonEnrolmentTest.PERSON;
import static mn.registry.identity.command.PersonEnrolmentTest.SEALED;
import static mn.registry.identity.command.PersonEnrolmentTest.SUPERVISOR;
import static mn.registry.identity.command.PersonEnrolmentTest.T0;
import static mn.registry.identity.command.PersonEnrolmentTest.fingerprint;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 26, identity round 8 (abuse audit F420 on): the order of a stored grant or end the registry does not know (its archived command
 * cannot be read, O225; a governor's decision stored by reference only, O242), stated once by an official from the paper file (ADR 0061
 * item 31); and a certificate revoked on the decision of an appointment recorded on the zone alone (O243, item 32). The governor's side of
 * the statement is {@code freezone.governor.IdentityAbuseRound8GovernorsTest}, whose package reaches the governor's acts.
 */
@ExtendWith(EmbeddedMongoExtension.class)
class IdentityAbuseRound8Test {

    private static final String ENROLMENT = "e1".repeat(32);
    private static final String STREAM = PersonCommands.streamOf(PERSON);
    /** When the orders the stored acts rested on were uploaded: before the acts (T0), as an enrolment or an end asked them. */
    private static final Instant UPLOADED = T0.minusSeconds(3_600);

    private MongoDatabase database;
    private CommandLog commandLog;
    private DocumentStore documents;
    private EmbeddedEventStore store;
    private String appointment;
    private String dismissal;
    /** The events of the person's stream as stored before ADR 0061 item 21. */
    private final List<Object> history = new ArrayList<>();

    @BeforeEach
    void fresh(MongoDatabase database) {
        this.database = database;
        database.getCollection(ArchivedIdentityOrders.COLLECTION).drop();
        database.getCollection("commands").drop();
        database.getCollection("documents").drop();
        commandLog = new CommandLog(database, Clock.fixed(T0, ZoneOffset.UTC));
        documents = new DocumentStore(database, Clock.fixed(UPLOADED, ZoneOffset.UTC), DataSize.ofMegabytes(1));
        appointment = upload(documents, "the minister's order appointing reviewer-7");
        dismissal = upload(documents, "the minister's order dismissing reviewer-7");
        store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    }

    @AfterEach
    void close() {
        store.shutDown();
    }

    private static String upload(DocumentStore into, String text) {
        return into.receive(("%PDF-1.4\n" + text + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8), "application/pdf", "order.pdf").document().sha256();
    }

    /** An event stored by the signed command {@code commandId}, whose archived JWS is not in the command log (its order cannot be read, O225). */
    private void stored(Object event, String commandId) {
        MetaData metaData = commandId == null ? MetaData.emptyInstance() : MetaData.with(AxonStorageConfiguration.COMMAND_ID, commandId)
                .and(AxonStorageConfiguration.JWS_SHA256, mn.registry.kernel.crypto.Sha256.hex(commandId.getBytes(StandardCharsets.UTF_8)))
                .and(AxonStorageConfiguration.SIGNED_BY, SUPERVISOR.value());
        store.publish(new GenericDomainEventMessage<>("Person", STREAM, history.size(), event, metaData));
        history.add(event);
    }

    /** Enrolled, then granted the reviewer's role on its enrolled certificate (sequence 1) and dismissed (sequence 2), naming no order. */
    private void grantedAndEndedUnread(boolean ended) {
        stored(PersonEnrolled.signed(PERSON, fingerprint(FIRST), T0, SEALED, SUPERVISOR, ENROLMENT), null);
        stored(new RoleGranted(PERSON, Role.MINISTRY_REVIEWER, null, T0.plusSeconds(60), SUPERVISOR, Person.ENROLMENT_GROUND), "grant-1");
        if (ended) {
            stored(new RoleRevoked(PERSON, Role.MINISTRY_REVIEWER, null, T0.plusSeconds(120), SUPERVISOR, Person.ROLE_END_GROUND), "end-1");
        }
    }

    /** The start's pass, which finds the archive unreadable: it names no order, and counts the acts {@code unread}. */
    private ArchivedIdentityOrders passFindsNothing(int unread) {
        ArchivedIdentityOrders archive = new ArchivedIdentityOrders(database, store, commandLog, Clock.fixed(AT, ZoneOffset.UTC));
        StoreBackfills.run(store, List.of(archive));
        assertThat(archive.ordersOf(STREAM)).isEmpty();
        Document marker = database.getCollection(ArchivedIdentityOrders.COLLECTION).find(new Document("_id", ArchivedIdentityOrders.MARKER)).first();
        assertThat(marker.getInteger("unread")).isEqualTo(unread);
        return archive;
    }

    private AggregateTestFixture<Person> fixture(Person.OrdersOfStoredActs archive) {
        return PersonEnrolmentTest.fixture(archive, documents, (governor, zones) -> Set.of());
    }

    private static CommandContext by(PersonId actor, Role role) {
        return new CommandContext("cmd-" + actor.value() + "-" + System.nanoTime(), AT, AT, actor, Set.of(role), Set.of(), "ab".repeat(32));
    }

    private static CommandMessage<Object> state(long sequence, String document, PersonId actor, Role role) {
        return SignedCommandContext.message(new StateStoredActOrder(PERSON, sequence, document), by(actor, role));
    }

    private static CommandMessage<Object> end(String document) {
        return SignedCommandContext.message(new EndSignerRole(PERSON, Role.MINISTRY_REVIEWER, document), by(SUPERVISOR, Role.MINISTRY_SUPERVISOR));
    }

    private static CommandMessage<Object> grant(String document) {
        return SignedCommandContext.message(new EnrolSigner(PERSON, PersonEnrolmentTest.pem(FIRST), Role.MINISTRY_REVIEWER, document),
                by(SUPERVISOR, Role.MINISTRY_SUPERVISOR));
    }

    private StoredActOrderStated stated(long sequence, String act, String document) {
        return new StoredActOrderStated(PERSON, sequence, act, Role.MINISTRY_REVIEWER, null, document, AT, SUPERVISOR);
    }

    private List<Object> and(Object... more) {
        List<Object> all = new ArrayList<>(history);
        all.addAll(List.of(more));
        return all;
    }

    // ---------------------------------------------------------------- O225: the statement, and the order counted from then on

    @Test
    @DisplayName("001 art. 23.1.1 (ADR 0061 item 31, abuse audit F420, was O225): a reviewer's grant stored before the grants named their order, "
            + "whose archived command cannot be read, is stated by a supervisor on its appointment order; from then on the reviewer is not "
            + "dismissed, nor their certificate revoked, on that order (refused, nothing stored); a dismissal order of its own ends the role")
    void an_unread_grants_order_once_stated_is_not_its_undoing() {
        grantedAndEndedUnread(false);
        ArchivedIdentityOrders archive = passFindsNothing(1);

        fixture(archive).given(history)
                .when(state(1, appointment, SUPERVISOR, Role.MINISTRY_SUPERVISOR))
                .expectEvents(stated(1, "grant", appointment));

        fixture(archive).given(and(stated(1, "grant", appointment)))
                .when(end(appointment))
                .expectNoEvents()
                .expectException(problem("identity.document-of-the-enrolment", "documentSha256"));
        fixture(archive).given(and(stated(1, "grant", appointment)))
                .when(SignedCommandContext.message(new RevokeSignerCertificate(PERSON, null, "key reported lost", appointment),
                        by(SUPERVISOR, Role.MINISTRY_SUPERVISOR)))
                .expectNoEvents()
                .expectException(problem("identity.document-of-the-enrolment", "documentSha256"));
        fixture(archive).given(and(stated(1, "grant", appointment)))
                .when(end(dismissal))
                .expectEvents(RoleRevoked.onDocument(PERSON, Role.MINISTRY_REVIEWER, AT, SUPERVISOR, Person.ROLE_END_GROUND, dismissal));
    }

    @Test
    @DisplayName("001 art. 23.1.1 (ADR 0061 item 31, abuse audit F420, was O225): the orders of an unread grant and end, stated after the end, "
            + "end the role once and do not give it back: the dismissal order does not end the re-appointed role, the appointment order "
            + "does not grant the role again (refused, nothing stored)")
    void unread_orders_stated_after_the_end_count_before_it() {
        grantedAndEndedUnread(true);
        ArchivedIdentityOrders archive = passFindsNothing(2);
        List<Object> statedBoth = and(stated(2, "end", dismissal), stated(1, "grant", appointment));

        fixture(archive).given(statedBoth)
                .when(grant(appointment))
                .expectNoEvents()
                .expectException(problem("identity.role-again-on-a-used-order", "documentSha256"));
        List<Object> reappointed = new ArrayList<>(statedBoth);
        reappointed.add(new RoleGranted(PERSON, Role.MINISTRY_REVIEWER, null, T0.plusSeconds(180), SUPERVISOR, Person.ENROLMENT_GROUND, "a2".repeat(32)));
        fixture(archive).given(reappointed)
                .when(end(dismissal))
                .expectNoEvents()
                .expectException(problem("identity.end-on-a-used-order", "documentSha256"));
    }

    @Test
    @DisplayName("001 art. 23.1.1 (ADR 0061 item 31, abuse audit F420): a stored act's order is stated once: a second statement of the same "
            + "act, on another document or the same, is refused and nothing is stored")
    void a_stored_act_is_stated_once() {
        grantedAndEndedUnread(false);
        ArchivedIdentityOrders archive = passFindsNothing(1);
        for (String document : new String[]{appointment, dismissal}) {
            fixture(archive).given(and(stated(1, "grant", appointment)))
                    .when(state(1, document, SUPERVISOR, Role.MINISTRY_SUPERVISOR))
                    .expectNoEvents()
                    .expectException(problem("identity.stored-act-stated-already", "sequence"));
        }
    }

    @Test
    @DisplayName("001 art. 23.1.1 (ADR 0061 item 31, abuse audit F420): the order of an act whose archived command the start's pass read is not "
            + "stated (it has its order); nor is an act that names its document, the first start's grant, an enrolment or no act at all: refused, "
            + "nothing stored")
    void only_an_act_whose_order_is_unknown_is_stated() {
        stored(PersonEnrolled.signed(PERSON, fingerprint(FIRST), T0, SEALED, SUPERVISOR, ENROLMENT), null);
        stored(new RoleGranted(PERSON, Role.MINISTRY_REVIEWER, null, T0.plusSeconds(60), SUPERVISOR, Person.ENROLMENT_GROUND), "grant-1");
        stored(new RoleGranted(PERSON, Role.APPLICANT, null, T0, null, "first start"), null);
        stored(new RoleGranted(PERSON, Role.TAX_OFFICER, null, T0.plusSeconds(90), CABINET, Person.ENROLMENT_GROUND, "a3".repeat(32)), null);
        Person.OrdersOfStoredActs read = stream -> Map.of(1L, appointment); // the pass read the grant's archived EnrolSigner

        fixture(read).given(history)
                .when(state(1, appointment, SUPERVISOR, Role.MINISTRY_SUPERVISOR))
                .expectNoEvents()
                .expectException(problem("identity.stored-act-has-its-order", "sequence"));
        for (long sequence : new long[]{0, 2, 3, 9}) {
            fixture(read).given(history)
                    .when(state(sequence, appointment, CABINET, Role.CABINET_MEMBER))
                    .expectNoEvents()
                    .expectException(problem("identity.stated-act-unknown", "sequence"));
        }
    }

    @Test
    @DisplayName("001 art. 23.1.1 (ADR 0061 item 31, abuse audit F420): nobody states the order of their own stored act; a supervisor does not "
            + "state the order of a stored grant of a role the Cabinet member grants (a colleague's); the Cabinet member does")
    void who_states_an_order() {
        stored(PersonEnrolled.signed(PERSON, fingerprint(FIRST), T0, SEALED, SUPERVISOR, ENROLMENT), null);
        stored(new RoleGranted(PERSON, Role.MINISTRY_SUPERVISOR, null, T0.plusSeconds(60), CABINET, Person.ENROLMENT_GROUND), "grant-1");
        ArchivedIdentityOrders archive = passFindsNothing(1);

        fixture(archive).given(history)
                .when(state(1, appointment, PERSON, Role.MINISTRY_SUPERVISOR))
                .expectNoEvents()
                .expectException(problem("identity.own-act-stated", null));
        fixture(archive).given(history)
                .when(state(1, appointment, SUPERVISOR, Role.MINISTRY_SUPERVISOR))
                .expectNoEvents()
                .expectException(problem("identity.statement-by-the-cabinet-member", "sequence"));
        fixture(archive).given(history)
                .when(state(1, appointment, CABINET, Role.CABINET_MEMBER))
                .expectEvents(new StoredActOrderStated(PERSON, 1, "grant", Role.MINISTRY_SUPERVISOR, null, appointment, AT, CABINET));
    }

    @Test
    @DisplayName("001 art. 23.1.1 (ADR 0061 item 31, abuse audit F420): a supervisor states, as the order of a colleague's stored grant, a "
            + "document received after the grant (the dismissal order just drawn up, which would then not dismiss): refused, nothing stored")
    void an_order_received_after_the_act_is_not_its_order() {
        grantedAndEndedUnread(false);
        ArchivedIdentityOrders archive = passFindsNothing(1);
        String drawnUpNow = upload(new DocumentStore(database, Clock.fixed(AT, ZoneOffset.UTC), DataSize.ofMegabytes(1)), "a dismissal order of today");

        fixture(archive).given(history)
                .when(state(1, drawnUpNow, SUPERVISOR, Role.MINISTRY_SUPERVISOR))
                .expectNoEvents()
                .expectException(problem("identity.stated-order-received-after-the-act", "documentSha256"));
    }

    // ---------------------------------------------------------------- O242: a governor's appointment stored before item 27

    @Test
    @DisplayName("003 art. 8.2, 001 art. 23.1.1 (ADR 0061 item 31, abuse audit F422, was O242): the decision of a governor's appointment stored "
            + "before decisions were uploaded is stated by the Cabinet member on a copy uploaded now (with its zone), never by a supervisor; the "
            + "governor's certificate is then not revoked on it")
    void a_governors_stored_appointment_is_stated_by_the_cabinet_member() {
        stored(PersonEnrolled.signed(PERSON, fingerprint(FIRST), T0, SEALED, CABINET, ENROLMENT), null);
        stored(new RoleGranted(PERSON, Role.ZONE_GOVERNOR, "altanbulag", T0.plusSeconds(60), CABINET, "order 2026/94"), null);
        String copy = upload(new DocumentStore(database, Clock.fixed(AT, ZoneOffset.UTC), DataSize.ofMegabytes(1)), "order 2026/94, a copy");

        fixture(stream -> Map.of()).given(history)
                .when(state(1, copy, SUPERVISOR, Role.MINISTRY_SUPERVISOR))
                .expectNoEvents()
                .expectException(problem("identity.statement-by-the-cabinet-member", "sequence"));
        fixture(stream -> Map.of()).given(history)
                .when(state(1, copy, CABINET, Role.CABINET_MEMBER))
                .expectEvents(new StoredActOrderStated(PERSON, 1, "grant", Role.ZONE_GOVERNOR, "altanbulag", copy, AT, CABINET));
        // once stated, the governor's certificate is not revoked on it either (F385's rule counts the appointment's document)
        fixture(stream -> Map.of()).given(and(new StoredActOrderStated(PERSON, 1, "grant", Role.ZONE_GOVERNOR, "altanbulag", copy, AT, CABINET)))
                .when(SignedCommandContext.message(new RevokeSignerCertificate(PERSON, null, "key reported lost", copy), by(CABINET, Role.CABINET_MEMBER)))
                .expectNoEvents()
                .expectException(problem("identity.document-of-the-enrolment", "documentSha256"));
    }

    // ---------------------------------------------------------------- O243: an appointment recorded on the zone alone

    @Test
    @DisplayName("001 art. 23.1.1, 003 art. 8.2 (ADR 0061 item 32, abuse audit F421, was O243): the Cabinet member revokes the certificate of a "
            + "governor enrolled with the role at the first start, whose appointment was recorded on the zone alone, on that appointment's "
            + "decision: refused (the zone's record is read), nothing stored; on a report of its own it is revoked")
    void a_certificate_is_not_revoked_on_a_zone_recorded_appointments_decision() {
        String decision = "a7".repeat(32);
        String report = "c7".repeat(32);
        PersonEnrolled enrolled = PersonEnrolled.encrypted(PERSON, fingerprint(FIRST), T0, SEALED); // the first start's
        RoleGranted firstStart = new RoleGranted(PERSON, Role.ZONE_GOVERNOR, "altanbulag", T0, null, "first start");
        ZoneRecordsOfAppointments zoneRecords = (governor, zones) -> governor.equals(PERSON) && zones.contains("altanbulag") ? Set.of(decision) : Set.of();
        CommandMessage<Object> onTheDecision = SignedCommandContext.message(new RevokeSignerCertificate(PERSON, null, "key reported lost", decision),
                by(CABINET, Role.CABINET_MEMBER));

        PersonEnrolmentTest.fixture(stream -> Map.of(), documents, zoneRecords).given(enrolled, firstStart)
                .when(onTheDecision)
                .expectNoEvents()
                .expectException(problem("identity.document-of-the-enrolment", "documentSha256"));
        PersonEnrolmentTest.fixture(stream -> Map.of(), documents, zoneRecords).given(enrolled, firstStart)
                .when(SignedCommandContext.message(new RevokeSignerCertificate(PERSON, null, "key reported lost", report), by(CABINET, Role.CABINET_MEMBER)))
                .expectEvents(new SignerCertificateRevoked(PERSON, fingerprint(FIRST), AT, CABINET, "key reported lost", report));
    }

    // ---------------------------------------------------------------- O261 (round 9): the stored acts the staff pages list

    /**
     * A stream of every kind of act (round 9): the enrolment (0), a reviewer's grant whose archived command the pass read (1), the first
     * start's grant (2), a tax officer's grant naming its order (3), a reviewer's end naming none (4), a governor's appointment stored before
     * decisions were uploaded (5), a supervisor's grant naming none (6), and the statement of the end's order (7).
     */
    private void everyKindOfAct() {
        stored(PersonEnrolled.signed(PERSON, fingerprint(FIRST), T0, SEALED, SUPERVISOR, ENROLMENT), null);
        stored(new RoleGranted(PERSON, Role.MINISTRY_REVIEWER, null, T0.plusSeconds(60), SUPERVISOR, Person.ENROLMENT_GROUND), "grant-1");
        stored(new RoleGranted(PERSON, Role.APPLICANT, null, T0, null, "first start"), null);
        stored(new RoleGranted(PERSON, Role.TAX_OFFICER, null, T0.plusSeconds(90), CABINET, Person.ENROLMENT_GROUND, "a3".repeat(32)), null);
        stored(new RoleRevoked(PERSON, Role.MINISTRY_REVIEWER, null, T0.plusSeconds(120), SUPERVISOR, Person.ROLE_END_GROUND), "end-1");
        stored(new RoleGranted(PERSON, Role.ZONE_GOVERNOR, "altanbulag", T0.plusSeconds(150), CABINET, "order 2026/94"), null);
        stored(new RoleGranted(PERSON, Role.MINISTRY_SUPERVISOR, null, T0.plusSeconds(180), CABINET, Person.ENROLMENT_GROUND), "grant-2");
        stored(stated(4, "end", dismissal), null);
    }

    private List<StoredActsNamingNoOrder.ActNamingNoOrder> listed(Person.OrdersOfStoredActs archive) {
        AggregateTestFixture<Person> fixture = fixture(archive);
        fixture.given(history);
        return new PersonsStoredActs(fixture.getEventStore(), fixture::getRepository, archive, (governor, zones) -> Set.of()).of(PERSON).orElseThrow();
    }

    @Test
    @DisplayName("001 art. 23.1.1, 003 art. 8.2 (ADR 0061 item 33, abuse audit F423, was O261): the staff pages list a person's stored grants "
            + "and ends naming no order the registry can read, with number, act, role, zone, date, whether stated and whether the Cabinet "
            + "member states it; never an act whose order the pass read, names its order, the first start's grant or the enrolment")
    void the_stored_acts_naming_no_order_are_listed() {
        everyKindOfAct();
        Person.OrdersOfStoredActs read = stream -> Map.of(1L, appointment); // the pass read the reviewer's grant's archived EnrolSigner

        assertThat(listed(read)).containsExactly(
                // since ADR 0061 item 60 a stated act carries the order stated (its claim's persons are read by the running registry only)
                new StoredActsNamingNoOrder.ActNamingNoOrder(4, "end", Role.MINISTRY_REVIEWER, null, T0.plusSeconds(120), true, false, null,
                        dismissal, null),
                new StoredActsNamingNoOrder.ActNamingNoOrder(5, "grant", Role.ZONE_GOVERNOR, "altanbulag", T0.plusSeconds(150), false, true, null),
                new StoredActsNamingNoOrder.ActNamingNoOrder(6, "grant", Role.MINISTRY_SUPERVISOR, null, T0.plusSeconds(180), false, true, null));
        assertThat(new PersonsStoredActs(store, () -> null, read, (governor, zones) -> Set.of()).of(new PersonId("nobody-here"))).isEmpty();
    }

    @Test
    @DisplayName("001 art. 23.1.1, 003 art. 8.2 (ADR 0061 item 33, abuse audit F423): the list offers (listed, not stated) exactly the acts whose "
            + "statement is not refused as unknown, as having its order or as stated already, whichever the archive reads: the list and the "
            + "command read the same rules")
    void the_list_offers_what_the_statement_accepts() {
        everyKindOfAct();
        Set<String> notStatable = Set.of("identity.stated-act-unknown", "identity.stored-act-has-its-order", "identity.stored-act-stated-already");
        for (Person.OrdersOfStoredActs archive : List.<Person.OrdersOfStoredActs>of(stream -> Map.of(), stream -> Map.of(1L, appointment),
                stream -> Map.of(1L, appointment, 6L, appointment))) {
            Set<Long> offered = new java.util.HashSet<>();
            listed(archive).stream().filter(act -> !act.stated()).forEach(act -> offered.add(act.sequence()));
            for (long sequence = 0; sequence <= history.size(); sequence++) {
                var result = fixture(archive).given(history).when(state(sequence, appointment, CABINET, Role.CABINET_MEMBER));
                if (offered.contains(sequence)) {
                    result.expectSuccessfulHandlerExecution();
                } else {
                    result.expectNoEvents().expectException(new org.hamcrest.TypeSafeMatcher<mn.registry.kernel.problem.RegistryProblem>() {
                        @Override
                        protected boolean matchesSafely(mn.registry.kernel.problem.RegistryProblem problem) {
                            return notStatable.contains(problem.code());
                        }

                        @Override
                        public void describeTo(org.hamcrest.Description description) {
                            description.appendText("a refusal of an act not statable, one of " + notStatable);
                        }
                    });
                }
            }
        }
    }
}

