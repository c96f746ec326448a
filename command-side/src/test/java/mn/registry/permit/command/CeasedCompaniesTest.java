package mn.registry.permit.command;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import mn.registry.command.api.CommandContext;
import mn.registry.command.api.SignedCommandContext;
import mn.registry.command.look.SnapshotLoads;
import mn.registry.infrastructure.axon.DurableEventStorageEngine;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.ApplyForPermit;
import mn.registry.kernel.permit.Company;
import mn.registry.kernel.permit.DocumentRef;
import mn.registry.kernel.permit.PermitTransferred;
import mn.registry.kernel.permit.Reorganisation;
import mn.registry.kernel.permit.SubmittedDocument;
import mn.registry.kernel.problem.RegistryProblem;
import mn.registry.store.testing.EmbeddedMongoExtension;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.BsonValue;
import org.bson.UuidRepresentation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import static mn.registry.permit.command.PermitLifecycleTest.HOLDER;
import static mn.registry.permit.command.PermitLifecycleTest.SHA2;
import static mn.registry.permit.command.PermitLifecycleTest.SUPERVISOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * 002 art. 23.2, 23.3 (ADR 0046 item 109, F412, was O235): {@code ApplyForPermit} is judged on every company a reorganisation ended, stored
 * before its receipt, on the registry's event store and aggregate (Axon's configuration of {@link SnapshotLoads}), through a client that
 * counts the round trips each thread makes, as {@code -Dregistry.mongo.roundTrips=true} counts the registry's: the check adds none to an
 * application once the node read the index, a transfer stored since included.
 */
@ExtendWith(EmbeddedMongoExtension.class)
class CeasedCompaniesTest {

    private static final Instant AT = Instant.parse("2025-08-01T02:00:00Z");
    private static final Company A = Applications.MONGOLIAN;
    private static final Company B = new Company("Merged Trust LLC", "6400721", true, "Peace Avenue 21, Ulaanbaatar");
    private static final Company C = new Company("Later Trust LLC", "6400722", true, "Peace Avenue 22, Ulaanbaatar");

    /** The round trips of the test's own thread (the request thread's, in the registry), by command and collection. */
    private final Map<String, Integer> roundTrips = new ConcurrentHashMap<>();
    private volatile Thread counted;

    /** The registry's services, asking {@link CeasedCompanies} about an applicant while {@link #asked} (false: the base, which did not ask). */
    private final class Services extends Signed.Services {
        CeasedCompanies ceased;
        boolean asked = true;

        @Override
        public java.util.Optional<CompanyCeased> companyCeased(String registrationNumber) {
            return asked ? ceased.of(registrationNumber) : java.util.Optional.empty();
        }
    }

