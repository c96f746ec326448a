package mn.registry.permit.command;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import mn.registry.infrastructure.time.RepeatedTask;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.PermitApplicationRegistered;
import mn.registry.kernel.problem.RegistryProblem;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The applications each person represents (002 art. 26.2.3, 27.2, 29.6; ADR 0046 items 42 and 46, ADR 0058): {@value #SHARDS}
 * documents per person in {@value #COLLECTION}, {@code {_id: personId/k, applications: [applicationId...]}} ({@code k} from the
 * application id's hash), so that the erasure of a person's data asks the applications that person applied for by one {@code _id $in}
 * lookup ({@link HolderActsNeedTheirRepresentative}), not a scan of every company's claim (the architecture's "no full scans"; the
 * embedded server uses no index but {@code _id}).
 * <p>
 * The representative of an application is who signed it (the registry knows no other) and never changes, so the index is a fold of the
 * stored {@link PermitApplicationRegistered} events: the store is read from the position the index last reached ({@code _id:}
 * {@value #THROUGH}) to its head, every {@value #CATCH_UP_SECONDS} s in the background and again by every erasure before it is judged
 * (ADR 0058). So an erasure sees every application stored before its receipt, and {@code ApplyForPermit} writes nothing here: session
 * 17 wrote the index on the command's own path, one more round trip per application (docs/benchmarks.md, session 17). Writes are
 * {@code $addToSet} and the position only moves forward ({@code $max}), so a catch-up stopped half-way, run again, or run by two
 * nodes at once adds nothing twice. A registry that had the index of session 17 keeps its documents (what they list is also in
 * the store, or names an application a lost command never registered, passed over when asked) and reads the store once from its start.
 */
@Component
class PermitRepresentatives implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PermitRepresentatives.class);
    static final String COLLECTION = "permit_representatives";
    /** The position of the last stored event the index has read: never a person id (those have no colon). */
    static final String THROUGH = "through:events";
    static final long CATCH_UP_SECONDS = 2;
    /** How long an erasure waits for a catch-up another thread runs (the first, over a large store, reads it all). */
    private static final Duration WAIT = Duration.ofSeconds(60);

    /**
     * Documents a person's applications are spread over (the lead's review, session 17): the embedded server re-encodes a whole
     * document on each update, and an agent who signs every application of many companies (the throughput benchmark's one
     * applicant signs thousands) made each update rewrite a list of all of them. As the deadlines' day buckets.
     */
    static final int SHARDS = 16;

    private final MongoCollection<Document> representatives;
    private final EventStore events;
    private final ReentrantLock catchingUp = new ReentrantLock();
    private RepeatedTask background;

    PermitRepresentatives(MongoDatabase database, EventStore events) {
        this.representatives = database.getCollection(COLLECTION);
        this.events = events;
    }

    /** The document of {@code person}'s that lists {@code application}. */
    static String shard(String person, String application) {
        return person + "/" + Math.floorMod(application.hashCode(), SHARDS);
    }

    /** The applications {@code person} applied for, every one stored before this call among them (one {@code _id $in} lookup). */
    List<ApplicationId> of(PersonId person) {
        catchUpOrRefuse();
        List<String> shards = new ArrayList<>(SHARDS);
        for (int k = 0; k < SHARDS; k++) {
            shards.add(person.value() + "/" + k);
        }
        List<ApplicationId> applications = new ArrayList<>();
        for (Document found : representatives.find(Filters.in("_id", shards))) {
            for (String id : found.getList("applications", String.class, List.of())) {
                applications.add(new ApplicationId(id));
            }
        }
        return applications;
    }

    /**
     * Reads the store from the index's position to its head and adds the applications registered there; answers how many events
     * were read. One catch-up at a time on a node; another waits for it and then reads what is left.
     */
    long catchUp() {
        catchingUp.lock();
        try {
            return readToTheHead();
        } finally {
            catchingUp.unlock();
        }
    }

    private void catchUpOrRefuse() {
        try {
            if (catchingUp.tryLock(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                try {
                    readToTheHead();
                    return;
                } finally {
                    catchingUp.unlock();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new RegistryProblem(RegistryProblem.Kind.UNAVAILABLE, "privacy.erasure-not-ready", "The registry is still indexing the "
                + "representatives of the applications it holds; retry the erasure in a minute.", null, "domain-rules §5");
    }

    private long readToTheHead() {
        long started = System.nanoTime();
        long from = position();
        long through = from;
        long read = 0;
        Map<String, Set<String>> byShard = new LinkedHashMap<>();
        TrackingToken after = from == 0 ? null : new GlobalSequenceTrackingToken(from);
        try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(after)) {
            while (stream.hasNextAvailable()) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                read++;
                through = event.trackingToken().position().orElse(through);
                if (event.getPayloadType() == PermitApplicationRegistered.class) {
                    PermitApplicationRegistered registered = (PermitApplicationRegistered) event.getPayload();
                    if (registered.signedBy() != null) {
                        String application = registered.applicationId().value();
                        byShard.computeIfAbsent(shard(registered.signedBy().value(), application), k -> new LinkedHashSet<>()).add(application);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the store for the permit representatives", e);
        }
        if (!byShard.isEmpty()) {
            List<UpdateOneModel<Document>> writes = new ArrayList<>(byShard.size());
            byShard.forEach((shard, listed) -> writes.add(new UpdateOneModel<>(Filters.eq("_id", shard),
                    Updates.addEachToSet("applications", new ArrayList<>(listed)), new UpdateOptions().upsert(true))));
            representatives.bulkWrite(writes);
        }
        if (through > from) {
            // after the applications: a stop in between reads them again, and $addToSet adds nothing twice
            representatives.updateOne(Filters.eq("_id", THROUGH), Updates.max("position", through), new UpdateOptions().upsert(true));
        }
        if (read > 1_000) {
            log.info("permit representatives (ADR 0058): read {} events to position {}, {} people's documents updated, in {} ms", read, through,
                    byShard.size(), (System.nanoTime() - started) / 1_000_000);
        }
        return read;
    }

    /** The position of the last stored event the index has read; 0 before the first. */
    long position() {
        Document through = representatives.find(Filters.eq("_id", THROUGH)).first();
        return through == null ? 0 : ((Number) through.get("position")).longValue();
    }

    // ------------------------------------------------------------------ the background catch-up

    @Override
    public synchronized void start() {
        background = RepeatedTask.start("permit-representatives", Duration.ZERO, Duration.ofSeconds(CATCH_UP_SECONDS), this::catchUp, log,
                "Catch-up of the permit representatives");
    }

    @Override
    public synchronized void stop() {
        if (background != null) {
            background.close();
            background = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return background != null;
    }

    @Override
    public int getPhase() {
        // with the start-up backfills (StoreBackfills), after Axon has started the event store
        return Integer.MAX_VALUE - 200;
    }
}
