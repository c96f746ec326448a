package mn.registry.benchmarks;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import mn.registry.benchmarks.store.Timer;
import mn.registry.deadline.DeadlineReplay;
import mn.registry.permit.command.PermitDeadlineRules;
import mn.registry.infrastructure.axon.ReadAheadLimit;
import mn.registry.infrastructure.mongo.BatchedWrites;
import mn.registry.kernel.calendar.Deadline;
import mn.registry.kernel.calendar.WorkingDayCalendar;
import mn.registry.kernel.calendar.WorkingDays;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.kernel.crypto.Ed25519;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.money.Money;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.Company;
import mn.registry.kernel.permit.DocumentRef;
import mn.registry.kernel.permit.PermitApplicationApproved;
import mn.registry.kernel.permit.PermitApplicationRegistered;
import mn.registry.kernel.permit.PermitDecisionDueRecomputed;
import mn.registry.kernel.permit.PermitDocumentsReceived;
import mn.registry.kernel.permit.PermitIssued;
import mn.registry.kernel.permit.PermitNumber;
import mn.registry.kernel.permit.ReceiptNumber;
import mn.registry.kernel.permit.RequiredDocument;
import mn.registry.permit.query.PermitCaseProjection;
import mn.registry.permit.query.ReviewerQueueProjection;
import mn.registry.projection.CanonicalHash;
import mn.registry.statistics.StatisticsProjection;
import mn.registry.store.SealingKey;
import mn.registry.store.mongo.EmbeddedMongo;
import mn.registry.store.mongo.GaplessEventStorageEngine;
import mn.registry.store.mongo.RegistryMongo;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.UuidRepresentation;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/**
 * Rebuild of the query-side projections of permits (permit cases, reviewer queue, stat facts) from the event store,
 * as a processor replay does it: one cursor over the stored events ({@code readEvents(tail, false)}) into the
 * projections' handlers, on the embedded H2-backed server. Printed side by side in one run: the per-event path
 * (every write sent as it is made, as before Session 5; the baseline) and the batched path (the events in units of
 * work of {@code batch} events, each projection's writes sent as one bulk write per batch, as the pooled processors
 * now do), each into a fresh database of the same server; then the content hash of each (canonical, over the three
 * collections, read in pages), which must be the same for every run. Before them, in the same run: the catch-up read alone
 * (one cursor, payloads not deserialized; printed again beside each rebuild, as it bounds any rebuild from above) and
 * the same read with every payload and metadata deserialized. Arguments: [events, default 100000] [batch, default 50 = the
 * processors' batch size] [events of the baseline, default all: fewer on a loaded machine, its hash then not compared];
 * with {@code deadlines} before them, the deadline service's projection ({@link DeadlineReplay}: deadlines, open sets, day
 * buckets) is rebuilt instead of the permit projections, the same way.
 * Exit code 1 when the hashes differ.
 */
public final class ProjectionRebuildBenchmark {

    private static final List<String> COLLECTIONS = List.of(PermitCaseProjection.COLLECTION, ReviewerQueueProjection.COLLECTION, StatisticsProjection.FACTS);
    private static final ZoneId UB = mn.registry.kernel.calendar.UlaanbaatarTime.ZONE;
    private static final PersonId OFFICIAL = new PersonId("reviewer-1");

    /** {@code deadlines} as the first argument: the deadline service's projection rebuilt instead of the permit projections. */
    private static boolean deadlines;
    /** ADR 0063: the processor's rebuild reads through {@link ReadAheadLimit}, as the registry's processors do; {@code -Dbench.readAheadLimit=false}: not. */
    private static final boolean READ_AHEAD_LIMIT = !"false".equals(System.getProperty("bench.readAheadLimit"));
    /** The catch-up read alone of this run (events/s), printed beside each rebuild. */
    private static double catchUp;
    /** The client the rebuilds write through, counting their writes. */
    private static MongoClient rebuildClient;
    private static final WriteCount WRITES = new WriteCount();

