package mn.registry.freezone.governor;

import com.mongodb.client.MongoDatabase;
import mn.registry.command.api.CommandContext;
import mn.registry.command.api.CommandLog;
import mn.registry.freezone.zone.QuarterlyReportSchedule;
import mn.registry.freezone.zone.ZoneStreamCommands;
import mn.registry.freezone.zone.Zones;
import mn.registry.identity.api.RoleGrants;
import mn.registry.infrastructure.identity.IdentityDirectory;
import mn.registry.infrastructure.privacy.PersonalDataVault;
import mn.registry.kernel.freezone.ZoneCommands;
import mn.registry.kernel.freezone.ZoneEvents;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.identity.PersonEnrolled;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.identity.RoleGranted;
import mn.registry.kernel.problem.RegistryProblem;
import mn.registry.infrastructure.axon.WholeStream;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Session 33, identity round 18, the governor's side (ADR 0061 item 79; abuse audit F609, was O467): two appointments of one person to two
 * zones received at the same instant on two nodes over one store. The person's side of the round is
 * {@code identity.command.IdentityAbuseRound18Test}.
 */
@ExtendWith(mn.registry.store.testing.EmbeddedMongoExtension.class)
class IdentityAbuseRound18GovernorsTest {

    private static final Instant AT = Instant.parse("2026-12-08T01:00:00Z");
    private static final PersonId GOVERNOR = new PersonId("governor-round-18");
    private static final PersonId CABINET = new PersonId("cabinet-1");
    private static final ZoneId ALTANBULAG = ZoneId.of("altanbulag");
    private static final ZoneId ZAMYN_UUD = ZoneId.of("zamyn-uud");

    /** One store and one database shared by the nodes; each node's gateway records the zone's appointment, its grants the person's grant. */
    private static final class Registry {
        final EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        final AtomicLong personSeq = new AtomicLong();
        final List<Object> zoneRecords = new java.util.concurrent.CopyOnWriteArrayList<>();
        final CountDownLatch bothRecording = new CountDownLatch(2);

        Registry() {
            store.publish(new GenericDomainEventMessage<>("Person", IdentityDirectory.streamOf(GOVERNOR), personSeq.getAndIncrement(),
                    PersonEnrolled.signed(GOVERNOR, "f0".repeat(32), AT.minusSeconds(90_000), new mn.registry.kernel.privacy.EncryptedPersonalData("k",
                            "bm9uY2U=", "c2VhbGVk"), CABINET, "e0".repeat(32))));
        }

        /** A node: its own command gateway, grants and key over the shared store and database. */
        GovernorAppointmentTypes node(MongoDatabase database, CommandLog log) {
            CommandGateway gateway = mock(CommandGateway.class);
            doAnswer(call -> {
                ZoneStreamCommands.RecordAppointment record = call.getArgument(0);
                // both appointments reach the zone's record at once unless the second waits for the first (two seconds at most)
                bothRecording.countDown();
                bothRecording.await(2, TimeUnit.SECONDS);
                zoneRecords.add(new ZoneEvents.GovernorAppointed(record.zoneId(), record.governor(), record.displayName(), record.decision(),
                        record.from(), record.by(), record.decisionSha256()));
                return null;
            }).when(gateway).sendAndWait(any(ZoneStreamCommands.RecordAppointment.class));
            RoleGrants grants = mock(RoleGrants.class);
            doAnswer(call -> {
                synchronized (personSeq) {
                    store.publish(new GenericDomainEventMessage<>("Person", IdentityDirectory.streamOf(GOVERNOR), personSeq.getAndIncrement(),
                            call.getArgument(0)));
                }
                return null;
            }).when(grants).grant(any());
            PersonalDataVault vault = mock(PersonalDataVault.class);
            when(vault.displayName(any())).thenReturn("Ганзориг Батсүх");
            return new GovernorAppointmentTypes(gateway, grants, mock(Zones.class), store, vault, mock(QuarterlyReportSchedule.class),
                    GovernorAppointmentTypesTest.decisionsAsCited(), new GovernorsAppointing(database, log));
        }

        List<String> zonesGranted() {
            return WholeStream.payloads(store, IdentityDirectory.streamOf(GOVERNOR)).filter(RoleGranted.class::isInstance)
                    .map(grant -> ((RoleGranted) grant).zoneId()).toList();
        }
    }

    private static ZoneCommands.AppointGovernor appointment(ZoneId zone, String order, String document) {
        return new ZoneCommands.AppointGovernor(zone, GOVERNOR, order, document);
    }

    private static CommandContext received(String commandId) {
        return new CommandContext(commandId, AT, AT, CABINET, Set.of(Role.CABINET_MEMBER), Set.of(), "cd".repeat(32));
    }

