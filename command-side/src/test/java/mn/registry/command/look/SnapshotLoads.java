package mn.registry.command.look;

import com.mongodb.client.MongoDatabase;
import mn.registry.infrastructure.axon.AggregateSnapshots;
import mn.registry.store.mongo.GaplessEventStorageEngine;
import mn.registry.store.testing.TestSealingKeys;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.json.JacksonSerializer;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * ADR 0069's test bench: an aggregate on the registry's MongoDB event store with the snapshots as the registry configures them (Axon's
 * snapshotter and event-count trigger, {@link AggregateSnapshots#serializer()}, the revision filter of Axon's configuration), where a test
 * stores a history, takes a snapshot at a chosen event, and loads the aggregate as a page loads it ({@link AggregateLook}).
 */
public final class SnapshotLoads<A> implements AutoCloseable {

    private final Class<A> type;
    private final MongoDatabase database;
    private final Configuration axon;
    private final GaplessEventStorageEngine engine;
    private final DecodeCounting snapshots;

    private SnapshotLoads(Class<A> type, MongoDatabase database, Configuration axon, GaplessEventStorageEngine engine,
                          DecodeCounting snapshots) {
        this.type = type;
        this.database = database;
        this.axon = axon;
        this.engine = engine;
        this.snapshots = snapshots;
    }

    /** {@code aggregate} with the registry's snapshot trigger, on {@code database} (fresh), with the components {@code more} registers. */
    public static <A> SnapshotLoads<A> on(MongoDatabase database, Class<A> type, AggregateConfigurer<A> aggregate, UnaryOperator<Configurer> more) {
        return build(database, type, aggregate.configureSnapshotTrigger(c -> AggregateSnapshots.trigger(c.snapshotter())), more);
    }

    /**
     * {@code aggregate} with the registry's trigger switched off ({@code registry.snapshots.threshold=0}: every load folds the whole stream,
     * as before ADR 0069): the base the benchmarks compare with.
     */
    public static <A> SnapshotLoads<A> withoutTrigger(MongoDatabase database, Class<A> type, AggregateConfigurer<A> aggregate,
                                                     UnaryOperator<Configurer> more) {
        return build(database, type, aggregate.configureSnapshotTrigger(c -> AggregateSnapshots.trigger(c.snapshotter(), 0)), more);
    }

    private static <A> SnapshotLoads<A> build(MongoDatabase database, Class<A> type, AggregateConfigurer<A> aggregate, UnaryOperator<Configurer> more) {
        JacksonSerializer events = JacksonSerializer.defaultSerializer();
        AtomicReference<Configuration> built = new AtomicReference<>();
        DecodeCounting snapshots = new DecodeCounting(AggregateSnapshots.serializer(), type);
        GaplessEventStorageEngine engine = AggregateSnapshots.on(GaplessEventStorageEngine.builder(), built::get, snapshots)
                .database(database).sealingKey(TestSealingKeys.sealingKey()).eventSerializer(events)
                .build();
        engine.ensureIndexes();
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureAggregate(aggregate)
                .configureEmbeddedEventStore(c -> engine);
        Configuration axon = more.apply(configurer).buildConfiguration();
        built.set(axon);
        axon.start();
        return new SnapshotLoads<>(type, database, axon, engine, snapshots);
    }

    public Configuration axon() {
        return axon;
    }

    /** The registry's event storage engine under {@link #axon()}'s event store. */
    public GaplessEventStorageEngine engine() {
        return engine;
    }

    /** How many times a snapshot of the aggregate was decoded since the bench was built (session 26: once per load that reads one). */
    public int snapshotsDecoded() {
        return snapshots.decoded.get();
    }

    /** The snapshot serializer of the registry, counting the aggregate's payloads it decodes. */
    private record DecodeCounting(org.axonframework.serialization.Serializer serializer, Class<?> aggregate,
                                  java.util.concurrent.atomic.AtomicInteger decoded) implements org.axonframework.serialization.Serializer {

        DecodeCounting(org.axonframework.serialization.Serializer serializer, Class<?> aggregate) {
            this(serializer, aggregate, new java.util.concurrent.atomic.AtomicInteger());
        }

        @Override
        public <T> org.axonframework.serialization.SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
            return serializer.serialize(object, expectedRepresentation);
        }

        @Override
        public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
            return serializer.canSerializeTo(expectedRepresentation);
        }

        @Override
        public <S, T> T deserialize(org.axonframework.serialization.SerializedObject<S> serializedObject) {
            if (aggregate.getName().equals(serializedObject.getType().getName())) {
                decoded.incrementAndGet();
            }
            return serializer.deserialize(serializedObject);
        }

        @Override
        @SuppressWarnings("rawtypes")
        public Class classForType(org.axonframework.serialization.SerializedType type) {
            return serializer.classForType(type);
        }

        @Override
        public org.axonframework.serialization.SerializedType typeForClass(Class type) {
            return serializer.typeForClass(type);
        }

        @Override
        public org.axonframework.serialization.Converter getConverter() {
            return serializer.getConverter();
        }
    }

    /** Appends {@code payloads} to stream {@code id}, after the events it has. */
    public void append(String id, List<?> payloads) {
        long next = axon.eventStore().lastSequenceNumberFor(id).map(last -> last + 1).orElse(0L);
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        for (Object payload : payloads) {
            messages.add(new GenericDomainEventMessage<>(type.getSimpleName(), id, next++, payload));
        }
        axon.eventStore().publish(messages);
    }

    /** Axon's snapshotter takes a snapshot of stream {@code id} now (at its last event). */
    public void snapshot(String id) {
        axon.snapshotter().scheduleSnapshot(type, id);
    }

    /** The sequence number of the snapshot stored for {@code id}, -1 if none. */
    public long snapshotAt(String id) {
        org.bson.Document snapshot = database.getCollection("snapshots").find(new org.bson.Document("_id", id)).first();
        return snapshot == null ? -1 : snapshot.get("seq", Number.class).longValue();
    }

    /** Forgets every snapshot (a cache lost: kill -9 before its write, or the collection dropped). */
    public void dropSnapshots() {
        database.getCollection("snapshots").deleteMany(new org.bson.Document());
    }

    /** The aggregate as a page loads it (from the latest snapshot it may read, and the events after it), in a unit of work rolled back. */
    public A load(String id) {
        return AggregateLook.ask(axon.eventStore(), axon.repository(type), id, aggregate -> aggregate).orElseThrow();
    }

    /**
     * Each snapshot's split of {@code history} (two events or more), each on a fresh bench ({@code fresh} of the split's index): stored up to the split, a snapshot taken, the
     * rest stored; the aggregate loaded from the snapshot, then from its events only (the snapshot dropped). Each pair is (from the
     * snapshot, folded).
     */
    public static <A> List<List<A>> loadsAroundSnapshots(java.util.function.IntFunction<SnapshotLoads<A>> fresh, String id, List<?> history) {
        List<List<A>> pairs = new ArrayList<>();
        int[] splits = {2, Math.max(2, (history.size() + 1) / 2), history.size()}; // Axon snapshots no stream of one event
        for (int i = 0; i < splits.length; i++) {
            int split = splits[i];
            try (SnapshotLoads<A> bench = fresh.apply(i)) {
                bench.append(id, history.subList(0, split));
                bench.snapshot(id);
                if (bench.snapshotAt(id) != split - 1) {
                    throw new AssertionError("no snapshot at event " + (split - 1) + " of " + id + ": " + bench.snapshotAt(id));
                }
                bench.append(id, history.subList(split, history.size()));
                A fromSnapshot = bench.load(id);
                bench.dropSnapshots();
                pairs.add(List.of(fromSnapshot, bench.load(id)));
            }
        }
        return pairs;
    }

    /**
     * The shape of {@code type}'s state as a snapshot stores it: each instance field's name and generic type, in declaration order. A test
     * pins it beside the class's {@code @Revision}, so that a changed field list fails until the revision is raised.
     */
    public static String shape(Class<?> type) {
        return Arrays.stream(type.getDeclaredFields()).filter(f -> !Modifier.isStatic(f.getModifiers()))
                .map(f -> f.getName() + ":" + f.getGenericType().getTypeName()).collect(Collectors.joining(","));
    }

    /** A short fingerprint of {@link #shape}. */
    public static String shapeHash(Class<?> type) {
        return mn.registry.kernel.crypto.Sha256.hex(shape(type).getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 16);
    }

    @Override
    public void close() {
        axon.shutdown();
    }
}