    /** Bulk writes and the statements (documents written) in them, by command. */
    private static final class WriteCount implements CommandListener {
        final LongAdder commands = new LongAdder();
        final LongAdder statements = new LongAdder();
        final LongAdder reads = new LongAdder();

        @Override
        public void commandStarted(CommandStartedEvent event) {
            String name = event.getCommandName();
            if (name.equals("find") || name.equals("getMore") || name.equals("aggregate")) {
                reads.increment();
            }
            String array = switch (name) {
                case "update" -> "updates";
                case "insert" -> "documents";
                case "delete" -> "deletes";
                default -> null;
            };
            if (array != null) {
                commands.increment();
                statements.add(event.getCommand().getArray(array).size());
            }
        }
    }

    /** CPU time of the embedded server's worker threads (they apply the writes), in nanoseconds. */
    private static long serverCpuNanos() {
        return serverThreads(false);
    }

    /** Bytes the embedded server's worker threads allocated so far. */
    private static long serverAllocated() {
        return serverThreads(true);
    }

    private static long serverThreads(boolean allocated) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (t != null && t.getThreadName().startsWith("mongo-server-worker")) {
                long v = allocated ? ((com.sun.management.ThreadMXBean) threads).getThreadAllocatedBytes(t.getThreadId())
                        : threads.getThreadCpuTime(t.getThreadId());
                sum += Math.max(v, 0);
            }
        }
        return sum;
    }

    /** Bytes the calling thread allocated so far. */
    private static long allocatedHere() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    /**
     * What one run sends and costs, per event, independent of the machine's load: documents written, bulk writes and
     * reads (counted by the rebuild's own client), the CPU of the process, of the calling thread and of the server's
     * workers, and the bytes those threads allocated. Started before the run, printed after it.
     */
    private static final class Counts {
        final long process = Timer.cpuNanos();
        final long main = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        final long mainAllocated = allocatedHere();
        final long server = serverCpuNanos();
        final long serverAllocated = serverAllocated();
        final long commands = WRITES.commands.sum();
        final long statements = WRITES.statements.sum();
        final long reads = WRITES.reads.sum();

        /** The counts per event since this was made; {@code caller}: the calling thread did the run's work (not a processor's threads). */
        void print(long events, boolean caller) {
            double n = events;
            System.out.printf(Locale.ROOT, "  per event: %.3f documents written in %.4f bulk writes, %.4f reads; CPU %.1f us the process",
                    (WRITES.statements.sum() - statements) / n, (WRITES.commands.sum() - commands) / n, (WRITES.reads.sum() - reads) / n,
                    (Timer.cpuNanos() - process) / 1e3 / n);
            if (caller) {
                System.out.printf(Locale.ROOT, ", of which %.1f us the main thread (read, decode, handlers, client side of the writes)",
                        (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - main) / 1e3 / n);
            }
            System.out.printf(Locale.ROOT, " and %.1f us the server's workers (applying the writes); allocated %s%.0f B by the server's workers%n",
                    (serverCpuNanos() - server) / 1e3 / n, caller ? String.format(Locale.ROOT, "%.0f B by the main thread, ", (allocatedHere() - mainAllocated) / n) : "",
                    (serverAllocated() - serverAllocated) / n);
        }
    }

    private ProjectionRebuildBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        deadlines = args.length > 0 && "deadlines".equals(args[0]);
        if (deadlines) {
            args = java.util.Arrays.copyOfRange(args, 1, args.length);
        }
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        long baselineEvents = args.length > 2 ? Long.parseLong(args[2]) : Long.MAX_VALUE;
        Path dir = Files.createTempDirectory("rebuild-bench");
        EmbeddedMongo server = EmbeddedMongo.persistent(dir);
        // the rebuilds write through a client of their own that counts what they send (Session 9): documents written
        // per event do not depend on the machine's load
        try (RegistryMongo mongo = RegistryMongo.embedded(server);
             MongoClient counted = MongoClients.create(MongoClientSettings.builder().applyConnectionString(new ConnectionString(server.connectionString()))
                     .uuidRepresentation(UuidRepresentation.STANDARD).addCommandListener(WRITES).build())) {
            rebuildClient = counted;
            GaplessEventStorageEngine engine = GaplessEventStorageEngine.builder()
                    .database(mongo.client().getDatabase("registry"))
                    .sealingKey(new SealingKey("bench-seal", Ed25519.generate(new SecureRandom()).privateKey()))
                    .eventSerializer(JacksonSerializer.builder().objectMapper(CanonicalJson.mapper()).build())
                    .build();
            engine.ensureIndexes();
            long f0 = System.nanoTime();
            int stored = fill(engine, events);
            System.out.printf("filled %,d permit events (%,d applications x 5: registered, documents, due moved, approved, issued) in %.1f s%n",
                    stored, stored / 5, (System.nanoTime() - f0) / 1e9);

            long r0 = System.nanoTime();
            long c0 = Timer.cpuNanos();
            long read;
            try (Stream<? extends TrackedEventMessage<?>> s = engine.readEvents(engine.createTailToken(), false)) {
                read = s.count();
            }
            long readNanos = System.nanoTime() - r0;
            Timer.print("catch-up read alone: one cursor over the store (payloads not deserialized)", read, readNanos, Timer.cpuNanos() - c0, "none");
            catchUp = Timer.perSecond(read, readNanos);
            long d0 = System.nanoTime();
            long dc0 = Timer.cpuNanos();
            long decoded = 0;
            try (Stream<? extends TrackedEventMessage<?>> s = engine.readEvents(engine.createTailToken(), false)) {
                var it = s.iterator();
                while (it.hasNext()) {
                    TrackedEventMessage<?> m = it.next();
                    if (m.getPayload() != null && m.getMetaData() != null) {
                        decoded++;
                    }
                }
            }
            Timer.print("read and decoded: the same, each payload and metadata deserialized", decoded, System.nanoTime() - d0, Timer.cpuNanos() - dc0, "none");

            String perEvent = rebuild(mongo, engine, "rebuild_per_event", 1, false, baselineEvents);
            String batched1 = rebuild(mongo, engine, "rebuild_batched_1", batch, true, Long.MAX_VALUE);
            String batched2 = rebuild(mongo, engine, "rebuild_batched_2", batch, true, Long.MAX_VALUE);
            serverAlone(mongo, "rebuild_batched_2", n(stored, batch), stored);
            if (READ_AHEAD_LIMIT) { // ADR 0063: Axon's processor alone (handlers that only decode), without and with the read-ahead limit
                processorRebuild(engine, "processor_alone", batch, stored, false, true);
                processorRebuild(engine, "processor_alone_limited", batch, stored, true, true);
            }
            String byProcessor = processorRebuild(engine, "rebuild_by_processor", batch, stored, READ_AHEAD_LIMIT, false);
            // a baseline over the first events only (a loaded machine) has a hash of its own: not compared
            boolean same = (baselineEvents < stored || perEvent.equals(batched1)) && batched1.equals(batched2) && batched1.equals(byProcessor);
            String perEventSays = baselineEvents < stored ? "per-event (first " + baselineEvents + " events only, not compared) " : "per-event ";
            System.out.println("hashes " + (same ? "EQUAL" : "DIFFER") + ": " + perEventSays + perEvent + ", batched " + batched1
                    + ", batched again " + batched2 + ", by the processor " + byProcessor);
            if (!same) {
                System.exit(1);
            }
        }
    }

    /** How many batches of {@code batch} events {@code events} make. */
    private static int n(int events, int batch) {
        return (events + batch - 1) / batch;
    }

    private static List<String> collections() {
        return deadlines ? DeadlineReplay.COLLECTIONS : COLLECTIONS;
    }

    /**
     * The embedded server alone doing a rebuild's writes (issue 15's Done-when): the documents the batched rebuild built
     * (read back from {@code built}), written by a plain driver client into fresh databases of the same server, in as many
     * bulk writes as the rebuild sent: each collection's documents in {@code batches} consecutive parts, one bulk write per
     * collection and part. First as inserts, then as upserts by {@code _id} setting every field (one update per document,
     * as the rebuild's folded writes are). Nothing decoded or handled: what the server costs for these documents.
     */
    private static void serverAlone(RegistryMongo mongo, String built, int batches, long events) {
        List<List<org.bson.RawBsonDocument>> documents = new ArrayList<>();
        for (String name : collections()) {
            List<org.bson.RawBsonDocument> all = new ArrayList<>();
            mongo.client().getDatabase(built).getCollection(name, org.bson.RawBsonDocument.class).find().batchSize(1000).into(all);
            documents.add(all);
        }
        for (boolean upsert : new boolean[]{false, true}) {
            List<List<List<WriteModel<org.bson.RawBsonDocument>>>> parts = new ArrayList<>();
            long total = 0;
            for (List<org.bson.RawBsonDocument> all : documents) {
                List<List<WriteModel<org.bson.RawBsonDocument>>> byBatch = new ArrayList<>();
                for (int b = 0; b < batches; b++) {
                    List<WriteModel<org.bson.RawBsonDocument>> part = new ArrayList<>();
                    for (org.bson.RawBsonDocument d : all.subList((int) ((long) all.size() * b / batches), (int) ((long) all.size() * (b + 1) / batches))) {
                        part.add(upsert ? upsertOf(d) : new InsertOneModel<>(d));
                    }
                    byBatch.add(part);
                    total += part.size();
                }
                parts.add(byBatch);
            }
            MongoDatabase db = mongo.client().getDatabase(upsert ? "server_alone_upserts" : "server_alone_inserts");
            long t0 = System.nanoTime();
            long c0 = Timer.cpuNanos();
            long server0 = serverCpuNanos();
            long allocated0 = serverAllocated();
            long bulks = 0;
            for (int b = 0; b < batches; b++) {
                for (int c = 0; c < parts.size(); c++) {
                    List<WriteModel<org.bson.RawBsonDocument>> part = parts.get(c).get(b);
                    if (!part.isEmpty()) {
                        db.getCollection(collections().get(c), org.bson.RawBsonDocument.class).bulkWrite(part, new BulkWriteOptions().ordered(false));
                        bulks++;
                    }
                }
            }
            long nanos = System.nanoTime() - t0;
            Timer.print("the server alone: the same documents " + (upsert ? "upserted by _id ($set)" : "inserted") + ", plain client", events, nanos,
                    Timer.cpuNanos() - c0, "the bound of the rebuild's writes on this server");
            System.out.printf(Locale.ROOT, "  per event: %.3f documents in %.4f bulk writes; CPU %.1f us the server's workers, allocated %.0f B by them%n",
                    total / (double) events, bulks / (double) events, (serverCpuNanos() - server0) / 1e3 / events, (serverAllocated() - allocated0) / (double) events);
        }
    }

    /** An upsert by {@code _id} that makes {@code d} from nothing: every other field set. */
    private static WriteModel<org.bson.RawBsonDocument> upsertOf(org.bson.RawBsonDocument d) {
        org.bson.BsonDocument fields = new org.bson.BsonDocument();
        d.forEach((k, v) -> {
            if (!k.equals("_id")) {
                fields.put(k, v);
            }
        });
        return new UpdateOneModel<>(new org.bson.BsonDocument("_id", d.get("_id")), new org.bson.BsonDocument("$set", fields), new UpdateOptions().upsert(true));
    }

    /** The projections (or the deadline service's) rebuilt: fresh handlers writing into {@code db}. */
    private static List<Object> projections(MongoDatabase db) {
        return deadlines ? List.of(DeadlineReplay.handler(db, List.of(new PermitDeadlineRules())))
                : List.of(new PermitCaseProjection(db), new ReviewerQueueProjection(db), new StatisticsProjection(db));
    }

    /**
     * The rebuild as the registry replays a processing group (session 17): Axon's pooled streaming processor, configured
     * as {@code AxonStorageConfiguration} configures the registry's (batches of {@code batch}, two segments, BatchedWrites'
     * flush interceptor, failures propagated; read through {@link ReadAheadLimit}, ADR 0063, unless {@code limited} is false),
     * reading the store from its tail through an event store on this engine until both segments' tokens reach the head.
     * {@code alone}: handlers that only decode each payload, nothing written (Axon's processor alone). Its coordinator reads while the work packages handle, one thread per
     * segment. Returns the content hash of what it built.
     */
    private static String processorRebuild(GaplessEventStorageEngine engine, String database, int batch, long events, boolean limited, boolean alone)
            throws Exception {
        MongoDatabase db = rebuildClient.getDatabase(database);
        org.axonframework.eventsourcing.eventstore.EmbeddedEventStore store = org.axonframework.eventsourcing.eventstore.EmbeddedEventStore.builder()
                .storageEngine(engine).build();
        CoordinatorWaits coordinator = new CoordinatorWaits();
        java.util.concurrent.ScheduledExecutorService workers = java.util.concurrent.Executors.newScheduledThreadPool(2);
        org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore tokens = new org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore();
        String name = "rebuild-" + database;
        // ADR 0063: read through the registry's ReadAheadLimit (-Dbench.readAheadLimit=false: Axon's coordinator reading the store itself)
        java.util.concurrent.atomic.AtomicReference<org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor> built = new java.util.concurrent.atomic.AtomicReference<>();
        org.axonframework.messaging.StreamableMessageSource<TrackedEventMessage<?>> source = limited
                ? new ReadAheadLimit(store, batch, () -> built.get() == null ? java.util.Map.of() : built.get().processingStatus()) : store;
        org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor processor = org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor.builder()
                .name(name)
                .eventHandlerInvoker(org.axonframework.eventhandling.SimpleEventHandlerInvoker.builder().eventHandlers(alone ? List.of(DECODE_ONLY) : projections(db))
                        .listenerInvocationErrorHandler(org.axonframework.eventhandling.PropagatingErrorHandler.instance()).build())
                .messageSource(source)
                .tokenStore(tokens)
                .transactionManager(org.axonframework.common.transaction.NoTransactionManager.INSTANCE)
                .coordinatorExecutor(coordinator)
                .workerExecutor(workers)
                .batchSize(batch)
                .initialSegmentCount(2)
                .initialToken(org.axonframework.messaging.StreamableMessageSource::createTailToken)
                .build();
        built.set(processor);
        processor.registerHandlerInterceptor(BatchedWrites.flushInterceptor());
        long head = engine.createHeadToken().position().orElseThrow();
        long t0 = System.nanoTime();
        long c0 = Timer.cpuNanos();
        Counts counts = new Counts();
        processor.start();
        try {
            while (true) {
                int[] segments = tokens.fetchSegments(name);
                boolean atHead = segments.length > 0;
                for (int segment : segments) {
                    org.axonframework.eventhandling.TrackingToken token = tokens.fetchToken(name, segment);
                    atHead &= token != null && token.position().orElse(-1) >= head;
                }
                if (atHead || processor.isError()) {
                    break;
                }
                Thread.sleep(5);
            }
        } finally {
            processor.shutDown();
            store.shutDown(); // its producer threads are not daemons
            coordinator.shutdownNow();
            workers.shutdownNow();
        }
        long nanos = System.nanoTime() - t0;
        if (processor.isError()) {
            throw new IllegalStateException("the processor failed");
        }
        Timer.print((alone ? "Axon's processor alone, handlers only decoding" : "rebuild by the registry's processor") + " (pooled, 2 segments, batches of "
                + batch + (limited ? ", read-ahead limit" : ", no read-ahead limit") + ")", events, nanos, Timer.cpuNanos() - c0,
                String.format("≥ 10,000/s; beside it, the catch-up read alone %,.0f/s", catchUp));
        counts.print(events, false);
        System.out.printf(Locale.ROOT, "  the coordinator's waits of 100 ms on a full work package queue (ADR 0063): %d (%.1f s)%n",
                coordinator.fullQueueWaits.sum(), coordinator.fullQueueWaits.sum() / 10.0);
        return alone ? "" : hash(db);
    }

    /**
     * The processor's coordinator thread, counting the times Axon 4.13's coordinator schedules itself 100 ms later: it does so only
     * when a work package's queue is full ({@code Coordinator.CoordinationTask#run}, {@code scheduleCoordinationTask(100)}).
     */
    private static final class CoordinatorWaits extends java.util.concurrent.ScheduledThreadPoolExecutor {
        final LongAdder fullQueueWaits = new LongAdder();

        CoordinatorWaits() {
            super(1);
        }

        @Override
        public java.util.concurrent.ScheduledFuture<?> schedule(Runnable command, long delay, java.util.concurrent.TimeUnit unit) {
            if (unit.toMillis(delay) == 100) {
                fullQueueWaits.increment();
            }
            return super.schedule(command, delay, unit);
        }
    }

    /** The handler of Axon's processor alone: each payload decoded, nothing written. */
    private static final org.axonframework.eventhandling.EventMessageHandler DECODE_ONLY = event -> event.getPayload();

    /**
     * The content hash of what a rebuild built. The deadline service's lists ({@code ids} and {@code at} of open sets and
     * day buckets) are sets, written with {@code $addToSet}: the order of their items is the order the writes arrived in,
     * which two segments writing one day's bucket interleave differently in every run. They are hashed sorted.
     */
    private static String hash(MongoDatabase db) {
        if (!deadlines) {
            return CanonicalHash.ofCollections(db, COLLECTIONS);
        }
        DeadlineReplay.dropMarks(db);
        java.util.TreeMap<String, com.fasterxml.jackson.databind.JsonNode> sorted = new java.util.TreeMap<>();
        org.bson.json.JsonWriterSettings relaxed = org.bson.json.JsonWriterSettings.builder().outputMode(org.bson.json.JsonMode.RELAXED).build();
        for (String name : DeadlineReplay.COLLECTIONS) {
            for (org.bson.Document d : db.getCollection(name).find()) {
                for (String list : List.of("ids", "at")) {
                    List<String> items = d.getList(list, String.class);
                    if (items != null) {
                        d.put(list, items.stream().sorted().toList());
                    }
                }
                try {
                    sorted.put(name + "/" + d.get("_id"), CanonicalJson.mapper().readTree(d.toJson(relaxed)));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }
        CanonicalHash hash = new CanonicalHash();
        sorted.forEach(hash::add);
        return hash.hex();
    }

    /** Reads every stored event with one cursor into fresh projections; returns the content hash of what they built. */
    private static String rebuild(RegistryMongo mongo, GaplessEventStorageEngine engine, String database, int batch, boolean batched, long limit)
            throws Exception {
        MongoDatabase db = rebuildClient.getDatabase(database);
        List<AnnotationEventHandlerAdapter> handlers = projections(db).stream().map(AnnotationEventHandlerAdapter::new).toList();

        long t0 = System.nanoTime();
        long c0 = Timer.cpuNanos();
        Counts counts = new Counts();
        long n = 0;
        List<EventMessage<?>> pending = new ArrayList<>(batch);
        try (Stream<? extends TrackedEventMessage<?>> s = engine.readEvents(engine.createTailToken(), false)) {
            var it = s.iterator();
            while (it.hasNext() && n < limit) {
                pending.add(it.next());
                n++;
                if (pending.size() >= batch) {
                    handle(pending, handlers, batched);
                    pending = new ArrayList<>(batch);
                }
            }
        }
        if (!pending.isEmpty()) {
            handle(pending, handlers, batched);
        }
        String what = batched ? "rebuild, batched (" + batch + " events per unit of work, one bulk write per collection)"
                : "rebuild, per event (every write sent at once; baseline)";
        Timer.print(what, n, System.nanoTime() - t0, Timer.cpuNanos() - c0,
                String.format("≥ 10,000/s; beside it, the catch-up read alone %,.0f/s", catchUp));
        counts.print(n, true);
        return hash(db);
    }

    private static void handle(List<EventMessage<?>> messages, List<AnnotationEventHandlerAdapter> handlers, boolean batched) throws Exception {
        if (!batched) {
            for (EventMessage<?> m : messages) {
                for (AnnotationEventHandlerAdapter h : handlers) {
                    h.handle(m);
                }
            }
            return;
        }
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(messages);
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> new DefaultInterceptorChain<>(unitOfWork, List.of(BatchedWrites.flushInterceptor()),
                m -> {
                    for (AnnotationEventHandlerAdapter h : handlers) {
                        h.handle(m);
                    }
                    return null;
                }).proceed());
        if (result.isExceptional()) {
            throw new IllegalStateException(result.exceptionResult());
        }
    }

    /**
     * Appends {@code events / 5} applications of five events each, 50 applications per commit (the fill is not measured);
     * the same events in every run.
     */
    static int fill(GaplessEventStorageEngine engine, int events) {
        WorkingDayCalendar calendar = WorkingDayCalendar.base();
        int apps = events / 5;
        List<EventMessage<?>> commit = new ArrayList<>();
        for (int n = 0; n < apps; n++) {
            ApplicationId id = ApplicationId.of(new UUID(7, n));
            LocalDate on = LocalDate.of(2026, 1, 5).plusDays(n % 300);
            Deadline d = calendar.deadline(on, new WorkingDays(17));
            Company company = new Company("Тэнгэр Трейд ХХК " + n, "10" + n, true, "Улаанбаатар, Сүхбаатар дүүрэг");
            DocumentRef doc = new DocumentRef(RequiredDocument.CORRESPONDENT_BANK_REFERENCE, String.format("%064x", n), 1000 + n, "application/pdf", at(on));
            Object[] payloads = {
                    new PermitApplicationRegistered(id, ReceiptNumber.of(2026, n + 1), company, List.of(doc), at(on), d.due(), d.dueAt().toInstant(),
                            new WorkingDays(17), calendar.version(), "002 art. 26.1", new PersonId("applicant-" + n), "00".repeat(32)),
                    new PermitDocumentsReceived(id, List.of(new DocumentRef(RequiredDocument.AUDITED_FINANCIAL_STATEMENTS, String.format("%064x", n + 1),
                            2000, "application/pdf", at(on.plusDays(1)))), at(on.plusDays(1))),
                    new PermitDecisionDueRecomputed(id, on, d.due().plusDays(1), d.dueAt().toInstant().plusSeconds(86_400), calendar.version(), "002 art. 26.1"),
                    new PermitApplicationApproved(id, Money.mnt(1_000_000), at(on.plusDays(10)), OFFICIAL, "002 art. 26.2.2"),
                    new PermitIssued(id, PermitNumber.of(ReceiptNumber.of(2026, n + 1)), "Ministry", company, "payment services",
                            on.plusDays(12), on.plusDays(12).plusYears(5), List.of(), at(on.plusDays(12)), OFFICIAL, "00".repeat(32))};
            for (int seq = 0; seq < payloads.length; seq++) {
                // identifiers and timestamps from n and seq (session 19): the permit cases' histories hold each event's
                // timestamp, so the content hash is the same in every run and on every build, and comparable between them
                commit.add(new GenericDomainEventMessage<>("PermitApplication", id.value(), seq, payloads[seq],
                        MetaData.with("signedBy", OFFICIAL.value()).and("commandId", "cmd-" + n + "-" + seq).and("jwsSha256", "ef".repeat(32)),
                        new UUID(9, 5L * n + seq).toString(), at(on).plusSeconds(60L * seq)));
            }
            if (commit.size() >= 250 || n == apps - 1) {
                engine.appendEvents(commit);
                commit = new ArrayList<>();
            }
        }
        return apps * 5;
    }

    private static Instant at(LocalDate day) {
        return day.atTime(10, 0).atZone(UB).toInstant();
    }
}
