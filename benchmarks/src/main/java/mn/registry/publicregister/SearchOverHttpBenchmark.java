package mn.registry.publicregister;

import com.mongodb.client.MongoDatabase;
import mn.registry.benchmarks.http.BenchClient;
import mn.registry.benchmarks.http.RegistryProcess;
import mn.registry.keystore.RegistryKeys;
import mn.registry.store.mongo.RegistryMongo;
import mn.registry.tlog.LogCollections;
import mn.registry.tlog.LogWriter;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Public search as a user gets it (issue 15 target 3): {@code GET /api/public/search} over HTTP from 50 concurrent
 * readers against registry.jar, whose log holds {@link SearchBenchmark}'s register (10,000 entities, 2,000 permits, land
 * licences, suspensions). The register is written offline into the stopped registry's data directory through its own
 * {@code LogWriter} (as {@code RestartBenchmark}'s log fill), then the registry is started and folds it. The query mix is
 * the search box's ({@link SearchBenchmark#box}: serials {@code 000123}, receipt numbers {@code SP-2026-000123}, entity
 * numbers, four digits, parts of names in Cyrillic and Latin, filters, date ranges). Prints p50/p99 against 50 ms,
 * after the same readers' figures for {@code GET /api/public/register} (a small answer from memory, no search) in the
 * same run: what HTTP on this machine gives at all (ADR 0029).
 *
 * <p>{@code benchmarks/run.sh search http [seconds=10] [readers=50]}. Exit code 1 if an answer was not 200.
 */
public final class SearchOverHttpBenchmark {

    private SearchOverHttpBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int readers = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        String jvm = System.getProperty("bench.serverJvm", "").trim();
        List<String> options = jvm.isEmpty() ? List.of() : List.of(jvm.split("\\s+"));
        Path root = Files.createTempDirectory("registry-search-");
        boolean ok = true;
        try {
            RegistryProcess empty = RegistryProcess.startIn(root, "empty", options, Duration.ofMinutes(6));
            Path dataDir = empty.dataDir();
            empty.close();
            long logSize;
            long t0 = System.nanoTime();
            try (RegistryMongo mongo = RegistryMongo.open(null, dataDir)) {
                MongoDatabase db = mongo.client().getDatabase("registry");
                RegistryKeys keys = RegistryKeys.openOrCreate(dataDir, Clock.systemUTC());
                LogWriter writer = new LogWriter(db, LogCollections.DEFAULT_ORIGIN, keys.checkpoint(), keys.timeStamping(), Clock.systemUTC(), mongo::makeDurable);
                SearchBenchmark.prefill(new PrefilledLog(db, writer, PrefilledLog.T));
                writer.publishCheckpointIfGrown();
                mongo.makeDurable();
                logSize = writer.size();
            }
            System.out.printf(Locale.ROOT, "register written offline through the log writer: log size %,d in %.1f s (not measured)%n", logSize,
                    (System.nanoTime() - t0) / 1e9);
            try (RegistryProcess registry = RegistryProcess.startIn(root, "search", options, Duration.ofMinutes(6))) {
                BenchClient client = new BenchClient(registry.base(), registry.dataDir());
                long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
                while (logSize(client) < logSize && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                Random warm = new Random(7);
                for (int i = 0; i < 500; i++) {
                    client.get(path(SearchBenchmark.box(warm)), null);
                }
                // the machine's baseline, same run, same readers and client: a small JSON answer from memory, no search
                for (int i = 0; i < 500; i++) {
                    client.get("/api/public/register", null);
                }
                long pid = registry.pid();
                ok = phase(client, pid, readers, seconds, "baseline: GET /api/public/register (counts from memory, no search)", r -> "/api/public/register");
                ok &= phase(client, pid, readers, seconds, "public search over HTTP (GET /api/public/search, the search box's mix)", r -> path(SearchBenchmark.box(r)));
                ok &= registry.noErrorsLogged();
            }
        } finally {
            if (Boolean.getBoolean("bench.jfr") || Boolean.getBoolean("bench.keep")) {
                System.out.println("kept (bench.jfr/bench.keep): " + root + " (the server's profile: search.jfr)");
            } else {
                try (Stream<Path> paths = Files.walk(root)) {
                    paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
        RegistryProcess.exitWith(ok);
    }

    private static boolean phase(BenchClient client, long serverPid, int readers, int seconds, String what,
                                 java.util.function.Function<Random, String> paths) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(readers);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicInteger notOk = new AtomicInteger();
        List<Future<long[]>> futures = new ArrayList<>();
        long cpu0 = mn.registry.benchmarks.http.CpuMeter.processCpuNanos(serverPid);
        long t0 = System.nanoTime();
        for (int r = 0; r < readers; r++) {
            int seed = r;
            futures.add(pool.submit(() -> {
                Random random = new Random(seed);
                long[] latencies = new long[1 << 18];
                int n = 0;
                while (System.nanoTime() < end && n < latencies.length) {
                    String path = paths.apply(random);
                    long s = System.nanoTime();
                    BenchClient.Reply reply = client.get(path, null);
                    latencies[n++] = System.nanoTime() - s;
                    if (reply.status() != 200) {
                        notOk.incrementAndGet();
                    }
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        List<long[]> parts = new ArrayList<>();
        for (Future<long[]> f : futures) {
            parts.add(f.get());
        }
        long wall = System.nanoTime() - t0;
        long serverCpu = mn.registry.benchmarks.http.CpuMeter.processCpuNanos(serverPid) - cpu0;
        pool.shutdown();
        long[] all = parts.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        double p99 = all[(int) (all.length * 0.99)] / 1e6;
        System.out.printf(Locale.ROOT, "%s, %d readers: %,d requests in %.1f s = %,.0f/s; "
                        + "p50 %.1f ms, p99 %.1f ms, max %.1f ms, mean %.1f ms; server CPU %.3f ms per request; %d not 200   target: p99 <= 50 ms  %s  (load %s)%n",
                what, readers, all.length, wall / 1e9, all.length / (wall / 1e9), all[all.length / 2] / 1e6, p99, all[all.length - 1] / 1e6,
                Arrays.stream(all).average().orElse(0) / 1e6, serverCpu / 1e6 / all.length, notOk.get(), p99 <= 50 ? "MET" : "MISSED", load());
        return notOk.get() == 0;
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException | RuntimeException e) {
            return "?";
        }
    }

    /** The search as the box's form sends it. */
    static String path(RegisterSearch s) {
        StringBuilder q = new StringBuilder("/api/public/search?offset=").append(s.offset()).append("&limit=").append(s.limit());
        param(q, "q", s.text());
        param(q, "kind", s.kind() == null ? null : s.kind().path());
        param(q, "status", s.status());
        param(q, "zone", s.zoneId());
        param(q, "activity", s.activity());
        param(q, "from", s.from() == null ? null : s.from().toString());
        param(q, "to", s.to() == null ? null : s.to().toString());
        return q.toString();
    }

    private static void param(StringBuilder q, String name, String value) {
        if (value != null) {
            q.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    private static long logSize(BenchClient client) {
        BenchClient.Reply reply = client.get("/api/public/register", null);
        return reply.status() == 200 ? BenchClient.json(reply.body()).path("logSize").asLong() : -1;
    }
}
