package mn.registry.freezone.query;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import mn.registry.infrastructure.axon.AxonStorageConfiguration;
import mn.registry.infrastructure.axon.ProjectionRebuild;
import mn.registry.kernel.freezone.Activity;
import mn.registry.kernel.freezone.DeregistrationGround;
import mn.registry.kernel.freezone.QuarterlyReportContent;
import mn.registry.kernel.freezone.RegistrationEvents;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.money.Money;
import mn.registry.kernel.problem.RegistryProblem;
import mn.registry.store.testing.EmbeddedMongoExtension;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static mn.registry.freezone.query.GovernorDeskTest.ERLIAN;
import static mn.registry.freezone.query.GovernorDeskTest.GOVERNOR;
import static mn.registry.freezone.query.GovernorDeskTest.ZONE;
import static mn.registry.freezone.query.GovernorDeskTest.applied;
import static mn.registry.freezone.query.GovernorDeskTest.registered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Session 21, Free Zone round 15, the desk's rebuild at a release (s21b-desk-o154; docs/abuse-audit.md F265, was O154; ADR 0035 item 58). */
@ExtendWith(EmbeddedMongoExtension.class)
class GovernorDeskRebuildTest {

    private static final String DESK = GovernorDeskProjection.PROCESSING_GROUP;
    private static final QuarterlyReportContent.Quarter Q4 = new QuarterlyReportContent.Quarter(2026, 4);

    private MongoDatabase database;
    private InMemoryEventStorageEngine engine;
    private List<Object> events;

