package mn.registry.infrastructure.axon;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.serialization.Serializer;
import mn.registry.store.mongo.GaplessEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;

import java.util.function.Supplier;

/**
 * ADR 0069: snapshots of the aggregates whose stream grows with time, by Axon's own means. An aggregate opts in with
 * {@code @Aggregate(snapshotTriggerDefinition = AggregateSnapshots.TRIGGER)} and a {@code @Revision} of its shape: Axon's snapshotter
 * stores the aggregate once a load has folded {@link #THRESHOLD} events or more since the last snapshot, and a load then folds
 * at most that many events after it. A snapshot is a cache: the events stay the record, and a snapshot that is missing, of another
 * revision ({@link #allows}) or unreadable ({@link GaplessEventStorageEngine#readSnapshot}) is passed over and the aggregate folded from
 * its events.
 */
public final class AggregateSnapshots {

    /** The Spring bean name of the trigger the aggregates name in {@code @Aggregate(snapshotTriggerDefinition = ...)}. */
    public static final String TRIGGER = "longStreamSnapshots";

    /** Events a load may fold after the latest snapshot before a new one is taken. */
    public static final int THRESHOLD = 100;

    private AggregateSnapshots() {
    }

    /**
     * Axon's event-count trigger on {@code snapshotter} at {@code threshold} events ({@link #THRESHOLD} unless the deployment sets
     * {@code registry.snapshots.threshold}); 0 or less: Axon's no-snapshot trigger (every load folds the whole stream, as before ADR 0069:
     * the base the benchmarks measure beside it).
     */
    public static SnapshotTriggerDefinition trigger(Snapshotter snapshotter, int threshold) {
        return threshold > 0 ? new EventCountSnapshotTriggerDefinition(snapshotter, threshold) : NoSnapshotTriggerDefinition.INSTANCE;
    }

    /** {@link #trigger(Snapshotter, int)} at {@link #THRESHOLD}. */
    public static SnapshotTriggerDefinition trigger(Snapshotter snapshotter) {
        return trigger(snapshotter, THRESHOLD);
    }

    /**
     * The serializer of snapshots: Axon's {@link JacksonSerializer} on a mapper that reads and writes the aggregate's <em>fields</em>, every
     * one whatever its access, and no getter (the general serializer writes public getters only, and would drop the aggregate's private
     * state without a word). Collections are filled into the ones the aggregate's constructor made (an {@code EnumMap} stays one, an
     * {@code EnumSet} too), dates are ISO text, and a property the class does not have fails the read (then the load folds the events).
     * Records (the events kept, the duties, the ids) are written and read through their components as everywhere else.
     */
    public static JacksonSerializer serializer() {
        JsonMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .visibility(PropertyAccessor.CREATOR, JsonAutoDetect.Visibility.ANY)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .defaultMergeable(true)
                .build();
        return JacksonSerializer.builder().objectMapper(mapper).build();
    }

    /**
     * {@code engine} storing snapshots with {@link #serializer()} and reading only those Axon's configuration {@link #allows}: the registry's
     * event store and the tests' are built by this one method.
     */
    public static GaplessEventStorageEngine.Builder on(GaplessEventStorageEngine.Builder engine, Supplier<Configuration> axon) {
        return on(engine, axon, serializer());
    }

    /** As {@link #on(GaplessEventStorageEngine.Builder, Supplier)} with {@code serializer} (a test's, which counts what it decodes). */
    public static GaplessEventStorageEngine.Builder on(GaplessEventStorageEngine.Builder engine, Supplier<Configuration> axon, Serializer serializer) {
        return engine.snapshotSerializer(serializer).snapshotFilter((SnapshotFilter) snapshot -> allows(snapshot, axon.get()));
    }

    /**
     * Whether Axon's configuration allows a stored snapshot to stand for the events it covers: for each aggregate with a {@code @Revision},
     * Axon's {@code RevisionSnapshotFilter} (a snapshot written under another revision is not read), asked when a snapshot is read, as the
     * event store is built before the configuration that knows the aggregates. It reads the snapshot's revision, not its payload: one this
     * release cannot read (a field the class no longer has) is passed over when the store decodes it, once
     * ({@link GaplessEventStorageEngine#readSnapshot}; until session 26 the payload was decoded here and again by the load).
     */
    static boolean allows(DomainEventData<?> snapshot, Configuration axon) {
        return axon.snapshotFilter().allow(snapshot);
    }
}