    @Test
    @DisplayName("002 art. 23.2, 23.3 (F412, was O235): a company ended by a merger stored before, and one ended by a transfer stored after "
            + "the node read the index, apply for no permit (nothing stored); an application by another company makes the same round trips with "
            + "the check as without it (the base), while the index's own answer would have added a catch-up")
    void an_application_is_judged_on_the_companies_ended_without_a_round_trip(ConnectionString server) {
        CommandListener listener = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if (Thread.currentThread() == counted) {
                    BsonValue collection = event.getCommand().get(event.getCommandName());
                    roundTrips.merge(event.getCommandName() + (collection != null && collection.isString() ? " " + collection.asString().getValue() : ""),
                            1, Integer::sum);
                }
            }
        };
        Services services = new Services();
        try (MongoClient client = MongoClients.create(MongoClientSettings.builder().applyConnectionString(server)
                .uuidRepresentation(UuidRepresentation.STANDARD).addCommandListener(listener).build())) {
            MongoDatabase database = client.getDatabase("ceased-companies-" + UUID.randomUUID());
            try (SnapshotLoads<PermitApplication> registry = SnapshotLoads.on(database, PermitApplication.class, Signed.aggregate(),
                    c -> c.registerComponent(PermitServices.class, x -> services))) {
                judged(services, registry, database);
            }
        }
    }

    private void judged(Services services, SnapshotLoads<PermitApplication> registry, MongoDatabase database) {
        {
            counted = Thread.currentThread();
            EventStore events = registry.axon().eventStore();
            CompaniesOnRecord index = new CompaniesOnRecord(database, events);
            services.ceased = new CeasedCompanies(index, events, DurableEventStorageEngine.storedUpTo(registry.engine()));

            // A's permit passed to B on a merger: A ended, before this node read the index
            List<Object> history = new ArrayList<>(PermitLifecycleTest.active());
            history.add(new PermitTransferred(PermitLifecycleTest.ID, A, B, Reorganisation.MERGER, SHA2, AT.minusSeconds(86_400), SUPERVISOR,
                    LocalDate.of(2025, 7, 30), null));
            registry.append("permit-of-a", history);

            Map<String, Integer> first = applied(services, registry, new Company("First LLC", "6400730", true, "Ulaanbaatar"));
            assertThat(first).as("the node reads the index once: its catch-up, its position and its list of ended companies")
                    .containsKeys("find permit_companies_on_record");

            services.asked = false;
            Map<String, Integer> base = applied(services, registry, new Company("Second LLC", "6400731", true, "Ulaanbaatar"));
            services.asked = true;
            Map<String, Integer> checked = applied(services, registry, new Company("Third LLC", "6400732", true, "Ulaanbaatar"));
            assertThat(checked).as("an application checked makes the round trips of one not checked (the base)").isEqualTo(base);

            roundTrips.clear();
            assertThat(index.of(C.registrationNumber())).isEmpty();
            assertThat(roundTrips.keySet()).as("the index's own answer (the O235 row's design): a catch-up and a read")
                    .contains("find permit_companies_on_record");

            assertThat(refused(services, registry, A).code()).isEqualTo("permit.applicant-ceased-by-a-reorganisation");

            // C's permit passes to B on a consolidation after the node read the index: the stream reads it, with no round trip
            registry.append("permit-of-c", List.of(new PermitTransferred(PermitLifecycleTest.ID, C, B, Reorganisation.CONSOLIDATION, "8f".repeat(32),
                    AT, SUPERVISOR, LocalDate.of(2025, 7, 31), null)));
            roundTrips.clear();
            assertThat(services.ceased.of(C.registrationNumber())).map(CompanyCeased::by).contains(Reorganisation.CONSOLIDATION);
            assertThat(roundTrips).as("the transfer stored on this node is read from memory").isEmpty();
            assertThat(refused(services, registry, C).field()).isEqualTo("company.registrationNumber");
            System.out.printf("CeasedCompaniesTest round trips of one ApplyForPermit's aggregate: first %s; base %s; checked %s%n", first, base, checked);
        }
    }

    @Test
    @DisplayName("002 art. 23.2, 23.3 (F453, issue 15): a question whose head the stream has read is answered while another question holds "
            + "the reading (it waited for that one's head before); a transfer stored meanwhile still ends its company for the next question")
    void a_question_read_already_waits_for_no_other_and_a_transfer_stored_meanwhile_counts(ConnectionString server) throws Exception {
        onTheStore(server, (registry, ceased, heads, stalling) -> {
            LongSupplier stored = DurableEventStorageEngine.storedUpTo(registry.engine());
            // one question holds the reading, waiting for a head the stream does not reach (a hole, a lagging store)
            stalling.stall = true;
            ExecutorService questions = Executors.newFixedThreadPool(2);
            try {
                Future<Optional<CompanyCeased>> waiting = questions.submit(() -> {
                    heads.put(Thread.currentThread(), stored.getAsLong() + 1_000);
                    return ceased.of(new Company("Waiting LLC", "6400740", true, "Ulaanbaatar").registrationNumber());
                });
                assertThat(stalling.waiting.await(30, TimeUnit.SECONDS)).as("the first question is waiting in the stream").isTrue();
                assertThat(questions.submit(() -> ceased.of(A.registrationNumber())).get(10, TimeUnit.SECONDS))
                        .as("a question whose head was read is answered while the other waits").map(CompanyCeased::by).contains(Reorganisation.MERGER);

                registry.append("permit-of-c", List.of(new PermitTransferred(PermitLifecycleTest.ID, C, B, Reorganisation.CONSOLIDATION,
                        "8f".repeat(32), AT, SUPERVISOR, LocalDate.of(2025, 7, 31), null)));
                Future<Optional<CompanyCeased>> afterTheTransfer = questions.submit(() -> ceased.of(C.registrationNumber()));
                stalling.stall = false;
                stalling.released.countDown();
                assertThat(waiting.get(30, TimeUnit.SECONDS)).isEmpty();
                assertThat(afterTheTransfer.get(30, TimeUnit.SECONDS)).as("the transfer stored while the reading was held counts")
                        .map(CompanyCeased::by).contains(Reorganisation.CONSOLIDATION);
            } finally {
                questions.shutdownNow();
            }
        });
    }

    @Test
    @DisplayName("002 art. 23.2, 23.3 (F454): a transfer stored below a head a reading gave up on, which the stream has not delivered yet, ends "
            + "its company for the next question (the index answers, caught up), as once the stream delivers it")
    void a_transfer_below_a_head_given_up_on_is_not_missed(ConnectionString server) throws Exception {
        onTheStore(server, (registry, ceased, heads, stalling) -> {
            LongSupplier stored = DurableEventStorageEngine.storedUpTo(registry.engine());
            heads.put(Thread.currentThread(), stored.getAsLong() + 1_000);
            assertThat(ceased.of(C.registrationNumber())).as("no head 1,000 ahead comes: the reading gives up on it").isEmpty();
            heads.clear();
            stalling.blind = true;
            Company d = new Company("Divided Trust LLC", "6400723", true, "Peace Avenue 23, Ulaanbaatar");
            registry.append("permit-of-d", List.of(new PermitTransferred(PermitLifecycleTest.ID, d, B, Reorganisation.DIVISION,
                    "9e".repeat(32), AT, SUPERVISOR, LocalDate.of(2025, 8, 1), null)));
            assertThat(ceased.of(d.registrationNumber())).as("found by the index: the stream has not delivered it").map(CompanyCeased::by)
                    .contains(Reorganisation.DIVISION);
            stalling.blind = false;
            assertThat(ceased.of(d.registrationNumber())).as("and by the stream once it delivers").map(CompanyCeased::by)
                    .contains(Reorganisation.DIVISION);
        });
    }

    private interface OnTheStore {
        void run(SnapshotLoads<PermitApplication> registry, CeasedCompanies ceased, Map<Thread, Long> heads, Stalling stalling) throws Exception;
    }

    /**
     * A registry's store with A ended by a merger and {@link CeasedCompanies} on it, its stream opened and read to the head by a first
     * question; each question's head is the engine's unless {@code heads} names one for its thread.
     */
    private static void onTheStore(ConnectionString server, OnTheStore test) throws Exception {
        try (MongoClient client = MongoClients.create(MongoClientSettings.builder().applyConnectionString(server)
                .uuidRepresentation(UuidRepresentation.STANDARD).build())) {
            MongoDatabase database = client.getDatabase("ceased-companies-" + UUID.randomUUID());
            try (SnapshotLoads<PermitApplication> registry = SnapshotLoads.on(database, PermitApplication.class, Signed.aggregate(),
                    c -> c.registerComponent(PermitServices.class, x -> new Signed.Services()))) {
                EventStore events = registry.axon().eventStore();
                LongSupplier stored = DurableEventStorageEngine.storedUpTo(registry.engine());
                Map<Thread, Long> heads = new ConcurrentHashMap<>();
                Stalling stalling = new Stalling();
                CeasedCompanies ceased = new CeasedCompanies(new CompaniesOnRecord(database, events), stalling.around(events),
                        () -> heads.getOrDefault(Thread.currentThread(), stored.getAsLong()));
                registry.append("permit-of-a", List.of(new PermitTransferred(PermitLifecycleTest.ID, A, B, Reorganisation.MERGER, SHA2,
                        AT.minusSeconds(86_400), SUPERVISOR, LocalDate.of(2025, 7, 30), null)));
                assertThat(ceased.of(A.registrationNumber())).as("the first question opens the stream and reads to the head").isPresent();
                test.run(registry, ceased, heads, stalling);
            }
        }
    }

    /**
     * The store's events with a stream the test holds back: while {@link #stall} is set, a wait for events blocks until {@link #released}
     * (a reader stalled on a hole); while {@link #blind} is set, the stream offers no event (the store's reader has not delivered it yet).
     */
    private static final class Stalling {
        final CountDownLatch waiting = new CountDownLatch(1);
        final CountDownLatch released = new CountDownLatch(1);
        volatile boolean stall;
        volatile boolean blind;

        EventStore around(EventStore events) {
            return proxy(EventStore.class, (method, args) -> method.getName().equals("openStream")
                    ? stream((BlockingStream<?>) method.invoke(events, args)) : method.invoke(events, args));
        }

        private BlockingStream<?> stream(BlockingStream<?> stream) {
            return proxy(BlockingStream.class, (method, args) -> {
                if (method.getName().equals("hasNextAvailable")) {
                    if (args != null && stall) {
                        waiting.countDown();
                        released.await();
                    }
                    if (blind) {
                        return false;
                    }
                }
                return method.invoke(stream, args);
            });
        }

        private interface Call {
            Object on(java.lang.reflect.Method method, Object[] args) throws Throwable;
        }

        @SuppressWarnings("unchecked")
        private static <T> T proxy(Class<T> type, Call call) {
            return (T) java.lang.reflect.Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
                try {
                    return call.on(method, args);
                } catch (java.lang.reflect.InvocationTargetException e) {
                    throw e.getCause();
                }
            });
        }
    }

    /** The round trips of one ApplyForPermit by {@code company}, registered. */
    private Map<String, Integer> applied(Services services, SnapshotLoads<PermitApplication> registry, Company company) {
        roundTrips.clear();
        registry.axon().commandGateway().sendAndWait(application(services, company));
        return new TreeMap<>(roundTrips);
    }

    private RegistryProblem refused(Services services, SnapshotLoads<PermitApplication> registry, Company company) {
        Object message = application(services, company);
        ApplicationId id = services.applicationId;
        RegistryProblem problem = catchThrowableOfType(() -> registry.axon().commandGateway().sendAndWait(message), RegistryProblem.class);
        assertThat(problem).isNotNull();
        assertThat(registry.axon().eventStore().lastSequenceNumberFor(id.value())).as("nothing stored").isEmpty();
        return problem;
    }

    private static Object application(Services services, Company company) {
        services.applicationId = ApplicationId.of(UUID.randomUUID());
        List<SubmittedDocument> submitted = Applications.mandatoryDocuments();
        submitted.forEach(d -> services.received(new DocumentRef(d.kind(), d.sha256(), 100, "application/pdf", AT.minusSeconds(600))));
        return SignedCommandContext.message(new ApplyForPermit(company, false, submitted), new CommandContext("cmd-" + UUID.randomUUID(), AT, AT,
                HOLDER, Set.of(Role.APPLICANT), Set.of(), "cd".repeat(32)));
    }
}
