package mn.registry.identity.command;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoDatabase;
import mn.registry.command.api.CommandContext;
import mn.registry.command.api.CommandLog;
import mn.registry.command.api.SignedCommandContext;
import mn.registry.command.backfill.StoreBackfills;
import mn.registry.infrastructure.axon.AxonStorageConfiguration;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.kernel.crypto.Sha256;
import mn.registry.kernel.identity.EndSignerRole;
import mn.registry.kernel.identity.EnrolSigner;
import mn.registry.kernel.identity.PersonEnrolled;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.identity.RoleGranted;
import mn.registry.kernel.identity.RoleRevoked;
import mn.registry.kernel.problem.RegistryProblem;
import mn.registry.store.testing.EmbeddedMongoExtension;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static mn.registry.identity.command.PersonEnrolmentTest.AT;
import static mn.registry.identity.command.PersonEnrolmentTest.FIRST;
import static mn.registry.identity.command.PersonEnrolmentTest.PERSON;
import static mn.registry.identity.command.PersonEnrolmentTest.SEALED;
import static mn.registry.identity.command.PersonEnrolmentTest.SUPERVISOR;
import static mn.registry.identity.command.PersonEnrolmentTest.T0;
import static mn.registry.identity.command.PersonEnrolmentTest.fingerprint;
import static mn.registry.identity.command.PersonEnrolmentTest.fixture;
import static mn.registry.identity.command.PersonEnrolmentTest.pem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 24, identity round 6 (abuse audit F383 on): the orders of grants and ends stored before ADR 0061 item 21, read from the archived
 * signed commands at start (ADR 0061 item 23), against a supervisor who cites such an order again.
 */
@ExtendWith(EmbeddedMongoExtension.class)
class IdentityAbuseRound6Test {

    private static final String ENROLMENT = "e1".repeat(32);
    private static final String APPOINTMENT = "a1".repeat(32);
    private static final String DISMISSAL = "d1".repeat(32);
    private static final String REAPPOINTMENT = "a2".repeat(32);
    private static final String NEW_DISMISSAL = "d2".repeat(32);
    private static final String STREAM = PersonCommands.streamOf(PERSON);

