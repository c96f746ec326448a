package mn.registry.benchmarks;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import mn.registry.benchmarks.http.Load;
import mn.registry.benchmarks.http.RegistryProcess;
import mn.registry.benchmarks.store.Timer;
import mn.registry.infrastructure.mongo.GroupCommit;
import mn.registry.store.mongo.EmbeddedMongo;
import mn.registry.store.mongo.MongoIndexes;
import mn.registry.store.mongo.RegistryMongo;
import org.bson.Document;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The figure of the same operation done by the server alone (issue 15, "Done when"): the database operations that one
 * signed {@code ApplyForPermit} causes in the registry today ({@link #OPERATIONS}), done by a plain driver client at 1
 * and 8 threads against a fresh embedded server (in process, {@link EmbeddedMongo} on an H2 file as the registry opens
 * it, with the registry's grouped durable commit, {@link GroupCommit} over {@link RegistryMongo#makeDurable()}, after
 * the events insert). It prints operations/s and "commands/s the server alone allows" (a command's whole list done per
 * command), for the request thread's list alone and for the whole list, beside the registry's commands/s measured in
 * the same run by {@link CommandThroughputBenchmark} (registry.jar on its own fresh data directory, run first, so the
 * two do not share the cores).
 *
 * <p>Arguments: [commands per server-alone round, default 3000] [registry commands per round, default 3000; 0 = no
 * registry round] [registry warm-up commands, default 1000].
 *
 * <p><b>Following the registry.</b> {@link #OPERATIONS} is the only place the list lives. The registry's round of this
 * same run prints "per command in the registry: N round trips" and the kinds of round trip
 * ({@code -Dregistry.mongo.roundTrips=true}, {@code CpuMeter}); when those kinds or counts change (a projection
 * batches its writes, the command log shares the commit), edit the rows here (kind, count per command at 8 clients)
 * and the table "The round trips of one signed ApplyForPermit" in docs/benchmarks.md together. The benchmark prints
 * the list's total round trips per command after the registry's own count (printed by its round) so a drift shows in one output.
 */
public final class ServerAloneBenchmark {

    /** Where a round trip is made: on the command's request thread (before its answer) or after it (readers, projections). */
    enum Side { REQUEST, AFTER }

    /** One kind of round trip: its label as the registry's round-trip counter names it, times per command, what it does. */
    record Op(String kind, Side side, double perCommand, Action action) {
    }

    /** What one round trip does against the database, for command number {@code n} (unique over the run). */
    @FunctionalInterface
    interface Action {
        void run(Collections c, long n);
    }

    /** Documents one bulk write of a projection carries at 8 clients (a batch of the processors: 0.03 bulk writes per command). */
    static final int PROJECTION_BATCH = 32;

    /**
     * One signed {@code ApplyForPermit} today (docs/benchmarks.md, "Session 9 (2026-12-04): figures in one sitting", the
     * registry's round trips at 8 clients, main ef87203): the request thread's six (the events' insert shared by a group,
     * ADR 0039), then the readers at the head and the projections, each projection one bulk write of
     * {@value #PROJECTION_BATCH} documents per {@value #PROJECTION_BATCH} commands (ADR 0019, 0041), one document per command.
     */
    static final List<Op> OPERATIONS = List.of(
            new Op("find events [heads]", Side.REQUEST, 1, (c, n) -> c.events.find(Filters.eq("heads", "7:person-" + n)).first()),
            new Op("insert commands", Side.REQUEST, 1, (c, n) -> c.commands.insertOne(new Document("_id", "cmd-" + n)
                    .append("state", "CLAIMED").append("jws", c.jws).append("claimedAt", System.currentTimeMillis()))),
            new Op("update permit_receipt_counters [$and]", Side.REQUEST, 1, (c, n) -> c.receiptCounters.updateOne(
                    Filters.and(Filters.eq("_id", "2026"), Filters.gte("last", 0L)), Updates.inc("last", 1L))),
            new Op("insert company_permit_claims", Side.REQUEST, 1, (c, n) -> c.companyClaims.insertOne(new Document("_id", "10" + n)
                    .append("applicationId", "permit-" + n).append("commandId", "cmd-" + n).append("claimedAt", "2026-12-04T00:00:00Z"))),
            new Op("insert events (+ durable commit)", Side.REQUEST, 0.71, (c, n) -> {
                long position = c.positions.getAndIncrement();
                String aggregate = "permit-" + n;
                String eventId = UUID.randomUUID().toString();
                c.events.insertOne(new Document("_id", position).append("heads", List.of("0:" + aggregate)).append("tails", List.of("0:" + aggregate))
                        .append("eventIds", List.of(eventId)).append("events", List.of(new Document("eventId", eventId).append("aggregateId", aggregate)
                                .append("seq", 0L).append("type", "PermitApplied").append("payload", c.payload).append("hash", c.hash).append("seal", c.seal))));
                c.durable.await();
            }),
            new Op("update commands [_id]", Side.REQUEST, 1, (c, n) -> c.commands.updateOne(Filters.eq("_id", "cmd-" + n),
                    Updates.combine(Updates.set("state", "DONE"), Updates.set("answer", c.answer)))),
            new Op("find events [_id $in] (readers at the head)", Side.AFTER, 0.68, (c, n) -> c.events.find(Filters.in("_id",
                    List.of(c.positions.get() - 1, c.positions.get()))).into(new ArrayList<>())),
            new Op("update tracking_tokens [lease] (bulk)", Side.AFTER, 0.03, (c, n) -> c.tokens.updateOne(Filters.eq("lease", "proc-" + (n % 6) + "#0|bench"),
                    Updates.set("token", new Document("index", n)), new UpdateOptions().upsert(true))),
            // the documents a new application creates are inserted, as the registry does since ADR 0060 (BatchedWrites.createById)
            bulk("insert stat_facts", (c, n) -> new com.mongodb.client.model.InsertOneModel<>(new Document("_id", "count/applications/" + n)
                    .append("kind", "count").append("at", "2026-12-04")), c -> c.statFacts),
            bulk("insert permit_cases", (c, n) -> new com.mongodb.client.model.InsertOneModel<>(new Document("_id", "permit-" + n)
                    .append("case", c.caseDocument)), c -> c.permitCases),
            bulk("insert reviewer_queue", (c, n) -> new com.mongodb.client.model.InsertOneModel<>(new Document("_id", "permit-" + n)
                    .append("entry", c.queueEntry)), c -> c.reviewerQueue),
            bulk("insert deadlines", (c, n) -> new com.mongodb.client.model.InsertOneModel<>(new Document("_id", "deadline-" + n)
                    .append("aggregateId", "permit-" + n).append("kind", "DECISION").append("state", "OPEN").append("stateKey", "deadline-" + n + "|OPEN")
                    .append("dueAt", n)), c -> c.deadlines),
            bulk("update open_deadlines [_id]", (c, n) -> new UpdateOneModel<>(Filters.eq("_id", "permit-" + n + "|DECISION"),
                    Updates.addToSet("ids", "deadline-" + n), new UpdateOptions().upsert(true)), c -> c.openDeadlines),
            bulk("update deadline_days [_id]", (c, n) -> new UpdateOneModel<>(Filters.eq("_id", "2027-01-05/" + Math.floorMod(("deadline-" + n).hashCode(), 32)),
                    Updates.addToSet("ids", "deadline-" + n), new UpdateOptions().upsert(true)), c -> c.deadlineDays),
            new Op("find log_entries, log_state (transparency log)", Side.AFTER, 0.07, (c, n) -> c.logState.find(Filters.eq("_id", "state")).first()));

    /** A projection's bulk write: {@value #PROJECTION_BATCH} documents, one per command of the batch that ends at command {@code n}. */
    private static Op bulk(String kind, java.util.function.BiFunction<Collections, Long, com.mongodb.client.model.WriteModel<Document>> write,
                           java.util.function.Function<Collections, MongoCollection<Document>> collection) {
        return new Op(kind + " (bulk of " + PROJECTION_BATCH + ")", Side.AFTER, 1.0 / PROJECTION_BATCH, (c, n) -> {
            List<com.mongodb.client.model.WriteModel<Document>> writes = new ArrayList<>(PROJECTION_BATCH);
            for (long k = n - PROJECTION_BATCH + 1; k <= n; k++) {
                writes.add(write.apply(c, k));
            }
            collection.apply(c).bulkWrite(writes, new com.mongodb.client.model.BulkWriteOptions().ordered(false));
        });
    }

    private ServerAloneBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int perRound = args.length > 0 ? Integer.parseInt(args[0]) : 3_000;
        int registryPerRound = args.length > 1 ? Integer.parseInt(args[1]) : 3_000;
        int registryWarmUp = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        boolean ok = true;
        CommandThroughputBenchmark.Result registry = null;
        if (registryPerRound > 0) {
            System.out.println("-- the registry (CommandThroughputBenchmark " + registryPerRound + " " + registryWarmUp + ")");
            try (RegistryProcess process = RegistryProcess.start(Duration.ofMinutes(6))) {
                registry = CommandThroughputBenchmark.run(process, registryPerRound, registryWarmUp);
                ok = registry.ok() && process.noErrorsLogged();
            }
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "-- the server alone: a plain driver client doing one signed ApplyForPermit's operations (%.1f round trips per command, "
                + "%.0f on the request thread):%n", total(Side.AFTER, true), total(Side.REQUEST, false));
        for (Op op : OPERATIONS) {
            System.out.printf(Locale.ROOT, "    %-46s %-8s %.2f per command%n", op.kind(), op.side(), op.perCommand());
        }
        Path dir = Files.createTempDirectory("server-alone-");
        try {
            for (boolean all : new boolean[] {false, true}) {
                for (int threads : new int[] {1, 8}) {
                    double commandsPerSecond = round(dir.resolve((all ? "all-" : "request-") + threads), all, threads, perRound);
                    Load.Round measured = registry == null ? null : threads == 1 ? registry.oneClient() : registry.eightClients();
                    System.out.printf(Locale.ROOT, "    beside it, the registry at %d client%s in this run: %s%n", threads, threads == 1 ? "" : "s",
                            measured == null ? "(not run)"
                                    : String.format(Locale.ROOT, "%.0f commands/s, p99 %.0f ms = %.2f of what the server alone allows", measured.perSecond(),
                                    measured.latency().p99(), measured.perSecond() / commandsPerSecond));
                }
            }
        } finally {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                System.out.println("could not delete " + dir + ": " + e);
            }
        }
        RegistryProcess.exitWith(ok);
    }

    /** One round on a fresh embedded server: {@code commands} commands' operations by {@code threads} threads; returns commands/s. */
    private static double round(Path dataDir, boolean all, int threads, int commands) throws Exception {
        Files.createDirectories(dataDir);
        try (RegistryMongo mongo = RegistryMongo.embedded(EmbeddedMongo.persistent(dataDir))) {
            Collections c = new Collections(mongo);
            List<Op> ops = OPERATIONS.stream().filter(op -> all || op.side() == Side.REQUEST).toList();
            // warm-up (JIT, H2 pages), not counted, on numbers after the measured ones
            runCommands(c, ops, threads, commands, Math.min(500, commands / 3 + 1));
            long commits0 = c.durable.steps();
            long t0 = System.nanoTime();
            long cpu0 = Timer.cpuNanos();
            long roundTrips = runCommands(c, ops, threads, 0, commands);
            long nanos = System.nanoTime() - t0;
            long cpu = Timer.cpuNanos() - cpu0;
            double perSecond = commands / (nanos / 1e9);
            System.out.printf(Locale.ROOT, "server alone, %s, %d thread%s: %,d commands in %.1f s = %,.0f operations/s; %,.0f commands/s the server alone allows "
                            + "(%.1f round trips each; %.2f ms CPU per command in this JVM, server and client; %d durable commits)%n",
                    all ? "whole list" : "request thread's list", threads, threads == 1 ? "" : "s", commands, nanos / 1e9, roundTrips / (nanos / 1e9),
                    perSecond, roundTrips / (double) commands, cpu / 1e6 / commands, c.durable.steps() - commits0);
            return perSecond;
        }
    }

    /** Runs commands {@code from .. from+count-1} (numbers unique within one fresh server) (each: every op its count of times, on one thread); returns the round trips made. */
    private static long runCommands(Collections c, List<Op> ops, int threads, int from, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong next = new AtomicLong(from);
        AtomicLong roundTrips = new AtomicLong();
        long end = (long) from + count;
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                long n;
                while ((n = next.getAndIncrement()) < end) {
                    for (Op op : ops) {
                        int times = timesFor(op.perCommand(), n);
                        for (int k = 0; k < times; k++) {
                            op.action().run(c, n * 4 + k);
                        }
                        roundTrips.addAndGet(times);
                    }
                }
                return null;
            }));
        }
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return roundTrips.get();
    }

    /** How many times an op of {@code perCommand} (e.g. 1.33) runs for command {@code n}: spread evenly, exact over many commands. */
    static int timesFor(double perCommand, long n) {
        return (int) (Math.floor((n + 1) * perCommand) - Math.floor(n * perCommand));
    }

    private static double total(Side upTo, boolean all) {
        return OPERATIONS.stream().filter(op -> all || op.side() == upTo).mapToDouble(Op::perCommand).sum();
    }

    /** The registry's collections on one server, with their indexes as the registry creates them, and documents of a signed command's sizes. */
    static final class Collections {
        final MongoCollection<Document> events;
        final MongoCollection<Document> commands;
        final MongoCollection<Document> receiptCounters;
        final MongoCollection<Document> counters;
        final MongoCollection<Document> tokens;
        final MongoCollection<Document> statFacts;
        final MongoCollection<Document> permitCases;
        final MongoCollection<Document> reviewerQueue;
        final MongoCollection<Document> deadlines;
        final MongoCollection<Document> openDeadlines;
        final MongoCollection<Document> deadlineDays;
        final MongoCollection<Document> companyClaims;
        final MongoCollection<Document> logState;
        final GroupCommit durable;
        final AtomicLong positions = new AtomicLong();
        final String jws = "x".repeat(2_400);
        final String payload = "{\"applicant\":\"ХХК Тэст\",\"documents\":[" + "\"d\",".repeat(200) + "\"d\"]}";
        final String hash = "ab".repeat(32);
        final String seal = "cd".repeat(64);
        final String answer = "{\"receipt\":\"SP-2026-000001\",\"permitId\":\"" + UUID.randomUUID() + "\"}";
        final Document caseDocument = new Document("applicant", "ХХК Тэст").append("status", "SUBMITTED").append("history", "h".repeat(600));
        final Document queueEntry = new Document("company", "ХХК Тэст").append("receipt", "SP-2026-000001").append("submittedAt", 0L);

        Collections(RegistryMongo mongo) {
            MongoDatabase db = mongo.client().getDatabase("registry");
            events = db.getCollection("events");
            commands = db.getCollection("commands");
            receiptCounters = db.getCollection("permit_receipt_counters");
            counters = db.getCollection("counters");
            tokens = db.getCollection("tracking_tokens");
            statFacts = db.getCollection("stat_facts");
            permitCases = db.getCollection("permit_cases");
            reviewerQueue = db.getCollection("reviewer_queue");
            deadlines = db.getCollection("deadlines");
            openDeadlines = db.getCollection("open_deadlines");
            deadlineDays = db.getCollection("deadline_days");
            companyClaims = db.getCollection("company_permit_claims");
            logState = db.getCollection("log_state");
            MongoIndexes.ensure(events);
            MongoIndexes.ensure(tokens);
            MongoIndexes.ensure(deadlines);
            receiptCounters.insertOne(new Document("_id", "2026").append("last", 0L));
            counters.insertOne(new Document("_id", "events").append("next", 0L));
            logState.insertOne(new Document("_id", "state").append("size", 0L));
            durable = new GroupCommit(mongo::makeDurable);
            mongo.makeDurable();
        }
    }
}