    /**
     * The registry as the release before version 2 left it: Erlian registered, dissolved and registered again within 2026-Q4, its desk row
     * projected by the old code (the second period's, without {@code periods}) and the desk's tokens at the store's head.
     */
    @BeforeEach
    void projectedByTheEarlierRelease(MongoDatabase database) {
        this.database = database;
        RegistrationId erlian = RegistrationId.of(ZONE, ERLIAN);
        events = List.of(applied(ERLIAN, Activity.PRODUCTION, LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 12)),
                registered(ERLIAN, Activity.PRODUCTION, LocalDate.of(2026, 10, 9)),
                new RegistrationEvents.InvestmentAgreementRecorded(erlian, LocalDate.of(2026, 10, 20), LocalDate.of(2036, 10, 20),
                        new Money(new BigDecimal("400000"), "USD"), true, LocalDate.of(2027, 10, 20), GOVERNOR, null),
                new RegistrationEvents.CourtDissolutionRecorded(erlian, "Erlian civil court 2026/9", LocalDate.of(2026, 10, 30), false, GOVERNOR, null),
                new RegistrationEvents.EntityDeregistered(erlian, ZONE, DeregistrationGround.COURT_DECISION, "003 art. 12.5.3", "r",
                        Instant.parse("2026-11-02T03:00:00Z"), false, false, GOVERNOR),
                applied(ERLIAN, Activity.PRODUCTION, LocalDate.of(2026, 11, 10), LocalDate.of(2026, 11, 17)),
                registered(ERLIAN, Activity.PRODUCTION, LocalDate.of(2026, 11, 16)));
        engine = new InMemoryEventStorageEngine();
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(engine).build();
        for (int i = 0; i < events.size(); i++) { // one registration stream, as its aggregate stored it (one segment handles it, in order)
            store.publish(new GenericDomainEventMessage<>("ZoneRegistration", erlian.value(), i, events.get(i)));
        }
        GovernorDeskProjection old = new GovernorDeskProjection(database);
        project(old, events); // the old code's rows: as today's, less the periods it did not keep
        database.getCollection(GovernorDeskProjection.REGISTRATIONS).updateMany(new Document(), Updates.unset("periods"));
        TrackingToken head = store.createHeadToken();
        store.shutDown();
        tokens().initializeTokenSegments(DESK, 2, head);
        assertThat(sha256OfTheDesk()).as("the desk as the earlier release left it").isNotEqualTo(sha256FromTheStream());
    }

    @Test
    @DisplayName("003 art. 12.3 (ADR 0035 items 55, 58; F265, was O154): a node of the release starting on a desk the earlier release projected "
            + "(rows without their periods) rebuilds it itself, once: its version 2 then has the bytes the command side builds, with no manual step")
    void the_release_rebuilds_the_desk_at_its_start() {
        Configuration node = start("node-a");
        try {
            awaitRebuilt();
            assertThat(sha256OfTheDesk()).isEqualTo(sha256FromTheStream());
            Document marker = database.getCollection(ProjectionRebuild.COLLECTION).find().first();
            assertThat(marker.getString("state")).isEqualTo("reset");
            assertThat(marker.getString("by")).isEqualTo("node-a");
        } finally {
            node.shutdown();
        }
        // a later start (a restart, another node) does not reset it again: the desk's rows stay as they are
        database.getCollection(GovernorDeskProjection.ZONES).insertOne(new Document("_id", "kept-across-a-restart"));
        Configuration again = start("node-b");
        try {
            awaitRebuilt();
            assertThat(database.getCollection(GovernorDeskProjection.ZONES).countDocuments(Filters.eq("_id", "kept-across-a-restart"))).isEqualTo(1);
            assertThat(sha256OfTheDesk()).isEqualTo(sha256FromTheStream());
        } finally {
            again.shutdown();
        }
    }

    @Test
    @DisplayName("003 art. 12.3 (ADR 0035 item 58; F265): two nodes of the release starting together: one resets the desk, the other waits "
            + "for it and does not reset it again; while the desk replays, its quarterly report is refused (503), not served half rebuilt")
    void two_nodes_starting_together_reset_it_once_and_a_half_rebuilt_desk_is_not_served() throws Exception {
        Configuration a = configure("node-a");
        Configuration b = configure("node-b");
        CountDownLatch go = new CountDownLatch(1);
        CompletableFuture<Boolean> byA = CompletableFuture.supplyAsync(() -> runWhen(go, a, "node-a"));
        CompletableFuture<Boolean> byB = CompletableFuture.supplyAsync(() -> runWhen(go, b, "node-b"));
        go.countDown();
        assertThat(List.of(byA.get(), byB.get())).as("the nodes that reset the desk").containsExactlyInAnyOrder(true, false);

        // reset, not yet replayed (no processor started): the desk is empty and its report is not served as if current
        assertThat(ProjectionRebuild.rebuilding(database, tokens(), DESK)).isTrue();
        assertThatThrownBy(this::sha256OfTheDesk).isInstanceOfSatisfying(RegistryProblem.class, p -> {
            assertThat(p.code()).isEqualTo("freezone.desk-rebuilding");
            assertThat(p.kind()).isEqualTo(RegistryProblem.Kind.UNAVAILABLE);
        });
        // one node's processors replay it (the two configurations of this test share one token owner, this JVM's, so they would both take
        // every segment: two nodes have two owners and split them)
        a.start();
        try {
            awaitRebuilt();
            assertThat(sha256OfTheDesk()).isEqualTo(sha256FromTheStream());
        } finally {
            a.shutdown();
        }
    }

    @Test
    @DisplayName("003 art. 12.5.3, 26.2 (ADR 0035 item 71; F337, was O180): a desk item 52's release rebuilt, whose kept periods hold no court's "
            + "day, is rebuilt once more by the release of item 71: the court's day of the entity's earlier period is then on its row")
    void the_release_of_item_71_rebuilds_the_desk_for_the_court_days() {
        // the desk as item 52's release left it: rebuilt (its marker reset), each kept period without its court's day
        project(new GovernorDeskProjection(database), events);
        com.mongodb.client.MongoCollection<Document> rows = database.getCollection(GovernorDeskProjection.REGISTRATIONS);
        Document row = rows.find().first();
        row.getList("periods", Document.class).forEach(period -> period.remove("courtDecidedOn"));
        rows.replaceOne(Filters.eq("_id", row.get("_id")), row);
        database.getCollection(ProjectionRebuild.COLLECTION).insertOne(new Document("_id", DESK + "@" + GovernorDeskRebuild.PERIODS.release())
                .append("release", GovernorDeskRebuild.PERIODS.release()).append("processor", DESK).append("state", "reset").append("by", "node-0")
                .append("at", System.currentTimeMillis()));
        assertThat(courtDaysOfTheKeptPeriods()).containsExactly((String) null);
        Configuration node = start("node-a", List.of(GovernorDeskRebuild.PERIODS, GovernorDeskRebuild.COURT_DAYS));
        try {
            awaitRebuilt();
            assertThat(courtDaysOfTheKeptPeriods()).containsExactly("2026-10-30");
            assertThat(sha256OfTheDesk()).isEqualTo(sha256FromTheStream());
        } finally {
            node.shutdown();
        }
    }

    private List<String> courtDaysOfTheKeptPeriods() {
        return database.getCollection(GovernorDeskProjection.REGISTRATIONS).find().first().getList("periods", Document.class).stream()
                .map(period -> period.getString("courtDecidedOn")).toList();
    }

    private boolean runWhen(CountDownLatch go, Configuration node, String name) {
        try {
            go.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        StreamingEventProcessor desk = node.eventProcessingConfiguration().eventProcessor(DESK, StreamingEventProcessor.class).orElseThrow();
        return GovernorDeskRebuild.PERIODS.run(database, desk, node.getComponent(TokenStore.class), name);
    }

    private Configuration start(String name) {
        return start(name, List.of(GovernorDeskRebuild.PERIODS));
    }

    private Configuration start(String name, List<ProjectionRebuild> rebuilds) {
        Configuration node = configure(name, rebuilds);
        node.start();
        return node;
    }

    private Configuration configure(String name) {
        return configure(name, List.of(GovernorDeskRebuild.PERIODS));
    }

    /** A node of the release: the desk's projection under the registry's pooled processors, with the releases' rebuilds at its start. */
    private Configuration configure(String name, List<ProjectionRebuild> rebuilds) {
        Configurer configurer = DefaultConfigurer.defaultConfiguration().configureEventStore(c -> EmbeddedEventStore.builder().storageEngine(engine).build())
                .registerComponent(TokenStore.class, c -> tokens());
        configurer.eventProcessing(processing -> processing.registerEventHandler(c -> new GovernorDeskProjection(database)));
        new AxonStorageConfiguration().pooledStreamingProcessors(2).configureModule(configurer);
        ProjectionRebuild.module(database, () -> rebuilds, name).configureModule(configurer);
        return configurer.buildConfiguration();
    }

    /** The registry's token store (its owner is this JVM, as a node's is); every token written at once. */
    private TokenStore tokens() {
        return new AxonStorageConfiguration().tokenStore(database, JacksonSerializer.defaultSerializer(), java.util.Set.of(), Duration.ofSeconds(1));
    }

    private void awaitRebuilt() {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (ProjectionRebuild.rebuilding(database, tokens(), DESK)) {
            assertThat(System.nanoTime() - until).as("the desk replayed within 30 s").isNegative();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private String sha256OfTheDesk() {
        return QuarterlyReportContent.sha256(new QuarterlyReport(database, tokens()).buildV2(ZONE.value(), 2026, 4));
    }

    private String sha256FromTheStream() {
        return QuarterlyReportContent.sha256(QuarterlyReportContent.buildV2(ZONE, Q4, List.of(QuarterlyReportContent.foldPeriods(events))));
    }

    private static void project(GovernorDeskProjection projection, List<Object> events) {
        events.forEach(event -> project(projection, event));
    }

    /** {@code event} handled by the governor's desk as the processor hands it (one it does not read: nothing); {@link GovernorDeskTest}'s too. */
    static void project(GovernorDeskProjection projection, Object event) {
        if (event instanceof RegistrationEvents.ZoneRegistrationApplied e) {
            projection.on(e);
        } else if (event instanceof RegistrationEvents.EntityRegistered e) {
            projection.on(e);
        } else if (event instanceof RegistrationEvents.InvestmentAgreementRecorded e) {
            projection.on(e);
        } else if (event instanceof RegistrationEvents.EntityDeregistered e) {
            projection.on(e);
        } else if (event instanceof RegistrationEvents.CourtDissolutionRecorded e) {
            projection.on(e);
        }
    }
}