    private MongoDatabase database;
    private CommandLog commandLog;
    private EmbeddedEventStore store;
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void fresh(MongoDatabase database) {
        this.database = database;
        database.getCollection(ArchivedIdentityOrders.COLLECTION).drop();
        database.getCollection("commands").drop();
        commandLog = new CommandLog(database, Clock.fixed(T0, ZoneOffset.UTC));
        store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        logged.start();
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(ArchivedIdentityOrders.class)).addAppender(logged);
    }

    @AfterEach
    void close() {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(ArchivedIdentityOrders.class)).detachAppender(logged);
        store.shutDown();
    }

    private ArchivedIdentityOrders node() {
        return new ArchivedIdentityOrders(database, store, commandLog, Clock.fixed(AT, ZoneOffset.UTC));
    }

    // ---------------------------------------------------------------- a registry that ran before ADR 0061 item 21

    /** A flattened JWS of {@code body} as a signed command's envelope (the pass reads it unverified: its SHA-256 is what is checked). */
    private static String jws(String commandId, String type, Object body) {
        ObjectNode envelope = CanonicalJson.mapper().createObjectNode().put("commandId", commandId).put("type", type).put("signedAt", T0.toString());
        envelope.set("command", CanonicalJson.mapper().valueToTree(body));
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return "{\"protected\":\"" + b64.encodeToString("{\"alg\":\"EdDSA\"}".getBytes(StandardCharsets.UTF_8)) + "\",\"payload\":\""
                + b64.encodeToString(CanonicalJson.canonicalize(envelope)) + "\",\"signature\":\"" + b64.encodeToString(new byte[64]) + "\"}";
    }

    /** The events of a stream as stored before item 21, each applied by the signed command archived here (or by none: {@code null}). */
    private final List<Object> history = new ArrayList<>();

    private void stored(Object event, String commandId, String type, Object body) {
        MetaData metaData = MetaData.emptyInstance();
        if (commandId != null) {
            String signed = jws(commandId, type, body);
            String sha256 = Sha256.hex(signed.getBytes(StandardCharsets.UTF_8));
            commandLog.claim(commandId, sha256, signed, type, SUPERVISOR.value());
            commandLog.done(commandId, "{}", 200);
            metaData = MetaData.with(AxonStorageConfiguration.COMMAND_ID, commandId).and(AxonStorageConfiguration.JWS_SHA256, sha256)
                    .and(AxonStorageConfiguration.SIGNED_BY, SUPERVISOR.value());
        }
        store.publish(new GenericDomainEventMessage<>("Person", STREAM, history.size(), event, metaData));
        history.add(event);
    }

    /** Enrolled on {@link #ENROLMENT}, then granted the reviewer's role on its enrolled certificate on {@link #APPOINTMENT}: no order named. */
    private void grantedBeforeItem21() {
        stored(PersonEnrolled.signed(PERSON, fingerprint(FIRST), T0, SEALED, SUPERVISOR, ENROLMENT), "enrol-1", "EnrolSigner",
                new EnrolSigner(PERSON, pem(FIRST), null, ENROLMENT));
        stored(new RoleGranted(PERSON, Role.MINISTRY_REVIEWER, null, T0.plusSeconds(60), SUPERVISOR, Person.ENROLMENT_GROUND), "grant-1",
                "EnrolSigner", new EnrolSigner(PERSON, pem(FIRST), Role.MINISTRY_REVIEWER, APPOINTMENT));
    }

    /** ... and dismissed on {@link #DISMISSAL}, the end naming no order either. */
    private void endedBeforeItem21() {
        grantedBeforeItem21();
        stored(new RoleRevoked(PERSON, Role.MINISTRY_REVIEWER, null, T0.plusSeconds(120), SUPERVISOR, Person.ROLE_END_GROUND), "end-1",
                "EndSignerRole", new EndSignerRole(PERSON, Role.MINISTRY_REVIEWER, DISMISSAL));
    }

    private static CommandMessage<Object> end(String document) {
        return SignedCommandContext.message(new EndSignerRole(PERSON, Role.MINISTRY_REVIEWER, document),
                new CommandContext("end-" + document.substring(0, 4), AT, AT, SUPERVISOR, Set.of(Role.MINISTRY_SUPERVISOR), Set.of(), "ab".repeat(32)));
    }

    private static CommandMessage<Object> grant(String document) {
        return SignedCommandContext.message(new EnrolSigner(PERSON, pem(FIRST), Role.MINISTRY_REVIEWER, document),
                new CommandContext("grant-" + document.substring(0, 4), AT, AT, SUPERVISOR, Set.of(Role.MINISTRY_SUPERVISOR), Set.of(), "ab".repeat(32)));
    }

    private ArchivedIdentityOrders passRun() {
        ArchivedIdentityOrders node = node();
        assertThat(StoreBackfills.run(store, List.of(node))).isEqualTo(1);
        return node;
    }

    private Document marker() {
        return database.getCollection(ArchivedIdentityOrders.COLLECTION).find(new Document("_id", ArchivedIdentityOrders.MARKER)).first();
    }

    // ---------------------------------------------------------------- the holes

    @Test
    @DisplayName("001 art. 23.1.1 (ADR 0061 item 23, abuse audit F383, was O202): a reviewer granted the role on their enrolled certificate "
            + "before the grants named their order is dismissed on that grant's appointment order: refused once the start's pass read the order "
            + "from the archived EnrolSigner, nothing stored; a dismissal order of its own ends the role")
    void a_grants_order_stored_before_item_21_is_not_its_undoing() {
        grantedBeforeItem21();
        ArchivedIdentityOrders archive = passRun();
        assertThat(archive.ordersOf(STREAM)).as("the grant at sequence 1 rested on the appointment").containsExactly(Map.entry(1L, APPOINTMENT));

        fixture(archive).given(history)
                .when(end(APPOINTMENT))
                .expectNoEvents()
                .expectException(PersonCertificateRevocationTest.problem("identity.document-of-the-enrolment", "documentSha256"));
        fixture(archive).given(history)
                .when(end(DISMISSAL))
                .expectEvents(RoleRevoked.onDocument(PERSON, Role.MINISTRY_REVIEWER, AT, SUPERVISOR, Person.ROLE_END_GROUND, DISMISSAL));
    }

    @Test
    @DisplayName("001 art. 23.1.1 (ADR 0061 item 23, abuse audit F384, was O202): a reviewer dismissed before the ends named their order, and "
            + "re-appointed since, is dismissed again on the first dismissal's order, or given the role back on the order of the grant or of the "
            + "dismissal stored before: refused, nothing stored; a new order does each")
    void an_end_stored_before_item_21_ends_the_role_once() {
        endedBeforeItem21();
        ArchivedIdentityOrders archive = passRun();

        fixture(archive).given(history)
                .when(grant(APPOINTMENT))
                .expectNoEvents()
                .expectException(PersonCertificateRevocationTest.problem("identity.role-again-on-a-used-order", "documentSha256"));
        fixture(archive).given(history)
                .when(grant(DISMISSAL))
                .expectNoEvents()
                .expectException(PersonCertificateRevocationTest.problem("identity.role-again-on-a-used-order", "documentSha256"));
        fixture(archive).given(history)
                .when(grant(REAPPOINTMENT))
                .expectEvents(new RoleGranted(PERSON, Role.MINISTRY_REVIEWER, null, AT, SUPERVISOR, Person.ENROLMENT_GROUND, REAPPOINTMENT));

        List<Object> reappointed = new ArrayList<>(history);
        reappointed.add(new RoleGranted(PERSON, Role.MINISTRY_REVIEWER, null, T0.plusSeconds(180), SUPERVISOR, Person.ENROLMENT_GROUND, REAPPOINTMENT));
        fixture(archive).given(reappointed)
                .when(end(DISMISSAL))
                .expectNoEvents()
                .expectException(PersonCertificateRevocationTest.problem("identity.end-on-a-used-order", "documentSha256"));
        fixture(archive).given(reappointed)
                .when(end(NEW_DISMISSAL))
                .expectEvents(RoleRevoked.onDocument(PERSON, Role.MINISTRY_REVIEWER, AT, SUPERVISOR, Person.ROLE_END_GROUND, NEW_DISMISSAL));
    }

    private static CommandMessage<Object> revoke(String certificate, String document) {
        return SignedCommandContext.message(new mn.registry.kernel.identity.RevokeSignerCertificate(PERSON, certificate, "key reported lost", document),
                new CommandContext("revoke-" + document.substring(0, 4), AT, AT, SUPERVISOR, Set.of(Role.MINISTRY_SUPERVISOR), Set.of(), "ab".repeat(32)));
    }

    @Test
    @DisplayName("001 art. 23.1.1 (abuse audit F385): a supervisor revokes a representative's certificate on the power of representation their "
            + "role was granted on (a certificate enrolled before, so F184 knew only the enrolment's document), or on the order of a grant stored "
            + "before the grants named it, read from the archive: refused, nothing stored; on the holder's own report it is revoked")
    void a_certificate_is_not_revoked_on_the_order_of_a_grant() {
        String power = "b1".repeat(32);
        String report = "c1".repeat(32);
        PersonEnrolled enrolled = PersonEnrolled.signed(PERSON, fingerprint(FIRST), T0, SEALED, SUPERVISOR, ENROLMENT);
        RoleGranted representative = new RoleGranted(PERSON, Role.APPLICANT, null, T0.plusSeconds(60), SUPERVISOR, Person.ENROLMENT_GROUND, power);
        fixture().given(enrolled, representative)
                .when(revoke(null, power))
                .expectNoEvents()
                .expectException(PersonCertificateRevocationTest.problem("identity.document-of-the-enrolment", "documentSha256"));
        fixture().given(enrolled, representative)
                .when(revoke(null, report))
                .expectEvents(new mn.registry.kernel.identity.SignerCertificateRevoked(PERSON, fingerprint(FIRST), AT, SUPERVISOR, "key reported lost", report));

        grantedBeforeItem21();
        ArchivedIdentityOrders archive = passRun();
        fixture(archive).given(history)
                .when(revoke(null, APPOINTMENT))
                .expectNoEvents()
                .expectException(PersonCertificateRevocationTest.problem("identity.document-of-the-enrolment", "documentSha256"));
    }

    @Test
    @DisplayName("001 art. 23.1.1 (abuse audit F386): a representative whose lost key was revoked on their written report is enrolled a new "
            + "certificate, and a supervisor revokes the new one on the same old report (no new report): refused, nothing stored; one report "
            + "naming two certificates enrolled before it revokes each in its own act")
    void a_report_revokes_only_certificates_enrolled_before_it() {
        String report = "c1".repeat(32);
        String newEnrolment = "e2".repeat(32);
        PersonEnrolled first = PersonEnrolled.signed(PERSON, fingerprint(FIRST), T0, SEALED, SUPERVISOR, ENROLMENT);
        RoleGranted representative = new RoleGranted(PERSON, Role.APPLICANT, null, T0, SUPERVISOR, Person.ENROLMENT_GROUND, ENROLMENT);
        mn.registry.kernel.identity.SignerCertificateRevoked lost = new mn.registry.kernel.identity.SignerCertificateRevoked(PERSON, fingerprint(FIRST),
                T0.plusSeconds(60), SUPERVISOR, "key reported lost", report);
        PersonEnrolled second = PersonEnrolled.signed(PERSON, fingerprint(PersonEnrolmentTest.SECOND), T0.plusSeconds(120), SEALED, SUPERVISOR, newEnrolment);
        fixture().given(first, representative, lost, second)
                .when(revoke(null, report))
                .expectNoEvents()
                .expectException(PersonCertificateRevocationTest.problem("identity.revocation-on-a-used-document", "documentSha256"));
        fixture().given(first, representative, lost, second)
                .when(revoke(null, "c2".repeat(32)))
                .expectEvents(new mn.registry.kernel.identity.SignerCertificateRevoked(PERSON, fingerprint(PersonEnrolmentTest.SECOND), AT, SUPERVISOR,
                        "key reported lost", "c2".repeat(32)));
        // both certificates enrolled before the report: the second revoked on it in an act of its own
        PersonEnrolled secondBefore = PersonEnrolled.signed(PERSON, fingerprint(PersonEnrolmentTest.SECOND), T0.plusSeconds(30), SEALED, SUPERVISOR, newEnrolment);
        fixture().given(first, representative, secondBefore, lost)
                .when(revoke(fingerprint(PersonEnrolmentTest.SECOND), report))
                .expectEvents(new mn.registry.kernel.identity.SignerCertificateRevoked(PERSON, fingerprint(PersonEnrolmentTest.SECOND), AT, SUPERVISOR,
                        "key reported lost", report));
    }

    // ---------------------------------------------------------------- the pass: waited for, two nodes, a second start

    @Test
    @DisplayName("001 art. 23.1.1 (ADR 0061 item 23): a dismissal judged while the start's pass has not run waits for it, and is then judged on "
            + "the order it read (it does not slip through on a stream whose grant names none)")
    void an_act_judged_before_the_pass_waits_for_it() throws Exception {
        grantedBeforeItem21();
        ArchivedIdentityOrders archive = node();

        CompletableFuture<Map<Long, String>> asked = CompletableFuture.supplyAsync(() -> archive.ordersOf(STREAM));
        Thread.sleep(300);
        assertThat(asked).as("the stream's rule waits for the pass").isNotDone();
        StoreBackfills.run(store, List.of(archive));
        assertThat(asked.get(5, TimeUnit.SECONDS)).containsExactly(Map.entry(1L, APPOINTMENT));
    }

    @Test
    @DisplayName("001 art. 23.1.1 (ADR 0061 item 23): two nodes starting together both read the archive and write the same orders once, with "
            + "one marker; a second start reads nothing and its rule does not wait")
    void two_nodes_write_the_orders_once_and_a_second_start_does_nothing() throws Exception {
        endedBeforeItem21();
        ArchivedIdentityOrders one = node();
        ArchivedIdentityOrders two = node();
        CountDownLatch together = new CountDownLatch(1);
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> awaitThen(together, () -> StoreBackfills.run(store, List.of(one))));
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> awaitThen(together, () -> StoreBackfills.run(store, List.of(two))));
        together.countDown();
        first.get(30, TimeUnit.SECONDS);
        second.get(30, TimeUnit.SECONDS);

        assertThat(database.getCollection(ArchivedIdentityOrders.COLLECTION).countDocuments()).as("the person's orders and the marker").isEqualTo(2);
        assertThat(one.ordersOf(STREAM)).isEqualTo(two.ordersOf(STREAM)).containsExactly(Map.entry(1L, APPOINTMENT), Map.entry(2L, DISMISSAL));
        assertThat(marker().getInteger("found")).isEqualTo(2);
        assertThat(marker().getInteger("unread")).isZero();

        ArchivedIdentityOrders again = node();
        assertThat(again.due()).isFalse();
        assertThat(StoreBackfills.run(store, List.of(again))).as("the second start reads nothing").isZero();
        assertThat(CompletableFuture.supplyAsync(() -> again.ordersOf(STREAM)).get(1, TimeUnit.SECONDS)).hasSize(2);
    }

    private static <T> T awaitThen(CountDownLatch latch, java.util.function.Supplier<T> then) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return then.get();
    }

    @Test
    @DisplayName("001 art. 23.1.1 (ADR 0061 item 23, abuse audit O225): a grant whose archived command is not the JWS it was applied from (another "
            + "body under its command id) or is missing names no order: nothing is taken from it, the event is logged by its position, and counted")
    void an_unreadable_archive_names_no_order() {
        stored(PersonEnrolled.signed(PERSON, fingerprint(FIRST), T0, SEALED, SUPERVISOR, ENROLMENT), "enrol-1", "EnrolSigner",
                new EnrolSigner(PERSON, pem(FIRST), null, ENROLMENT));
        // the event says it was applied from one JWS; the archive holds another under that id (its SHA-256 differs)
        String other = jws("grant-1", "EnrolSigner", new EnrolSigner(PERSON, pem(FIRST), Role.MINISTRY_REVIEWER, APPOINTMENT));
        commandLog.claim("grant-1", Sha256.hex(other.getBytes(StandardCharsets.UTF_8)), other, "EnrolSigner", SUPERVISOR.value());
        store.publish(new GenericDomainEventMessage<>("Person", STREAM, 1, new RoleGranted(PERSON, Role.MINISTRY_REVIEWER, null, T0, SUPERVISOR,
                Person.ENROLMENT_GROUND), MetaData.with(AxonStorageConfiguration.COMMAND_ID, "grant-1").and(AxonStorageConfiguration.JWS_SHA256, "0f".repeat(32))));
        // a role granted by the registry's first start signs nothing: not looked for
        store.publish(new GenericDomainEventMessage<>("Person", STREAM, 2, new RoleGranted(PERSON, Role.APPLICANT, null, T0, null, "first start")));
        // a role granted by a command the archive does not hold
        store.publish(new GenericDomainEventMessage<>("Person", STREAM, 3, new RoleGranted(PERSON, Role.MINISTRY_SUPERVISOR, null, T0, SUPERVISOR,
                Person.ENROLMENT_GROUND), MetaData.with(AxonStorageConfiguration.COMMAND_ID, "grant-9").and(AxonStorageConfiguration.JWS_SHA256, "1f".repeat(32))));

        ArchivedIdentityOrders archive = passRun();

        assertThat(archive.ordersOf(STREAM)).isEmpty();
        assertThat(marker().getInteger("unread")).isEqualTo(2);
        assertThat(logged.list.stream().filter(e -> e.getLevel() == ch.qos.logback.classic.Level.WARN).map(ILoggingEvent::getFormattedMessage))
                .hasSize(2).allSatisfy(line -> assertThat(line).contains("not readable in the archive").doesNotContain(APPOINTMENT));
    }

    @Test
    @DisplayName("001 art. 23.1.1 (ADR 0061 item 23): a stream whose grants and ends all name their order never asks the archive, so its acts "
            + "never wait for the pass")
    void a_stream_naming_every_order_does_not_ask_the_archive() {
        fixture(stream -> {
            throw new RegistryProblem(RegistryProblem.Kind.UNAVAILABLE, "identity.orders-not-ready", "asked", null, null);
        }).given(PersonEnrolled.signed(PERSON, fingerprint(FIRST), T0, SEALED, SUPERVISOR, ENROLMENT),
                        new RoleGranted(PERSON, Role.MINISTRY_REVIEWER, null, T0, SUPERVISOR, Person.ENROLMENT_GROUND, APPOINTMENT),
                        new RoleRevoked(PERSON, Role.MINISTRY_REVIEWER, null, T0.plusSeconds(60), SUPERVISOR, Person.ROLE_END_GROUND, null, DISMISSAL))
                .when(grant(REAPPOINTMENT))
                .expectEvents(new RoleGranted(PERSON, Role.MINISTRY_REVIEWER, null, AT, SUPERVISOR, Person.ENROLMENT_GROUND, REAPPOINTMENT));
    }
}
