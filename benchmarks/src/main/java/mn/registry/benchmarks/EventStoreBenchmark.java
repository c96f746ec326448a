package mn.registry.benchmarks;

import com.mongodb.client.MongoDatabase;
import mn.registry.benchmarks.store.BenchmarkEvents;
import mn.registry.benchmarks.store.Timer;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.kernel.crypto.Ed25519;
import mn.registry.kernel.crypto.Sha256;
import mn.registry.store.SealingKey;
import mn.registry.store.mongo.GaplessEventStorageEngine;
import mn.registry.store.mongo.RegistryMongo;
import mn.registry.store.mongo.StoreVerifier;
import mn.registry.store.mongo.VerificationReport;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Event store figures on the embedded H2-backed server (see docs/benchmarks-store.md for the command):
 * raw append rate of single-event commits (1 and 8 threads), a fresh reader catching up over the stored events
 * ({@code readEvents(tail, false)} and a real PooledStreamingEventProcessor), the verifier's rate, and the seal
 * and verify cost per event; first, side by side on the same server, a one-event commit beside a plain {@code insertOne} of
 * a document of the same size ({@link AppendBesideInsert}, issue 15 target 2). Arguments: [append] [events to pre-fill,
 * default 100000] [append only: rounds, default 1]; {@code append} prints the side-by-side figures only (session 15: several
 * rounds, median and spread of the ratios; {@code -Dbench.jfr=true} records the last round's rows with JFR).
 */
public final class EventStoreBenchmark {

    private EventStoreBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        boolean appendOnly = args.length > 0 && args[0].equals("append");
        if (appendOnly) {
            args = java.util.Arrays.copyOfRange(args, 1, args.length);
        }
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        // count round trips per commit (RoundTrips reads this once, when the first client is made)
        System.setProperty("registry.mongo.roundTrips", System.getProperty("registry.mongo.roundTrips", "true"));
        SealingKey key = new SealingKey("bench-seal", Ed25519.generate(new SecureRandom()).privateKey());
        sealAndVerify(key, appendOnly ? 5_000 : 20_000);

        Path dir = Files.createTempDirectory("store-bench");
        try (RegistryMongo mongo = RegistryMongo.open(null, dir)) {
            AppendBesideInsert.run(mongo.client(), mongo::makeDurable, key, Math.max(500, Math.min(total / 5, 3_000)),
                    appendOnly && args.length > 1 ? Integer.parseInt(args[1]) : 1);
            if (appendOnly) {
                return;
            }
            MongoDatabase db = mongo.client().getDatabase("registry");
            GaplessEventStorageEngine engine = GaplessEventStorageEngine.builder()
                    .database(db).sealingKey(key).build();

            int single = Math.min(3_000, total / 10);
            long t0 = System.nanoTime();
            long c0 = Timer.cpuNanos();
            for (int i = 0; i < single; i++) {
                engine.appendEvents(BenchmarkEvents.event("single-" + i, 0));
            }
            Timer.print("append, single-event commits, 1 thread (H2)", single, System.nanoTime() - t0,
                    Timer.cpuNanos() - c0, "none set");

            int rest = total - single;
            long t1 = System.nanoTime();
            long c1 = Timer.cpuNanos();
            appendConcurrently(engine, 8, rest);
            Timer.print("append, single-event commits, 8 threads (H2)", rest, System.nanoTime() - t1,
                    Timer.cpuNanos() - c1, "none set");

            for (int run = 1; run <= 2; run++) {
                long t2 = System.nanoTime();
                long c2 = Timer.cpuNanos();
                long read;
                try (Stream<? extends TrackedEventMessage<?>> s = engine.readEvents(engine.createTailToken(), false)) {
                    read = s.count();
                }
                Timer.print("catch-up readEvents(tail,false) over " + total + " events, run " + run, read,
                        System.nanoTime() - t2, Timer.cpuNanos() - c2, ">= 10,000 events/s");
            }

            long t3 = System.nanoTime();
            long c3 = Timer.cpuNanos();
            long processed = pooledCatchUp(engine, total);
            Timer.print("catch-up PooledStreamingEventProcessor (EmbeddedEventStore)", processed, System.nanoTime() - t3,
                    Timer.cpuNanos() - c3, ">= 10,000 events/s");

            long t4 = System.nanoTime();
            long c4 = Timer.cpuNanos();
            VerificationReport report = new StoreVerifier(db, Map.of(key.keyId(), key.publicKey())).verify();
            Timer.print("verify-store (every seal, hash link, position) " + (report.ok() ? "OK" : "BROKEN"),
                    report.events(), System.nanoTime() - t4, Timer.cpuNanos() - c4, "none set");
        } finally {
            deleteTree(dir);
        }
    }

    private static void appendConcurrently(GaplessEventStorageEngine engine, int threads, int events) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong next = new AtomicLong();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                long i;
                while ((i = next.getAndIncrement()) < events) {
                    engine.appendEvents(BenchmarkEvents.event("multi-" + i, 0));
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
    }

    private static long pooledCatchUp(GaplessEventStorageEngine engine, int total) throws InterruptedException {
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(engine).build();
        AtomicLong handled = new AtomicLong();
        EventMessageHandler handler = e -> {
            handled.incrementAndGet();
            return null;
        };
        ScheduledExecutorService executor = Executors.newScheduledThreadPool(2);
        PooledStreamingEventProcessor processor = PooledStreamingEventProcessor.builder()
                .name("bench")
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(handler).build())
                .messageSource(store)
                .tokenStore(new InMemoryTokenStore())
                .transactionManager(NoTransactionManager.INSTANCE)
                .coordinatorExecutor(executor)
                .workerExecutor(executor)
                .initialSegmentCount(1)
                .batchSize(100)
                .initialToken(s -> s.createTailToken())
                .build();
        processor.start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (handled.get() < total && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(5);
        }
        processor.shutDown();
        executor.shutdownNow();
        store.shutDown();
        return handled.get();
    }

    /** The per-event crypto of sealing and verifying: canonical envelope (RFC 8785), SHA-256, Ed25519. */
    private static void sealAndVerify(SealingKey key, int n) {
        String payload = "{\"permitNumber\":\"MN-002-1\",\"applicant\":\"ХХК Тэст\",\"decision\":\"GRANTED\","
                + "\"article\":\"002 art. 26.1\",\"decidedOn\":\"2026-03-02\",\"validUntil\":\"2029-03-01\","
                + "\"reviewer\":\"reviewer-17\",\"note\":\"All documents complete; fee paid.\"}";
        byte[] publicKey = key.publicKey();
        byte[][] signatures = new byte[n][];
        String[] envelopes = new String[n];
        for (int i = 0; i < n; i++) {
            envelopes[i] = "{\"eventId\":\"" + i + "\",\"aggregateType\":\"Permit\",\"aggregateId\":\"p-" + i
                    + "\",\"seq\":3,\"timestamp\":\"2026-03-02T08:00:00Z\",\"payloadType\":\"PermitDecisionRecorded\","
                    + "\"payloadRevision\":null,\"payload\":" + payload + ",\"metaData\":{\"traceId\":\"t-" + i
                    + "\"},\"prevHash\":\"" + "ab".repeat(32) + "\"}";
        }
        for (int warm = 0; warm < 2; warm++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                byte[] canonical = CanonicalJson.canonicalize(envelopes[i]);
                Sha256.hex(canonical);
                signatures[i] = key.sign(canonical);
            }
            long sealNanos = System.nanoTime() - t0;
            long t1 = System.nanoTime();
            int ok = 0;
            for (int i = 0; i < n; i++) {
                if (Ed25519.verify(publicKey, CanonicalJson.canonicalize(envelopes[i]), signatures[i])) {
                    ok++;
                }
            }
            long verifyNanos = System.nanoTime() - t1;
            if (warm == 1) {
                Timer.printMicros("seal: canonicalize + SHA-256 + Ed25519 sign (BouncyCastle)", n, sealNanos, "none set");
                Timer.printMicros("verify: canonicalize + Ed25519 verify (" + ok + " ok)", n, verifyNanos, "none set");
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
