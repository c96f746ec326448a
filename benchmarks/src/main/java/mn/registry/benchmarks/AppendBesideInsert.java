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
 * The documents of (a)–(c) are copies of a real sealed commit with their own {@code _id} and keys. The ratio (d)/(a) is
 * printed against 0.7; beside it the engine's own work without the server (serialize, seal, build the document, encode
 * it to BSON) per event.
 */
final class AppendBesideInsert {

    private static final String TARGET = ">= 0.7x of (a)";

    private AppendBesideInsert() {
    }

    static void run(MongoClient client, Runnable durabilityStep, SealingKey key, int perRound) throws Exception {
        Serializer serializer = JacksonSerializer.defaultSerializer();
        Document template = GaplessEventStorageEngine.sealedCommit(1, BenchmarkEvents.event("template-" + UUID.randomUUID(), 0),
                null, serializer, key);
        int bytes = new RawBsonDocument(template, new DocumentCodec()).getByteBuffer().remaining();
        System.out.printf(Locale.ROOT, "%n-- append beside insertOne (issue 15 target 2): one-event commit of %d BSON bytes, %d per round%n",
                bytes, perRound);
        engineWorkAlone(key, serializer, 2_000);
        int round = 0;
        for (int threads : new int[]{1, 8}) {
            // a short warm-up of every path (JIT, connections), not printed
            measure(client, durabilityStep, key, template, "warm" + threads, threads, Math.min(300, perRound), false);
            double[] rates = measure(client, durabilityStep, key, template, "r" + (++round), threads, perRound, true);
            double ratio = rates[3] / rates[0];
            System.out.printf(Locale.ROOT, "   (d)/(a) at %d thread%s: %.2fx   target: >= 0.70x  %s%n", threads, threads == 1 ? "" : "s",
                    ratio, ratio >= 0.7 ? "MET" : "MISSED");
            System.out.printf(Locale.ROOT, "   (b)/(a) %.2fx (the indexes), (c)/(b) %.2fx (the counter), (d)/(c) %.2fx (the engine's own work)%n",
                    rates[1] / rates[0], rates[2] / rates[1], rates[3] / rates[2]);
            double durable = rates[5] / rates[0];
            System.out.printf(Locale.ROOT, "   (e)/(a) at %d thread%s: %.2fx   the issue's wording (a plain insertOne) against the engine keeping every"
                    + " promise, durable before the answer: >= 0.70x  %s%n", threads, threads == 1 ? "" : "s", durable, durable >= 0.7 ? "MET" : "MISSED");
            System.out.printf(Locale.ROOT, "   (e)/(a2) %.2fx (like with like: both durable before the answer), (a2)/(a) %.2fx (the durability step)%n",
                    rates[5] / rates[4], rates[4] / rates[0]);
        }
    }

    /** Rates of (a), (b), (c), (d), (a2), (e), each in its own fresh database on the same server. */
    private static double[] measure(MongoClient client, Runnable durabilityStep, SealingKey key, Document template, String tag,
                                    int threads, int n, boolean print) throws Exception {
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
        // wired as AxonStorageConfiguration does: the engine marks each group insert for the barrier (session 9)
        DurableEventStorageEngine durableEngine = new DurableEventStorageEngine(GaplessEventStorageEngine.builder()
                .database(client.getDatabase("side_e" + suffix)).sealingKey(key).durabilityMark(durabilityE::mark).build(), durabilityE);
        double[] rates = new double[6];
        rates[0] = timed(print, "(a) insertOne, _id only, " + label, n, threads, i -> plain.insertOne(copy(template, i)));
        rates[1] = timed(print, "(b) insertOne, unique indexes of events, " + label, n, threads, i -> indexed.insertOne(copy(template, i)));
        rates[2] = timed(print, "(c) (b) after the counter compare-and-set, " + label, n, threads,
                i -> indexedC.insertOne(copy(template, counter.reserve())));
        rates[3] = timed(print, "(d) engine appendEvents, one-event commits, " + label, n, threads,
                i -> engine.appendEvents(BenchmarkEvents.event("side-" + tag + "-" + i, 0)));
        rates[4] = timed(print, "(a2) (a) then the durability step (GroupCommit), " + label, n, threads, i -> {
            plainDurable.insertOne(copy(template, i));
            durabilityA2.await();
        });
        if (print) {
            System.out.printf(Locale.ROOT, "      durability steps per commit: %.2f%n", durabilityA2.steps() / (double) n);
        }
        rates[5] = timed(print, "(e) registry append: (d) durable before the answer, " + label, n, threads,
                i -> durableEngine.appendEvents(BenchmarkEvents.event("side-e-" + tag + "-" + i, 0)));
        if (print) {
            System.out.printf(Locale.ROOT, "      durability steps per commit: %.2f%n", durabilityE.steps() / (double) n);
        }
        return rates;
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

    private static double timed(boolean print, String what, int n, int threads, Op op) throws Exception {
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
        if (print) {
            Timer.print(what, n, nanos, Timer.cpuNanos() - c0, what.startsWith("(d)") || what.startsWith("(e)") ? TARGET : "baseline");
            if (rt0 >= 0) {
                System.out.printf(Locale.ROOT, "      round trips per commit: %.2f%n", (roundTrips() - rt0) / (double) n);
            }
        }
        return Timer.perSecond(n, nanos);
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