    @Test
    @DisplayName("003 art. 8.1-8.2 (F609, was O467; ADR 0061 item 79): abuse: two appointments of one person, to Altanbulag and to Zamyn-Uud, "
            + "received at the same instant on two nodes over one store: exactly one is recorded (the zone's record and its grant), the other "
            + "judged after it and refused 409 freezone.governor-of-another-zone, its zone's record never written; every key released")
    void two_appointments_of_one_person_at_once_on_two_nodes_record_one(MongoDatabase database) throws Exception {
        CommandLog log = new CommandLog(database, Clock.systemUTC());
        Registry registry = new Registry();
        GovernorAppointmentTypes nodeA = registry.node(database, log);
        GovernorAppointmentTypes nodeB = registry.node(database, log);
        log.claim("appoint-altanbulag", "sha-a", "jws", "AppointGovernor", CABINET.value());
        log.claim("appoint-zamyn-uud", "sha-z", "jws", "AppointGovernor", "cabinet-2");
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            Future<Object> toAltanbulag = nodes.submit(() -> {
                start.await();
                return nodeA.appoint(appointment(ALTANBULAG, "Cabinet member's order 2026/401", "a4".repeat(32)), received("appoint-altanbulag"));
            });
            Future<Object> toZamynUud = nodes.submit(() -> {
                start.await();
                return nodeB.appoint(appointment(ZAMYN_UUD, "Cabinet member's order 2026/402", "b4".repeat(32)), received("appoint-zamyn-uud"));
            });
            start.countDown();
            List<Object> answers = new ArrayList<>();
            for (Future<Object> sent : List.of(toAltanbulag, toZamynUud)) {
                try {
                    answers.add(sent.get(60, TimeUnit.SECONDS));
                } catch (java.util.concurrent.ExecutionException e) {
                    answers.add(e.getCause());
                }
            }
            assertThat(answers).filteredOn(GovernorAppointmentTypes.GovernorAnswer.class::isInstance).as("exactly one appointment recorded: "
                    + answers).hasSize(1);
            RegistryProblem refused = (RegistryProblem) answers.stream().filter(RegistryProblem.class::isInstance).findFirst()
                    .orElseThrow(() -> new AssertionError("both appointments recorded: " + answers));
            assertThat(refused.code()).isEqualTo("freezone.governor-of-another-zone");
            assertThat(refused.kind()).isEqualTo(RegistryProblem.Kind.CONFLICT);
            assertThat(refused.field()).isEqualTo("governor");
            assertThat(refused.article()).isEqualTo("003 art. 8.1-8.2");
            String recorded = ((GovernorAppointmentTypes.GovernorAnswer) answers.stream().filter(GovernorAppointmentTypes.GovernorAnswer.class::isInstance)
                    .findFirst().orElseThrow()).zoneId().value();
            assertThat(registry.zonesGranted()).as("one grant, of the zone recorded").containsExactly(recorded);
            assertThat(registry.zoneRecords).as("one zone's record, the one granted: none without its grant").hasSize(1)
                    .allSatisfy(record -> assertThat(((ZoneEvents.GovernorAppointed) record).zoneId().value()).isEqualTo(recorded));
        } finally {
            nodes.shutdownNow();
        }
        assertThat(database.getCollection(GovernorsAppointing.KEYS).countDocuments()).as("every key released").isZero();
    }

    @Test
    @DisplayName("003 art. 8.1-8.2 (ADR 0061 item 79): a key left by a node that stopped between taking it and storing locks the person no longer than the "
            + "command's lease: taken over once the lease expires (the appointment then recorded); a key of a command answered meanwhile is "
            + "taken over at once; a refused appointment releases the key")
    void a_key_left_by_a_stop_does_not_lock_the_person_for_ever(MongoDatabase database) {
        MovingClock clock = new MovingClock(AT);
        CommandLog log = new CommandLog(database, clock, Duration.ofSeconds(60));
        Registry registry = new Registry();
        GovernorAppointmentTypes node = registry.node(database, log);
        // the stopped node's command: accepted, never answered, its key left behind
        log.claim("appoint-stopped", "sha-s", "jws", "AppointGovernor", CABINET.value());
        database.getCollection(GovernorsAppointing.KEYS).insertOne(new Document("_id", GOVERNOR.value()).append("commandId", "appoint-stopped")
                .append("claimedAt", AT.toString()));
        clock.now = AT.plusSeconds(61);
        log.claim("appoint-after-the-lease", "sha-l", "jws", "AppointGovernor", CABINET.value());
        registry.bothRecording.countDown(); // one appointment: it does not wait for a second
        registry.bothRecording.countDown();
        assertThat(node.appoint(appointment(ALTANBULAG, "Cabinet member's order 2026/403", "c4".repeat(32)), received("appoint-after-the-lease"))
                .tenure()).isEqualTo("APPOINTED");
        assertThat(database.getCollection(GovernorsAppointing.KEYS).countDocuments()).isZero();

        // a key of a command answered: taken over at once; the appointment judged on the stream, refused, the key released
        log.claim("appoint-answered", "sha-d", "jws", "AppointGovernor", CABINET.value());
        log.done("appoint-answered", "{}", 200);
        database.getCollection(GovernorsAppointing.KEYS).insertOne(new Document("_id", GOVERNOR.value()).append("commandId", "appoint-answered")
                .append("claimedAt", AT.toString()));
        log.claim("appoint-second-zone", "sha-2", "jws", "AppointGovernor", CABINET.value());
        RegistryProblem refused = org.assertj.core.api.Assertions.catchThrowableOfType(RegistryProblem.class, () -> node.appoint(
                appointment(ZAMYN_UUD, "Cabinet member's order 2026/404", "d4".repeat(32)), received("appoint-second-zone")));
        assertThat(refused.code()).isEqualTo("freezone.governor-of-another-zone");
        assertThat(registry.zonesGranted()).containsExactly(ALTANBULAG.value());
        assertThat(database.getCollection(GovernorsAppointing.KEYS).countDocuments()).as("released on a refusal").isZero();
    }

    private static final class MovingClock extends Clock {
        volatile Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
