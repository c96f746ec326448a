package mn.registry.infrastructure.axon;

import com.mongodb.client.MongoDatabase;
import mn.registry.infrastructure.RegistryProperties;
import mn.registry.infrastructure.calendar.CurrentCalendar;
import mn.registry.infrastructure.mongo.BatchedWrites;
import mn.registry.infrastructure.mongo.GroupCommit;
import mn.registry.infrastructure.mongo.MongoConfiguration;
import mn.registry.store.mongo.RegistryMongo;
import mn.registry.store.SealingKey;
import mn.registry.store.mongo.GaplessEventStorageEngine;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;

/**
 * Puts the gapless MongoDB event store and the MongoDB token store under Axon, makes every event
 * processor a pooled streaming one, and copies the signed command's id, signer and signature hash
 * into the metadata of every event it causes (so the seal covers who acted).
 */
@AutoConfiguration(after = MongoConfiguration.class, before = AxonAutoConfiguration.class)
public class AxonStorageConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AxonStorageConfiguration.class);

    /** Metadata keys that travel from a signed command to the events it causes. */
    public static final String COMMAND_ID = "commandId";
    public static final String SIGNED_BY = "signedBy";
    public static final String JWS_SHA256 = "jwsSha256";
    /**
     * ADR 0061 item 14: the roles a signed act is signed under, copied only from a command into the events its handling applies: the
     * act itself names them; a consequence made later (a deadline fired, a process's next step) does not, as it handles no such command.
     */
    public static final String ACTING_ROLES = "actingRoles";
    /** ADR 0061 item 15: the zone a governor's act is judged in, beside {@link #ACTING_ROLES} and under the same rule. */
    public static final String ACTING_ZONE = "actingZone";

    /** Makes completed writes durable, grouped across concurrent writers (see {@link RegistryMongo#makeDurable()}). */
    @Bean
    @ConditionalOnMissingBean
    public GroupCommit groupCommit(RegistryMongo mongo) {
        return new GroupCommit(mongo::makeDurable);
    }

    @Bean
    @ConditionalOnMissingBean(EventStorageEngine.class)
    public DurableEventStorageEngine eventStorageEngine(MongoDatabase database, SealingKey sealingKey, RegistryProperties properties,
                                                       @Qualifier("eventSerializer") Serializer eventSerializer,
                                                       GroupCommit groupCommit, Clock registryClock, StoreFormatGuard storeFormat,
                                                       org.springframework.beans.factory.ObjectProvider<org.axonframework.config.Configuration> axon) {
        GaplessEventStorageEngine engine = AggregateSnapshots.on(GaplessEventStorageEngine.builder(), axon::getObject) // ADR 0069
                .database(database)
                .sealingKey(sealingKey)
                .holeTimeout(properties.holeTimeout())
                .eventSerializer(eventSerializer)
                .durabilityMark(groupCommit::mark) // session 9: one durability step per group insert
                .clock(registryClock) // ADR 0061 item 9: an end of authority is in force from its storing, on the clock of receipts
                .build();
        engine.ensureIndexes();
        log.info("Event store ready: gapless positions, events sealed with key {}, acknowledged only once durable", sealingKey.keyId());
        return new DurableEventStorageEngine(engine, groupCommit, storeFormat::beforeAppend);
    }

    /**
     * ADR 0068: the store's format, read before the event store is built (so before any processor, backfill or command) and checked
     * against this release's ({@link mn.registry.kernel.store.StoreFormat#CURRENT}): a newer one refuses the start unless the operator
     * accepted that exact number ({@value NewerStoreFormat#ACCEPT}).
     */
    @Bean
    public StoreFormatGuard storeFormat(MongoDatabase database,
                                        @org.springframework.beans.factory.annotation.Value("${" + NewerStoreFormat.ACCEPT + ":0}") int accepted) {
        return StoreFormatGuard.check(database, mn.registry.kernel.store.StoreFormat.CURRENT, accepted,
                ManagementFactory.getRuntimeMXBean().getName());
    }

    /**
     * ADR 0068: once every other part of this node has started (the last phase: after the processors, the start-up backfills, the
     * projection rebuilds and the deadline poller), the store's format is raised if lower, and watched; a newer release's raising it
     * closes this node.
     */
    @Bean
    public org.springframework.context.SmartLifecycle storeFormatRaisedOnceStarted(StoreFormatGuard storeFormat,
                                                                                   org.springframework.context.ApplicationContext context) {
        return new org.springframework.context.SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                storeFormat.started(() -> new Thread(((org.springframework.context.ConfigurableApplicationContext) context)::close,
                        "store-format-stop").start());
                running = true;
            }

            @Override
            public void stop() {
                storeFormat.close();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            @Override
            public int getPhase() {
                return Integer.MAX_VALUE;
            }
        };
    }

    /**
     * ADR 0038: the processors whose token is written at most once per {@code registry.processors.token-write-interval}
     * (default 1 s) instead of after every batch. Axon's pooled processor stores its token after each batch even when
     * none of the batch's events has a handler in the group, so every group wrote once per command at one client. These
     * are projections, idempotent (an event handled again after a crash writes the same documents; each says so) and
     * read by nobody through their token; and the land revocation process, whose command revokes only rights still in
     * force. The log sequencer, whose token {@code ReadYourWrites} waits on, stores every batch; so does any processor
     * not named here.
     */
    static final String DEFERRED_TOKENS = "permit-cases,reviewer-queue,public-statistics,deadlines,freezone-applicant-registrations,"
            + "freezone-governor-desk,trusted-list,freezone-registration-index,freezone-land-revocation";

    @Bean
    @ConditionalOnMissingBean(TokenStore.class)
    public MongoTokenStore tokenStore(MongoDatabase database, Serializer serializer,
                                      @org.springframework.beans.factory.annotation.Value("${registry.processors.deferred-tokens:" + DEFERRED_TOKENS + "}") java.util.Set<String> deferred,
                                      @org.springframework.beans.factory.annotation.Value("${registry.processors.token-write-interval:1s}") Duration writeInterval) {
        MongoTokenStore store = new MongoTokenStore(database, serializer, ManagementFactory.getRuntimeMXBean().getName(),
                Duration.ofSeconds(10), Clock.systemUTC(), deferred, writeInterval);
        store.ensureIndexes();
        return store;
    }

    /**
     * Events a processor handles in one unit of work at most, storing its token once per batch. A batch takes
     * what is already there and never waits to fill, so at one command at a time it is one event; under load
     * the projections' token writes (3.3 round trips per command with batches of one) are shared. Handlers stay
     * idempotent, as a batch that fails is handled again.
     */
    static final int PROCESSOR_BATCH = 50;

    /**
     * Segments a processor's tokens are split into when it first starts on a store (ADR 0040; Axon's default is 16).
     * Each segment is a work package with its own units of work, batches and token, all fed by the processor's one
     * reader: 16 per processor made 145 segments on 2 cores, each handling a sixteenth of every batch. A store that
     * already has a processor's tokens keeps their number. Several nodes: a node claims every free segment it can, so
     * two nodes started together split a processor's two segments, and a node started later takes a segment over
     * when its owner's claim goes stale (10 s) — as with 16 segments, where the first node also claimed them all.
     */
    static final int INITIAL_SEGMENTS = 2;

    /**
     * Every processor pooled and streaming, reading the store a few batches ahead of its work packages ({@link #readAheadLimited}),
     * with batches of {@link #PROCESSOR_BATCH} and
     * {@code registry.processors.initial-segments} segments (default {@link #INITIAL_SEGMENTS}); the projections' writes of a
     * batch are queued ({@link BatchedWrites}) and sent as one bulk write per collection after the batch's last event,
     * before the token is stored. A handler's failure fails its batch, handled again later (Axon's default would log
     * it and skip the event, its projection write lost for good).
     */
    @Bean
    public ConfigurerModule pooledStreamingProcessors(
            @org.springframework.beans.factory.annotation.Value("${registry.processors.initial-segments:" + INITIAL_SEGMENTS + "}") int initialSegments) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .usingPooledStreamingEventProcessors((config, builder) -> readAheadLimited(config,
                        builder.batchSize(PROCESSOR_BATCH).initialSegmentCount(initialSegments)))
                .registerDefaultListenerInvocationErrorHandler(config -> org.axonframework.eventhandling.PropagatingErrorHandler.instance())
                .registerDefaultHandlerInterceptor((config, name) -> BatchedWrites.flushInterceptor()));
    }

    /**
     * ADR 0063: the processor reads the event store through a {@link ReadAheadLimit}, a few batches ahead of its work packages on
     * this node, so that Axon's coordinator never fills a work package's queue and sleeps its fixed 100 ms. The same events in the
     * same order; the processor is looked up by name once it is built (after its source).
     */
    static PooledStreamingEventProcessor.Builder readAheadLimited(org.axonframework.config.Configuration config,
                                                                  PooledStreamingEventProcessor.Builder builder) {
        if (!(config.eventBus() instanceof EventStore store)) {
            return builder; // no store to read: Axon's own source
        }
        String name = builder.name();
        java.util.concurrent.atomic.AtomicReference<StreamingEventProcessor> built = new java.util.concurrent.atomic.AtomicReference<>();
        return builder.messageSource(new ReadAheadLimit(store, PROCESSOR_BATCH, () -> {
            StreamingEventProcessor processor = built.get();
            if (processor == null) {
                processor = config.eventProcessingConfiguration().eventProcessor(name, StreamingEventProcessor.class).orElse(null);
                built.set(processor);
            }
            return processor == null ? java.util.Map.of() : processor.processingStatus();
        }));
    }

    /**
     * The projections the release rebuilds once per registry ({@link ProjectionRebuild}, ADR 0035 item 58): each reset on this node's start,
     * before the event processors start here (unless its marker says a node did it), so that no node runs it while it is reset.
     */
    @Bean
    public ConfigurerModule projectionRebuilds(MongoDatabase database, org.springframework.beans.factory.ObjectProvider<ProjectionRebuild> rebuilds) {
        return ProjectionRebuild.module(database, () -> rebuilds.orderedStream().toList(), ManagementFactory.getRuntimeMXBean().getName());
    }

    /** ADR 0069: the snapshot trigger the aggregates whose stream grows with time name, on Axon's snapshotter ({@code registry.snapshots.threshold}, 0 = none). */
    @Bean(AggregateSnapshots.TRIGGER)
    public org.axonframework.eventsourcing.SnapshotTriggerDefinition longStreamSnapshots(org.axonframework.eventsourcing.Snapshotter snapshotter,
            @org.springframework.beans.factory.annotation.Value("${registry.snapshots.threshold:" + AggregateSnapshots.THRESHOLD + "}") int threshold) {
        return AggregateSnapshots.trigger(snapshotter, threshold);
    }

    @Bean
    public CorrelationDataProvider signedCommandCorrelation() {
        return new SimpleCorrelationDataProvider(COMMAND_ID, SIGNED_BY, JWS_SHA256);
    }

    /** ADR 0061 items 14-15: {@link #ACTING_ROLES} and {@link #ACTING_ZONE} travel from a command message to its events, from nothing else. */
    @Bean
    public CorrelationDataProvider actingRolesCorrelation() {
        return message -> {
            if (!(message instanceof org.axonframework.commandhandling.CommandMessage<?>)) {
                return java.util.Map.of();
            }
            java.util.Map<String, Object> acting = new java.util.HashMap<>();
            for (String key : java.util.List.of(ACTING_ROLES, ACTING_ZONE)) {
                if (message.getMetaData().containsKey(key)) {
                    acting.put(key, message.getMetaData().get(key));
                }
            }
            return acting;
        };
    }

    @Bean
    @ConditionalOnMissingBean
    public CurrentCalendar currentCalendar(EventStore eventStore) {
        return new CurrentCalendar(eventStore, Clock.systemUTC());
    }
}
