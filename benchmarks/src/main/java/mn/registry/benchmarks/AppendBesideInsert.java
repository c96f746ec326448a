package mn.registry.benchmarks;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import mn.registry.benchmarks.store.BenchmarkEvents;
import mn.registry.benchmarks.store.Timer;
import mn.registry.infrastructure.axon.DurableEventStorageEngine;
import mn.registry.infrastructure.mongo.GroupCommit;
import mn.registry.store.SealingKey;
import mn.registry.store.mongo.GaplessEventStorageEngine;
import mn.registry.store.mongo.MongoIndexes;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Issue 15 target 2, side by side in one run on one embedded server (H2 file backend), at 1 and 8 threads:
 * <ol type="a">
 * <li>a plain {@code insertOne} of a document of the size of a one-event commit into a collection with only {@code _id};</li>
 * <li>the same insert into a collection with the unique indexes of {@code events} ({@link MongoIndexes});</li>
 * <li>(b) preceded by the position counter's compare-and-set as the engine did it before ADR 0024 (in-process lock and
 * remembered value: one round trip);</li>
 * <li>the engine's {@code appendEvents} of one-event commits (sealed, chained).</li>
 * </ol>
 * Neither (a) nor (d) waits for durability: the engine alone answers once the server has the commit, and the embedded
 * server writes its H2 file about once a second. The registry answers a command only after its events are durable
 * (ADR 0001: {@code DurableEventStorageEngine}, a {@link GroupCommit} of the embedded server's file commit). So two
 * more rows, same server, same run (session 9):
 * <ol type="a" start="5">
 * <li>(a2) (a), each insert followed by the same durability step, grouped the same way ({@code GroupCommit.await});</li>
 * <li>(e) the registry's append path: the engine behind {@code DurableEventStorageEngine} (durable before the answer).</li>
 * </ol>
 * Session 15 added (b2): (b), each insert followed by the same durability step: the server alone doing what (e) asks of
 * it (the insert under the unique indexes of {@code events}, then the file commit), printed beside (e).
 * The documents of (a)–(c) are copies of a real sealed commit with their own {@code _id} and keys. The ratio (d)/(a) is
 * printed against 0.7; beside it the engine's own work without the server (serialize, seal, build the document, encode
 * it to BSON) per event.
 */
final class AppendBesideInsert {

    private static final String TARGET = ">= 0.7x of (a)";

    private AppendBesideInsert() {
    }

    /** The rows, in the order they run in a round. */
    private static final String[] ROWS = {"(a)", "(b)", "(c)", "(d)", "(a2)", "(b2)", "(e)"};
    private static final int A = 0;
    private static final int D = 3;
    private static final int A2 = 4;
    private static final int B2 = 5;
    private static final int E = 6;

    static void run(MongoClient client, Runnable durabilityStep, SealingKey key, int perRound) throws Exception {
        run(client, durabilityStep, key, perRound, 1);
    }

    /**
     * Session 15: {@code rounds} rounds of every row at 1 and at 8 threads (after one warm-up round each). A round of 1,000
     * commits lasts 0.2–0.7 s, so one round's ratio moved by ±0.1 between runs: the ratios are now taken within each
     * round (rows a few seconds apart) and their median and spread (min–max) printed, with the load at each round.
     * Each round's databases are dropped after it. With {@code -Dbench.jfr=true} one more round (not in the summary)
     * records (a), (a2), (d) and (e) each with JFR into
     * {@code /tmp/append-<threads>t-<row>.jfr} (execution samples every 2 ms, parks and monitor waits without threshold).
     */
    static void run(MongoClient client, Runnable durabilityStep, SealingKey key, int perRound, int rounds) throws Exception {
        Serializer serializer = JacksonSerializer.defaultSerializer();
        Document template = GaplessEventStorageEngine.sealedCommit(1, BenchmarkEvents.event("template-" + UUID.randomUUID(), 0),
                null, serializer, key);
        int bytes = new RawBsonDocument(template, new DocumentCodec()).getByteBuffer().remaining();
        System.out.printf(Locale.ROOT, "%n-- append beside insertOne (issue 15 target 2): one-event commit of %d BSON bytes, %d per round,"
                        + " %d round%s at each thread count%n", bytes, perRound, rounds, rounds == 1 ? "" : "s");
        engineWorkAlone(key, serializer, 2_000);
        boolean jfr = Boolean.getBoolean("bench.jfr");
        int round = 0;
        for (int threads : new int[]{1, 8}) {
            // a short warm-up of every path (JIT, connections), not printed
            measure(client, durabilityStep, key, template, "warm" + threads, threads, Math.min(300, perRound), false, false);
            double[][] rates = new double[rounds][];
            double[][] cpu = new double[rounds][];
            double[][] trips = new double[rounds][];
            double[][] steps = new double[rounds][];
            for (int r = 0; r < rounds; r++) {
                System.out.printf(Locale.ROOT, "  round %d of %d, %d thread%s, load %s%n", r + 1, rounds, threads, threads == 1 ? "" : "s", load());
                double[][] measured = measure(client, durabilityStep, key, template, "r" + (++round), threads, perRound, true, false);
                rates[r] = measured[0];
                cpu[r] = measured[1];
                trips[r] = measured[2];
                steps[r] = measured[3];
            }
            summary(threads, rates, cpu, trips, steps);
            if (jfr) {
                // its own round, not in the summary: the recording's own cost is not the engine's
                System.out.printf(Locale.ROOT, "  JFR round (not in the summary), %d thread%s, load %s%n", threads, threads == 1 ? "" : "s", load());
                measure(client, durabilityStep, key, template, "jfr" + threads, threads, perRound, true, true);
            }
        }
    }

