package mn.registry.benchmarks;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import mn.registry.benchmarks.http.CpuMeter;
import mn.registry.benchmarks.http.Load;
import mn.registry.benchmarks.http.RegistryProcess;
import mn.registry.benchmarks.http.ServerProbe;
import mn.registry.benchmarks.http.ThreadCpu;
import mn.registry.benchmarks.store.Timer;
import mn.registry.infrastructure.mongo.GroupCommit;
import mn.registry.store.mongo.MongoIndexes;
import mn.registry.store.mongo.RegistryMongo;
import org.bson.Document;
import org.bson.RawBsonDocument;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The figure of the same operation done by the server alone (issue 15, "Done when"): the database operations that one
 * signed {@code ApplyForPermit} causes in the registry today ({@link #OPERATIONS}), done by a plain driver client
 * against a fresh embedded server (in process, opened by {@link RegistryMongo#open} on an H2 file as the registry opens it,
 * the registry's indexes, the events inserted in groups and one durability step per group, {@link GroupCommit} over
 * {@link RegistryMongo#makeDurable()}, as the store does it: {@link GroupAppend}), with documents padded to the registry's
 * average size per collection, read from the registry's own data after its round ({@link Stored}). No HTTP, no Axon, no
 * crypto. It prints operations/s, "commands/s the server alone allows" (a command's list done per command) and this JVM's
 * CPU per command by thread group (the embedded server's workers, the callers, which also run the durability step, the
 * JIT, the collector), for the request thread's list alone and for the whole list, beside the registry's commands/s
 * measured in the same run by {@link CommandThroughputBenchmark} (registry.jar on its own fresh data directory, run
 * first, so the two do not share the cores; its round prints the registry's CPU by thread group the same way).
 *
 * <p>Arguments: [commands per server-alone round, default 3000] [registry commands per round, default 3000; 0 = no
 * registry round, documents not padded] [registry warm-up commands, default 1000] [server-alone threads, default "1,8"].
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

    /**
     * One signed {@code ApplyForPermit} today, at 8 clients (recounted in session 26 after ADR 0070, from the registry's round with
     * {@code -Dregistry.mongo.roundTrips=true}; session 25: 7.4-7.6 round trips per command; session 29: the papers' find, ADR 0072): the
     * request thread's six kinds (the signer's head, the command log's claim, the receipt counter, the company's and the documents' claims in
     * one insert, ADR 0070, the papers of the company's own read in one find, ADR 0057 item 11, the events' insert shared by a group, ADR 0039, then one durability step for the group, as the store does it), then the command
     * log's answers written several in one update off the request thread (ADR 0066), the readers at the head, the processors' bulk
     * writes (one write of {@code 1 / perCommand} documents, one document per command: ADR 0019, 0041, 0060) and the transparency log's reads. Documents are padded to the registry's average size
     * of their collection, read from the registry's own data after its round ({@link Stored}); indexes are the registry's
     * ({@link MongoIndexes#ensure}).
     */
    /**
     * With {@code -Dbench.randomKeys=true} the request thread's keys are spread over their indexes as the registry's are (command
     * ids and application ids are UUIDs: each command touches its own leaf of each unique index), else they follow {@code n}
     * (the commands of one durability step share the leaves). ADR 0067's measurement of why a registry commit writes more.
     */
    static final boolean RANDOM_KEYS = Boolean.getBoolean("bench.randomKeys");

    static String key(String prefix, long n) {
        return RANDOM_KEYS ? UUID.nameUUIDFromBytes((prefix + n).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString() : prefix + n;
    }

    static final List<Op> OPERATIONS = List.of(
            new Op("find events [heads]", Side.REQUEST, 1, (c, n) -> c.events.find(Filters.eq("heads", "0:" + key("permit-", Math.max(0, n - 32)))).first()),
            new Op("insert commands", Side.REQUEST, 1, (c, n) -> c.commands.insertOne(c.padded("commands", new Document("_id", key("cmd-", n))
                    .append("state", "ACCEPTED").append("lease", key("cmd-", n) + "@" + n).append("jws", c.jws).append("acceptedAt", n)))),
            new Op("update permit_receipt_counters [$and]", Side.REQUEST, 1, (c, n) -> c.receiptCounters.updateOne(
                    Filters.and(Filters.eq("_id", "2026"), Filters.gte("last", 0L)), Updates.inc("last", 1L))),
            // ADR 0070 (session 26): the company's claim and the application's six documents' claims in one unordered insert; since
            // session 28 (ADR 0057 item 8, F462) each company names six papers of its own, so the seven keys are fresh (no duplicate key)
            new Op("insert document_claims", Side.REQUEST, 1, (c, n) -> c.claimCompanyAndDocuments(n)),
            // ADR 0057 item 11, ADR 0072 (session 29): the application's six papers read in one find ($in on _id, without their bytes),
            // not marked cited (its claims keep them); papers received by another node, as the benchmark writes them (none on papers
            // just uploaded to the node: DocumentStore.readClaimed remembers them)
            new Op("find documents [$in]", Side.REQUEST, 1, (c, n) -> c.documents.find(Filters.in("_id", Collections.papersOf(n)))
                    .projection(com.mongodb.client.model.Projections.exclude("content")).into(new ArrayList<>())),
            new Op("insert events (grouped) + durability step", Side.REQUEST, 1, (c, n) -> c.appendGroup.append(c.eventCommit(n))),
            // ADR 0066: the command log's answers written off the request thread, several in one update (0.29 a command at 8 clients,
            // the lead's session 24 run of main 2d0dd842 with the answer delay of 10 ms)
            bulk("update commands [_id]", 0.29, (c, n) -> new UpdateOneModel<>(Filters.eq("_id", key("cmd-", n)),
                    Updates.combine(Updates.set("state", "DONE"), Updates.set("lease", key("cmd-", n)), Updates.set("answer", c.answer))), c -> c.commands),
            // the store's readers look for the next positions by $in (index look-ups; a range on _id is a scan on this server)
            new Op("find events [_id] (readers at the head)", Side.AFTER, 0.10, (c, n) -> c.events.find(Filters.in("_id",
                    List.of(c.positions.get() - 2, c.positions.get() - 1, c.positions.get()))).into(new ArrayList<>())),
            new Op("update tracking_tokens [lease]", Side.AFTER, 0.05, (c, n) -> c.tokens.updateOne(Filters.eq("lease", "proc-" + (n % 6) + "#0|bench"),
                    Updates.set("token", new Document("index", n)), new UpdateOptions().upsert(true))),
            new Op("find tracking_tokens [processorName]", Side.AFTER, 0.03, (c, n) -> c.tokens.find(Filters.eq("processorName", "proc-" + (n % 6)))
                    .into(new ArrayList<>())),
            // the documents a new application creates are inserted, as the registry does since ADR 0060 (BatchedWrites.createById)
            bulk("insert stat_facts", 0.03, (c, n) -> new InsertOneModel<>(c.padded("stat_facts", new Document("_id", "count/applications/" + n)
                    .append("kind", "count").append("at", "2026-12-04"))), c -> c.statFacts),
            bulk("insert permit_cases", 0.03, (c, n) -> new InsertOneModel<>(c.padded("permit_cases", new Document("_id", "permit-" + n))), c -> c.permitCases),
            bulk("insert reviewer_queue", 0.03, (c, n) -> new InsertOneModel<>(c.padded("reviewer_queue", new Document("_id", "permit-" + n))),
                    c -> c.reviewerQueue),
            bulk("insert deadlines", 0.04, (c, n) -> new InsertOneModel<>(c.padded("deadlines", new Document("_id", "deadline-" + n)
                    .append("aggregateId", "permit-" + n).append("kind", "DECISION").append("state", "OPEN").append("stateKey", "deadline-" + n + "|OPEN")
                    .append("dueAt", n))), c -> c.deadlines),
            bulk("update open_deadlines [_id]", 0.04, (c, n) -> new UpdateOneModel<>(Filters.eq("_id", "permit-" + n + "|DECISION"),
                    Updates.addToSet("ids", "deadline-" + n), new UpdateOptions().upsert(true)), c -> c.openDeadlines),
            bulk("update deadline_days [_id]", 0.08, (c, n) -> new UpdateOneModel<>(Filters.eq("_id", "2027-01-05/" + Math.floorMod(("deadline-" + n).hashCode(), 32)),
                    Updates.addToSet("ids", "deadline-" + n), new UpdateOptions().upsert(true)), c -> c.deadlineDays),
            new Op("find log_entries [_id]", Side.AFTER, 0.06, (c, n) -> c.logEntries.find(Filters.eq("_id", Math.max(0, n - 10))).first()),
            new Op("find log_state [_id]", Side.AFTER, 0.05, (c, n) -> c.logState.find(Filters.eq("_id", "state")).first()),
            new Op("find log_publication_notices []", Side.AFTER, 0.02, (c, n) -> c.logNotices.find().into(new ArrayList<>())),
            new Op("update permit_representatives [_id]", Side.AFTER, 0.01, (c, n) -> c.representatives.updateOne(Filters.eq("_id", "rep-" + (n % 50)),
                    Updates.set("at", n), new UpdateOptions().upsert(true))));

    /** A processor's bulk write, {@code perCommand} of them per command: {@code 1 / perCommand} documents, one per command of the batch ending at {@code n}. */
    private static Op bulk(String kind, double perCommand, BiFunction<Collections, Long, WriteModel<Document>> write,
                           Function<Collections, MongoCollection<Document>> collection) {
        int batch = (int) Math.round(1 / perCommand);
        return new Op(kind + " (bulk of " + batch + ")", Side.AFTER, perCommand, (c, n) -> {
            List<WriteModel<Document>> writes = new ArrayList<>(batch);
            for (long k = n - batch + 1; k <= n; k++) {
                writes.add(write.apply(c, k));
            }
            collection.apply(c).bulkWrite(writes, new BulkWriteOptions().ordered(false));
        });
    }

    private ServerAloneBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        // the embedded file's commits counted in this JVM as in the registry's (FileCommits), without the round trips' listener
        System.setProperty("registry.h2.commits", System.getProperty("registry.h2.commits", "true"));
        int perRound = args.length > 0 ? Integer.parseInt(args[0]) : 3_000;
        int registryPerRound = args.length > 1 ? Integer.parseInt(args[1]) : 3_000;
        int registryWarmUp = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        int[] threadCounts = Arrays.stream((args.length > 3 ? args[3] : "1,8").split(",")).mapToInt(Integer::parseInt).toArray();
        boolean ok = true;
        CommandThroughputBenchmark.Result registry = null;
        Stored stored = Stored.NONE;
        if (registryPerRound > 0) {
            System.out.println("-- the registry (CommandThroughputBenchmark " + registryPerRound + " " + registryWarmUp + ")");
            boolean keep = Boolean.getBoolean("bench.keep");
            System.setProperty("bench.keep", "true"); // its documents are read after it stops, then its directory is deleted here
            Path registryData;
            try (RegistryProcess process = RegistryProcess.start(Duration.ofMinutes(6))) {
                registryData = process.dataDir();
                registry = CommandThroughputBenchmark.run(process, registryPerRound, registryWarmUp);
                ok = registry.ok() && process.noErrorsLogged();
            }
            stored = Stored.read(registryData);
            if (!keep) {
                deleteTree(registryData.getParent());
            }
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "-- the server alone: a plain driver client doing one signed ApplyForPermit's operations (%.1f round trips per command, "
                + "%.1f on the request thread, counting one events insert per command: the group makes it fewer, printed per round), "
                + "documents of the registry's sizes:%n", total(Side.AFTER, true), total(Side.REQUEST, false));
        for (Op op : OPERATIONS) {
            System.out.printf(Locale.ROOT, "    %-46s %-8s %.2f per command%n", op.kind(), op.side(), op.perCommand());
        }
        stored.print();
        Path dir = Files.createTempDirectory("server-alone-");
        try {
            for (boolean all : new boolean[] {false, true}) {
                for (int threads : threadCounts) {
                    double commandsPerSecond = round(dir.resolve((all ? "all-" : "request-") + threads), stored, all, threads, perRound);
                    Load.Round measured = registry == null ? null : threads == 1 ? registry.oneClient() : threads == 8 ? registry.eightClients() : null;
                    System.out.printf(Locale.ROOT, "    beside it, the registry at %d client%s in this run: %s%n", threads, threads == 1 ? "" : "s",
                            measured == null ? "(not run)"
                                    : String.format(Locale.ROOT, "%.0f commands/s, p99 %.0f ms = %.2f of what the server alone allows", measured.perSecond(),
                                    measured.latency().p99(), measured.perSecond() / commandsPerSecond));
                }
            }
        } finally {
            deleteTree(dir);
        }
        RegistryProcess.exitWith(ok);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.out.println("could not delete " + dir + ": " + e);
        }
    }

    /**
     * One round on a fresh embedded server: {@code commands} commands' operations by {@code threads} threads; prints the rate,
     * this JVM's CPU per command by thread group (the server's workers, the callers, the JIT, the collector; read from /proc as
     * the registry's round reads the registry's) and the load; returns commands/s.
     */
    private static double round(Path dataDir, Stored stored, boolean all, int threads, int commands) throws Exception {
        Files.createDirectories(dataDir);
        try (RegistryMongo mongo = RegistryMongo.open(null, dataDir)) { // the embedded server as the registry opens it
            Collections c = new Collections(mongo, stored);
            List<Op> ops = OPERATIONS.stream().filter(op -> all || op.side() == Side.REQUEST).toList();
            // warm-up (JIT, H2 pages), not counted, on numbers well after the measured ones
            ExecutorService warmUp = callers(threads, "warm-up-");
            try {
                runCommands(warmUp, c, ops, threads, commands + 1_000, Math.max(commands, 1_500));
            } finally {
                warmUp.shutdown();
            }
            // the measured callers stay alive until their CPU is read (/proc lists living threads only)
            ExecutorService callers = callers(threads, "caller-");
            long self = ProcessHandle.current().pid();
            long steps0 = c.durable.steps();
            long inserts0 = c.appendGroup.inserts.get();
            Map<String, Long> threads0 = ThreadCpu.read(self);
            ServerProbe.FileReading file0 = ServerProbe.readFileHere();
            long t0 = System.nanoTime();
            long cpu0 = Timer.cpuNanos();
            long roundTrips = runCommands(callers, c, ops, threads, 0, commands);
            long nanos = System.nanoTime() - t0;
            long cpu = Timer.cpuNanos() - cpu0;
            Map<String, Long> threads1 = ThreadCpu.read(self);
            callers.shutdown();
            double perSecond = commands / (nanos / 1e9);
            System.out.printf(Locale.ROOT, "server alone, %s, %d thread%s (ended %s UTC): %,d commands in %.1f s = %,.0f operations/s; %,.0f commands/s the server alone allows "
                            + "(%.2f round trips each; %.2f events inserts and %.2f durability steps per command)%n",
                    all ? "whole list" : "request thread's list", threads, threads == 1 ? "" : "s",
                    java.time.LocalTime.now(java.time.ZoneOffset.UTC).withNano(0), commands, nanos / 1e9, roundTrips / (nanos / 1e9),
                    perSecond, roundTrips / (double) commands, (c.appendGroup.inserts.get() - inserts0) / (double) commands,
                    (c.durable.steps() - steps0) / (double) commands);
            System.out.printf(Locale.ROOT, "    CPU per command in this JVM (the embedded server and its callers): %.2f ms; of 2 cores busy %.0f%%; load average %s%n",
                    cpu / 1e6 / commands, 100.0 * cpu / nanos / Runtime.getRuntime().availableProcessors(), CpuMeter.loadAverage());
            System.out.println("    " + ThreadCpu.perCommand("this JVM's", threads0, threads1, commands, 0.02)
                    + ServerProbe.fileLine(file0, ServerProbe.readFileHere(), commands));
            return perSecond;
        }
    }

    /** Runs commands {@code from .. from+count-1} (numbers unique within one fresh server) on {@code threads} of {@code pool} (each: every op its count of times, on one thread); returns the round trips made. */
    private static long runCommands(ExecutorService pool, Collections c, List<Op> ops, int threads, int from, int count) throws Exception {
        AtomicLong next = new AtomicLong(from);
        AtomicLong roundTrips = new AtomicLong();
        long joined = c.appendGroup.joined();
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
        for (Future<?> f : futures) {
            f.get();
        }
        return roundTrips.get() - (c.appendGroup.joined() - joined); // a commit that rode in another's group insert made no round trip
    }

    /** {@code threads} threads named {@code prefix} and a number, so that their CPU shows as one group. */
    private static ExecutorService callers(int threads, String prefix) {
        AtomicInteger named = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, r -> new Thread(r, prefix + named.incrementAndGet()));
    }

    /** How many times an op of {@code perCommand} (e.g. 1.33) runs for command {@code n}: spread evenly, exact over many commands. */
    static int timesFor(double perCommand, long n) {
        return (int) (Math.floor((n + 1) * perCommand) - Math.floor(n * perCommand));
    }

    private static double total(Side upTo, boolean all) {
        return OPERATIONS.stream().filter(op -> all || op.side() == upTo).mapToDouble(Op::perCommand).sum();
    }

    /**
     * The events' insert as the store makes it (GaplessEventStorageEngine's group, session 9): each caller queues its commit;
     * whoever holds the lock inserts every queued commit in one round trip ({@code insertOne} for one, an ordered
     * {@code insertMany} for more), takes the group commit's mark, and hands it to the commits it inserted; each caller then
     * waits for one durability step started after its mark ({@link GroupCommit#awaitStepAfter}).
     */
    static final class GroupAppend {

        private static final class Pending {
            final Document commit;
            volatile long mark = -1;

            Pending(Document commit) {
                this.commit = commit;
            }
        }

        private final MongoCollection<Document> events;
        private final GroupCommit durable;
        private final ConcurrentLinkedQueue<Pending> queued = new ConcurrentLinkedQueue<>();
        private final ReentrantLock lock = new ReentrantLock();
        final AtomicLong inserts = new AtomicLong();
        private final AtomicLong commits = new AtomicLong();

        GroupAppend(MongoCollection<Document> events, GroupCommit durable) {
            this.events = events;
            this.durable = durable;
        }

        void append(Document commit) {
            Pending mine = new Pending(commit);
            queued.add(mine);
            commits.incrementAndGet();
            lock.lock();
            try {
                if (mine.mark < 0) {
                    List<Pending> group = new ArrayList<>();
                    for (Pending p; (p = queued.poll()) != null; ) {
                        group.add(p);
                    }
                    List<Document> docs = group.stream().map(p -> p.commit).toList();
                    if (docs.size() == 1) {
                        events.insertOne(docs.get(0));
                    } else {
                        events.insertMany(docs, new InsertManyOptions().ordered(true));
                    }
                    inserts.incrementAndGet();
                    long mark = durable.mark();
                    group.forEach(p -> p.mark = mark);
                }
            } finally {
                lock.unlock();
            }
            durable.awaitStepAfter(mine.mark);
        }

        /** Commits that rode in another caller's insert so far. */
        long joined() {
            return commits.get() - inserts.get();
        }
    }

    /**
     * The registry's documents after its round, read from its data directory once it has stopped: per collection, how many
     * and their average BSON size. The server alone pads its documents to these sizes ({@link Collections#padded}).
     */
    record Stored(Map<String, long[]> byCollection) {

        static final Stored NONE = new Stored(Map.of());
        static final int READ_BATCH = 256;

        static Stored read(Path registryData) {
            Map<String, long[]> sizes = new TreeMap<>();
            try (RegistryMongo mongo = RegistryMongo.open(null, registryData)) {
                MongoDatabase db = mongo.client().getDatabase("registry");
                for (String name : db.listCollectionNames()) {
                    long count = 0;
                    long bytes = 0;
                    // in batches: one reply of a collection's every document outgrew the driver's 48 MB message at 3,900 applications' papers
                    for (RawBsonDocument d : db.getCollection(name, RawBsonDocument.class).find().batchSize(READ_BATCH)) {
                        count++;
                        bytes += d.getByteBuffer().remaining();
                    }
                    sizes.put(name, new long[] {count, bytes});
                }
            } catch (RuntimeException e) {
                System.out.println("could not read the registry's documents (" + e + "): the server alone's documents are not padded");
                return NONE;
            }
            return new Stored(sizes);
        }

        /** The registry's average document size in {@code collection}, or 0 where unknown. */
        int averageBytes(String collection) {
            long[] s = byCollection.get(collection);
            return s == null || s[0] == 0 ? 0 : (int) (s[1] / s[0]);
        }

        void print() {
            if (byCollection.isEmpty()) {
                System.out.println("    (the registry's document sizes not read: documents not padded)");
                return;
            }
            System.out.println("    the registry's documents after its round (the server alone's are padded to these averages):");
            byCollection.forEach((name, s) -> {
                if (s[0] > 0) {
                    System.out.printf(Locale.ROOT, "        %-30s %,8d documents, %,7d bytes each on average%n", name, s[0], s[1] / s[0]);
                }
            });
        }
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
        final MongoCollection<Document> logEntries;
        final MongoCollection<Document> logState;
        final MongoCollection<Document> logNotices;
        final MongoCollection<Document> representatives;
        final MongoCollection<Document> documentClaims;
        final MongoCollection<Document> documents;
        final GroupCommit durable;
        final GroupAppend appendGroup;
        final AtomicLong positions = new AtomicLong();
        final String jws = "x".repeat(2_400);
        final String answer = "{\"receipt\":\"SP-2026-000001\",\"permitId\":\"" + UUID.randomUUID() + "\"}";
        private final Map<String, String> pads = new ConcurrentHashMap<>();
        private final Stored stored;

        Collections(RegistryMongo mongo, Stored stored) {
            this.stored = stored;
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
            logEntries = db.getCollection("log_entries");
            logState = db.getCollection("log_state");
            logNotices = db.getCollection("log_publication_notices");
            representatives = db.getCollection("permit_representatives");
            documentClaims = db.getCollection("document_claims");
            documents = db.getCollection("documents");
            for (MongoCollection<Document> indexed : List.of(events, commands, tokens, deadlines, logEntries)) {
                MongoIndexes.ensure(indexed);
            }
            receiptCounters.insertOne(new Document("_id", "2026").append("last", 0L));
            counters.insertOne(new Document("_id", "events").append("next", 0L));
            logState.insertOne(new Document("_id", "state").append("size", 0L));
            for (long i = 0; i < 20; i++) {
                logEntries.insertOne(padded("log_entries", new Document("_id", i).append("eventId", "e-" + i)));
            }
            writePapers();
            durable = new GroupCommit(mongo::makeDurable);
            appendGroup = new GroupAppend(events, durable);
            mongo.makeDurable();
        }

        /**
         * How many companies' papers the server holds ({@link CommandThroughputBenchmark}'s {@code CompanyPapers}: six each, about 2 KiB,
         * written before the rounds); command {@code n} reads those of company {@code n} modulo this, each a document of the registry's
         * average size in {@code documents}.
         */
        static final int COMPANIES = 500;

        /** The six papers of command {@code n}'s company (SHA-256-like keys, spread over the index as the registry's are). */
        static List<String> papersOf(long n) {
            long company = Math.floorMod(n, COMPANIES);
            return java.util.stream.IntStream.range(0, 6).mapToObj(i -> String.format("%032x%032x", company, i)).toList();
        }

        /** Writes the papers of {@link #COMPANIES} companies, padded to the registry's average document size. */
        private void writePapers() {
            List<Document> papers = new ArrayList<>();
            for (long company = 0; company < COMPANIES; company++) {
                for (String sha256 : papersOf(company)) {
                    papers.add(padded("documents", new Document("_id", sha256).append("size", 2_048L).append("mediaType", "application/pdf")
                            .append("fileName", "paper.pdf").append("receivedAt", new java.util.Date())));
                }
            }
            documents.insertMany(papers);
        }

        /**
         * The application's claims of its company and its six papers in one unordered insert, as {@code DocumentClaims.claimTogether} with the
         * company's claim beside them (ADR 0070): every key fresh, each company's papers its own (session 28: no duplicate key met).
         */
        void claimCompanyAndDocuments(long n) {
            List<Document> claims = new ArrayList<>();
            claims.add(padded("document_claims", new Document("_id", key("10", n)).append("applicationId", key("permit-", n))
                    .append("commandId", key("cmd-", n)).append("claimedAt", n)));
            for (int i = 0; i < 6; i++) {
                claims.add(padded("document_claims", new Document("_id", key("paper-" + i + "-", n)).append("kind", "permit-application-document")
                        .append("commandId", key("cmd-", n)).append("grounds", key("permit:permit-", n)).append("company", key("10", n))
                        .append("claimedAt", n)));
            }
            documentClaims.insertMany(claims, new com.mongodb.client.model.InsertManyOptions().ordered(false));
        }

        /** One command's commit document: one event, its heads, tails, event id and command key, padded to the registry's commit size. */
        Document eventCommit(long n) {
            String aggregate = key("permit-", n);
            String eventId = UUID.randomUUID().toString();
            return padded("events", new Document("_id", positions.getAndIncrement()).append("heads", List.of("0:" + aggregate))
                    .append("tails", List.of("0:" + aggregate)).append("eventIds", List.of(eventId)).append("command", key("cmd-", n) + "#0")
                    .append("events", List.of(new Document("eventId", eventId).append("aggregateId", aggregate).append("seq", 0L)
                            .append("type", "PermitApplied"))));
        }

        /**
         * {@code document} with a field {@code pad} that brings it to the registry's average size in {@code collection} (the pad's
         * length fixed by the first document of the collection; a command's document counts its answer, added by its update).
         */
        Document padded(String collection, Document document) {
            String pad = pads.computeIfAbsent(collection, name -> {
                int target = stored.averageBytes(name);
                int own = bsonSize(document) + ("commands".equals(name) ? bsonSize(new Document("answer", answer)) : 0);
                return "p".repeat(Math.max(0, target - own - 10)); // 10: the pad field's own type, name and length
            });
            return pad.isEmpty() ? document : document.append("pad", pad);
        }

        private static int bsonSize(Document d) {
            return new RawBsonDocument(d, MongoClientSettings.getDefaultCodecRegistry().get(Document.class)).getByteBuffer().remaining();
        }
    }
}
