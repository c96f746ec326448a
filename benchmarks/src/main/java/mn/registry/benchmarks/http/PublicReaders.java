package mn.registry.benchmarks.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Issue 15 target 1's public readers (session 31, s31-speed): while the signed commands are sent, {@code readers} threads each
 * read the public side, wait about {@code thinkMs} (half to one and a half times), read again: the search box (a part of a number or
 * a name, five digits) and the register's permits, a feed page, an inclusion proof, the checkpoint. No session:
 * the public's reads. Each reader's reads go through a client of its own HTTP threads ({@code read-http-N}) and each reader thread
 * is named {@code reader-N}, so that the client JVM's CPU by thread group tells the readers' share from the signing clients'.
 */
public final class PublicReaders implements AutoCloseable {

    private final BenchClient client;
    private final int readers;
    private final long thinkMs;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Map<String, Latencies> byKind = new ConcurrentHashMap<>();
    private final AtomicLong reads = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final List<String> firstFailures = java.util.Collections.synchronizedList(new ArrayList<>());
    private final List<Thread> threads = new ArrayList<>();

    private PublicReaders(BenchClient client, int readers, long thinkMs) {
        this.client = client;
        this.readers = readers;
        this.thinkMs = thinkMs;
    }

    /** Starts {@code readers} readers on a client of their own to {@code registry}. */
    public static PublicReaders start(RegistryProcess registry, int readers, long thinkMs) {
        PublicReaders started = new PublicReaders(new BenchClient(registry.base(), registry.dataDir(), "read-http"), readers, thinkMs);
        for (int r = 0; r < readers; r++) {
            Random random = new Random(r);
            Thread t = new Thread(() -> {
                while (started.running.get()) {
                    started.readOnce(random);
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(thinkMs / 2 + random.nextInt((int) Math.max(1, thinkMs))));
                }
            }, "reader-" + r);
            t.setDaemon(true);
            started.threads.add(t);
            t.start();
        }
        return started;
    }

    /** Stops the readers and answers what they read: per kind the count and latencies, and the failures. */
    public String stop() throws InterruptedException {
        running.set(false);
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(70));
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "public reads (%d readers, %d ms think time): %d reads, %d failed",
                readers, thinkMs, reads.get(), failures.get()));
        byKind.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
                out.append(String.format(Locale.ROOT, "%n        %-26s %s", e.getKey(), e.getValue().summary())));
        firstFailures.forEach(f -> out.append("\n        READ FAILED: ").append(f));
        return out.toString();
    }

    public long failures() {
        return failures.get();
    }

    @Override
    public void close() throws InterruptedException {
        if (running.get()) {
            stop();
        }
    }

    private void readOnce(Random random) {
        int pick = random.nextInt(100);
        String kind;
        String path;
        if (pick < 20) {
            kind = "GET checkpoint";
            path = "/api/public/checkpoint";
        } else if (pick < 40) {
            kind = "GET proof";
            path = "/api/public/proof/" + random.nextInt(500);
        } else if (pick < 60) {
            kind = "GET feed page";
            path = "/api/public/feed?after=" + random.nextInt(500) + "&limit=50";
        } else if (pick < 80) {
            kind = "GET search box";
            path = "/api/public/search?q=" + String.format(Locale.ROOT, "%05d", random.nextInt(3000));
        } else {
            kind = "GET register: permits";
            path = "/api/public/register/permits?limit=20";
        }
        long nanos = readOnce(client, kind, path, null, reads, failures, firstFailures);
        byKind.computeIfAbsent(kind, k -> new Latencies()).add(nanos);
    }

    /**
     * One read of {@code path} ({@code kind}, with {@code bearer} or none): counted in {@code reads}; one that is not 200 (a proof's 404
     * aside) counted in {@code failures}, the first five told in {@code firstFailures}. Its time in nanoseconds. Shared with
     * {@code MixedLoadBenchmark}'s readers.
     */
    public static long readOnce(BenchClient client, String kind, String path, String bearer, AtomicLong reads, AtomicLong failures,
                                List<String> firstFailures) {
        long start = System.nanoTime();
        BenchClient.Reply reply;
        try {
            reply = client.getAsync(path, bearer).get(70, TimeUnit.SECONDS);
        } catch (Exception e) {
            reply = new BenchClient.Reply(-1, String.valueOf(e));
        }
        long nanos = System.nanoTime() - start;
        reads.incrementAndGet();
        boolean fine = reply.status() == 200 || (kind.equals("GET proof") && reply.status() == 404);
        if (!fine) {
            failures.incrementAndGet();
            if (firstFailures.size() < 5) {
                firstFailures.add(kind + " " + path + " -> " + reply.status() + " " + reply.body().substring(0, Math.min(200, reply.body().length())));
            }
        }
        return nanos;
    }
}