    /** Median and spread over the rounds of each row's rate and CPU, and of the ratios taken within each round. */
    private static void summary(int threads, double[][] rates, double[][] cpu, double[][] trips, double[][] steps) {
        String label = threads + " thread" + (threads == 1 ? "" : "s");
        System.out.printf(Locale.ROOT, "   summary at %s over %d round%s (median [min-max]), load now %s%n", label, rates.length,
                rates.length == 1 ? "" : "s", load());
        for (int row = 0; row < ROWS.length; row++) {
            final int k = row;
            System.out.printf(Locale.ROOT, "   %-5s %s /s   cpu %s ms per commit (client and server)   round trips %s,"
                            + " durability steps %s per commit%n", ROWS[row], spread(rates, x -> x[k], "%.0f"), spread(cpu, x -> x[k], "%.3f"),
                    spread(trips, x -> x[k], "%.2f"), spread(steps, x -> x[k], "%.2f"));
        }
        ratio(label, "(d)/(a)", rates, D, A, "the engine without the barrier against a plain insertOne, neither durable");
        ratio(label, "(e)/(a)", rates, E, A, "the issue's wording: the engine keeping every promise, durable before the answer,"
                + " against a plain insertOne");
        ratio(label, "(e)/(a2)", rates, E, A2, "like with like: both durable before the answer");
        ratio(label, "(a2)/(a)", rates, A2, A, "what the server's own durability step costs a plain insertOne");
        ratio(label, "(b2)/(a)", rates, B2, A, "the server alone doing what (e) asks of it: the insert under the unique indexes of"
                + " events, then the durability step");
        ratio(label, "(e)/(b2)", rates, E, B2, "the engine against the server alone doing the same insert and durability step");
        System.out.printf(Locale.ROOT, "   cpu per commit, medians: (e) - (a) %.3f ms, (e) - (a2) %.3f ms, (e) - (b2) %.3f ms, (e) - (d) %.3f ms%n",
                median(cpu, x -> x[E] - x[A]), median(cpu, x -> x[E] - x[A2]), median(cpu, x -> x[E] - x[B2]), median(cpu, x -> x[E] - x[D]));
    }

    private static void ratio(String label, String name, double[][] rates, int top, int bottom, String what) {
        double m = median(rates, x -> x[top] / x[bottom]);
        System.out.printf(Locale.ROOT, "   %-8s at %s: %s   target >= 0.70x on the median: %s   (%s)%n", name, label,
                spread(rates, x -> x[top] / x[bottom], "%.2fx"), m >= 0.7 ? "MET" : "MISSED", what);
    }

    private static String spread(double[][] perRound, java.util.function.ToDoubleFunction<double[]> f, String format) {
        double[] v = java.util.Arrays.stream(perRound).mapToDouble(f).sorted().toArray();
        return String.format(Locale.ROOT, format + " [" + format + "-" + format + "]", median(perRound, f), v[0], v[v.length - 1]);
    }

    private static double median(double[][] perRound, java.util.function.ToDoubleFunction<double[]> f) {
        double[] v = java.util.Arrays.stream(perRound).mapToDouble(f).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static String load() {
        try {
            String[] parts = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (java.io.IOException | RuntimeException e) {
            return "?";
        }
    }

    /**
     * Rates of (a), (b), (c), (d), (a2), (b2), (e) and their CPU in ms per commit, each in its own fresh database on the same
     * server: {@code {rates, cpu}}.
     */
    private static double[][] measure(MongoClient client, Runnable durabilityStep, SealingKey key, Document template, String tag,
                                      int threads, int n, boolean print, boolean jfr) throws Exception {
        String suffix = "_" + tag + "_" + threads;
        MongoCollection<Document> plain = client.getDatabase("side_a" + suffix).getCollection("plain");
        MongoCollection<Document> indexed = indexed(client.getDatabase("side_b" + suffix));
        MongoDatabase c = client.getDatabase("side_c" + suffix);
        MongoCollection<Document> indexedC = indexed(c);
        Counter counter = new Counter(c.getCollection("counters"));
        GaplessEventStorageEngine engine = GaplessEventStorageEngine.builder()
                .database(client.getDatabase("side_d" + suffix)).sealingKey(key).build();
        String label = threads + " thread" + (threads == 1 ? "" : "s");
        MongoCollection<Document> plainDurable = client.getDatabase("side_a2" + suffix).getCollection("plain");
        GroupCommit durabilityA2 = new GroupCommit(durabilityStep);
        GroupCommit durabilityE = new GroupCommit(durabilityStep);
        MongoCollection<Document> indexedDurable = indexed(client.getDatabase("side_b2" + suffix));
        GroupCommit durabilityB2 = new GroupCommit(durabilityStep);
        // wired as AxonStorageConfiguration does: the engine marks each group insert for the barrier (session 9)
        DurableEventStorageEngine durableEngine = new DurableEventStorageEngine(GaplessEventStorageEngine.builder()
                .database(client.getDatabase("side_e" + suffix)).sealingKey(key).durabilityMark(durabilityE::mark).build(), durabilityE);
        double[][] out = new double[4][ROWS.length]; // rates, cpu ms, round trips and durability steps per commit
        timed(out, A, print, jfr ? "a" : null, "(a) insertOne, _id only, " + label, n, threads, i -> plain.insertOne(copy(template, i)));
        timed(out, 1, print, null, "(b) insertOne, unique indexes of events, " + label, n, threads, i -> indexed.insertOne(copy(template, i)));
        timed(out, 2, print, null, "(c) (b) after the counter compare-and-set, " + label, n, threads,
                i -> indexedC.insertOne(copy(template, counter.reserve())));
        timed(out, D, print, jfr ? "d" : null, "(d) engine appendEvents, one-event commits, " + label, n, threads,
                i -> engine.appendEvents(BenchmarkEvents.event("side-" + tag + "-" + i, 0)));
        timed(out, A2, print, jfr ? "a2" : null, "(a2) (a) then the durability step (GroupCommit), " + label, n, threads, i -> {
            plainDurable.insertOne(copy(template, i));
            durabilityA2.await();
        });
        if (print) {
            System.out.printf(Locale.ROOT, "      durability steps per commit: %.2f%n", durabilityA2.steps() / (double) n);
        }
        out[3][A2] = durabilityA2.steps() / (double) n;
        timed(out, B2, print, jfr ? "b2" : null, "(b2) (b) then the durability step (GroupCommit), " + label, n, threads, i -> {
            indexedDurable.insertOne(copy(template, i));
            durabilityB2.await();
        });
        if (print) {
            System.out.printf(Locale.ROOT, "      durability steps per commit: %.2f%n", durabilityB2.steps() / (double) n);
        }
        out[3][B2] = durabilityB2.steps() / (double) n;
        timed(out, E, print, jfr ? "e" : null, "(e) registry append: (d) durable before the answer, " + label, n, threads,
                i -> durableEngine.appendEvents(BenchmarkEvents.event("side-e-" + tag + "-" + i, 0)));
        if (print) {
            System.out.printf(Locale.ROOT, "      durability steps per commit: %.2f%n", durabilityE.steps() / (double) n);
        }
        out[3][E] = durabilityE.steps() / (double) n;
        // session 15: each database is a handful of H2 maps, and every file commit walks all of them (JFR:
        // MVStore.hasUnsavedChanges, collectChangedMapRoots): dropped, so that later rounds do not commit an ever larger store
        for (String db : new String[]{"side_a", "side_b", "side_c", "side_d", "side_a2", "side_b2", "side_e"}) {
            client.getDatabase(db + suffix).drop();
        }
        durabilityStep.run();
        return out;
    }

    private static MongoCollection<Document> indexed(MongoDatabase database) {
        MongoCollection<Document> events = database.getCollection("events");
        MongoIndexes.ensure(events);
        return events;
    }

    /** The template commit with its own position, event id and stream keys (same lengths). */
    private static Document copy(Document template, long position) {
        String aggregate = String.format(Locale.ROOT, "template-%036d", position);
        String key = "0:" + aggregate;
        return new Document(template).append("_id", position).append("heads", List.of(key)).append("tails", List.of(key))
                .append("eventIds", List.of(UUID.randomUUID().toString()));
    }

    interface Op {
        void run(long i) throws Exception;
    }

    /** Runs {@code op} n times on {@code threads} threads; puts the rate and the CPU per commit (ms) at {@code out[.][row]}. */
    private static void timed(double[][] out, int row, boolean print, String jfrName, String what, int n, int threads, Op op)
            throws Exception {
        jdk.jfr.Recording recording = jfrName == null ? null : startRecording(jfrName, threads);
        long rt0 = roundTrips();
        long t0 = System.nanoTime();
        long c0 = Timer.cpuNanos();
        AtomicLong next = new AtomicLong(1);
        if (threads == 1) {
            for (long i = 1; i <= n; i++) {
                op.run(i);
            }
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    long i;
                    while ((i = next.getAndIncrement()) <= n) {
                        op.run(i);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            pool.shutdown();
        }
        long nanos = System.nanoTime() - t0;
        long cpuNanos = Timer.cpuNanos() - c0;
        if (recording != null) {
            recording.stop();
            recording.close();
        }
        if (print) {
            Timer.print(what, n, nanos, cpuNanos, what.startsWith("(d)") || what.startsWith("(e)") ? TARGET : "baseline");
            if (rt0 >= 0) {
                System.out.printf(Locale.ROOT, "      round trips per commit: %.2f%n", (roundTrips() - rt0) / (double) n);
            }
        }
        out[0][row] = Timer.perSecond(n, nanos);
        out[2][row] = rt0 >= 0 ? (roundTrips() - rt0) / (double) n : -1;
        out[1][row] = cpuNanos / 1e6 / n;
    }

    /** A JFR recording of one row: execution samples every 2 ms, thread parks and monitor enters without threshold. */
    private static jdk.jfr.Recording startRecording(String row, int threads) throws Exception {
        jdk.jfr.Recording recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
        recording.enable("jdk.ExecutionSample").withPeriod(java.time.Duration.ofMillis(2));
        recording.enable("jdk.ThreadPark").withoutThreshold().withStackTrace();
        recording.enable("jdk.JavaMonitorEnter").withoutThreshold().withStackTrace();
        recording.enable("jdk.JavaMonitorWait").withoutThreshold().withStackTrace();
        java.nio.file.Path file = java.nio.file.Path.of("/tmp", "append-" + threads + "t-" + row + ".jfr");
        recording.setDestination(file);
        recording.start();
        System.out.println("      (JFR: " + file + ")");
        return recording;
    }

    /** Round trips to the server so far (RoundTrips, on when the JVM has -Dregistry.mongo.roundTrips=true), or -1. */
    private static long roundTrips() {
        try {
            return (Long) java.lang.management.ManagementFactory.getPlatformMBeanServer()
                    .getAttribute(new javax.management.ObjectName(mn.registry.store.mongo.RoundTrips.OBJECT_NAME), "Total");
        } catch (javax.management.JMException | RuntimeException e) {
            return -1;
        }
    }

    /** The engine's reservation before ADR 0024: compare-and-set {@code next == v -> v + 1} under an in-process lock. */
    private static final class Counter {
        private final MongoCollection<Document> counters;
        private final ReentrantLock lock = new ReentrantLock();
        private long hint;

        Counter(MongoCollection<Document> counters) {
            this.counters = counters;
            counters.insertOne(new Document("_id", "events").append("next", 0L));
        }

        long reserve() {
            lock.lock();
            try {
                while (true) {
                    if (counters.updateOne(Filters.and(Filters.eq("_id", "events"), Filters.eq("next", hint)),
                            Updates.set("next", hint + 1)).getModifiedCount() == 1) {
                        return ++hint;
                    }
                    hint = counters.find(Filters.eq("_id", "events")).first().get("next", Number.class).longValue();
                }
            } finally {
                lock.unlock();
            }
        }
    }

    /** Serialize + seal + build the commit document, then encode it to BSON as the driver does, per event. */
    private static void engineWorkAlone(SealingKey key, Serializer serializer, int n) {
        for (int warm = 0; warm < 2; warm++) {
            long sealNanos = 0;
            long encodeNanos = 0;
            DocumentCodec codec = new DocumentCodec();
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                Document commit = GaplessEventStorageEngine.sealedCommit(i + 1, BenchmarkEvents.event("alone-" + i, 0), null, serializer, key);
                long t1 = System.nanoTime();
                new RawBsonDocument(commit, codec);
                encodeNanos += System.nanoTime() - t1;
                sealNanos += t1 - t0;
            }
            if (warm == 1) {
                Timer.printMicros("engine alone: serialize + seal (2 Ed25519) + commit document", n, sealNanos, "none set");
                Timer.printMicros("engine alone: encode the commit document to BSON", n, encodeNanos, "none set");
            }
        }
    }
}
