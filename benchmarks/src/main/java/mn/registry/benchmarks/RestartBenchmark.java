package mn.registry.benchmarks;

import mn.registry.benchmarks.http.BenchClient;
import mn.registry.benchmarks.http.CompanyPapers;
import mn.registry.benchmarks.http.Load;
import mn.registry.benchmarks.http.QueueCheck;
import mn.registry.benchmarks.http.RegistryProcess;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import mn.registry.kernel.permit.SubmittedDocument;
import mn.registry.infrastructure.keys.KeysConfiguration;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.keystore.RegistryKeys;
import mn.registry.store.mongo.GaplessEventStorageEngine;
import mn.registry.store.SealingKey;
import org.axonframework.serialization.json.JacksonSerializer;
import mn.registry.publicregister.PublicRegisterBenchmark;
import mn.registry.store.mongo.RegistryMongo;
import mn.registry.tlog.LogCollections;
import mn.registry.tlog.LogWriter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Start-up over a long log (issue 15 target 7: a restart over 100,000 events ready in ≤ 15 s with {@code -Xmx512m}).
 * In one run: an empty registry started and stopped (the baseline); a registry filled through its command API with N
 * signed {@code ApplyForPermit} commands at 8 clients (real events, folded by every projection and logged by the
 * transparency log), stopped (SIGTERM, as an operator would), and started again on the same data directory. Every
 * start runs with {@code -Xmx512m} (or {@code BENCH_SERVER_JVM}). Prints for each start the time to "Registry ready",
 * the time until the public register reflects the whole log and the reviewer queue lists every application (the
 * tracking processors caught up), the heap used after a full GC, and the registry's own start-up timing lines.
 *
 * <p>Arguments: [records or commands to fill with, default 100000] [fill: {@code log} (default) or {@code api}].
 * {@code BENCH_JFR=true} keeps a JFR profile of each start.
 *
 * <p>{@code log}, the fast fill (minutes, not hours): the empty registry (the baseline) is stopped, and the benchmark
 * appends N public records offline into its data directory through the registry's own log writer ({@link LogWriter}:
 * entries, tiles, tree size, a signed checkpoint; the records of {@code PublicRegisterBenchmark}'s prefill: 10 % of them
 * registered entities, permits with suspensions, land licences). A first start folds the whole log into the public
 * register (no snapshot yet) and saves its snapshot on stop; the timed restart must load the snapshot instead of
 * re-reading the log. The event store gets no events in this mode (the records' events are not written), so the
 * tracking processors have nothing to catch up: it measures the register's share of a restart. {@code api}: the fill
 * through the signed API described above (real events, about N / 130 s on a quiet machine).
 */
public final class RestartBenchmark {

    static final double TARGET_SECONDS = 15;
    private static final int BATCH = 5_000;
    private static final Pattern USED = Pattern.compile("used (\\d+)K");
    /** The position in a serialized tracking token (GlobalSequenceTrackingToken's globalIndex, GapAwareTrackingToken's index). */
    private static final Pattern TOKEN_INDEX = Pattern.compile("\"(?:globalIndex|index)\"\\s*:\\s*(\\d+)");

    private RestartBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int commands = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        boolean throughApi = args.length > 1 && "api".equals(args[1]);
        boolean events = args.length > 1 && "events".equals(args[1]);
        String jvm = System.getProperty("bench.serverJvm", "").trim();
        List<String> options = List.of((jvm.isEmpty() ? "-Xmx512m" : jvm).split("\\s+"));
        Path root = Files.createTempDirectory("registry-restart-");
        boolean ok = true;
        if (!throughApi) {
            try {
                ok = events ? eventFill(root, commands, options) : logFill(root, commands, options);
            } finally {
                cleanUp(root);
            }
            RegistryProcess.exitWith(ok);
            return;
        }
        try {
            Start empty = timedStart(root.resolve("empty"), "empty", options, -1, -1);
            empty.registry().close();

            Path filled = root.resolve("filled");
            Start first = timedStart(filled, "fill", options, -1, -1);
            long logSize;
            int queued;
            String token;
            try (RegistryProcess registry = first.registry(); CompanyPapers documents = CompanyPapers.of(registry, "restart " + registry.pid())) {
                BenchClient client = new BenchClient(registry.base(), registry.dataDir());
                long t0 = System.nanoTime();
                int sent = 0;
                int refused = 0;
                while (sent < commands) {
                    int n = Math.min(BATCH, commands - sent);
                    List<String> signed = client.signApplications(documents, "restart-" + sent, n);
                    Load.Round round = Load.closedLoop("fill", client, signed, 8);
                    refused += round.errors();
                    sent += n;
                    System.out.printf(Locale.ROOT, "  filled %,d of %,d commands, %.0f/s overall (%d not 200; this batch's answers %s)%n", sent,
                            commands, sent / ((System.nanoTime() - t0) / 1e9), refused, round.statuses());
                }
                ok &= refused == 0;
                logSize = settledLogSize(client);
                token = client.signIn("reviewer-1");
                queued = QueueCheck.read(client, token).entries();
                System.out.printf(Locale.ROOT, "filled: %,d commands in %.0f s; transparency log %,d entries; reviewer queue %,d entries; heap used %s%n",
                        commands, (System.nanoTime() - t0) / 1e9, logSize, queued, heapUsed(registry.pid()));
                ok &= registry.noErrorsLogged();
            }

            Start again = timedStart(filled, "restart", options, logSize, queued);
            try (RegistryProcess registry = again.registry()) {
                System.out.println("start-up lines of the restart:");
                for (String line : registry.logLinesContaining("")) {
                    if (line.contains("public register") || line.contains("Started ") || line.contains("ready at") || line.contains("processor")
                            || line.contains(" ms") && (line.contains("start") || line.contains("load") || line.contains("built"))) {
                        System.out.println("    " + line);
                    }
                }
                ok &= registry.noErrorsLogged();
            }
            System.out.printf(Locale.ROOT, "%nempty registry (baseline): ready %.1f s, heap used after start %s%n", empty.readySeconds(), empty.heap());
            System.out.printf(Locale.ROOT, "restart over %,d commands (log %,d): ready %.1f s, register caught up %.1f s, reviewer queue complete %.1f s, "
                            + "heap used after start %s   target: ready <= %.0f s with %s  %s%n", commands, logSize, again.readySeconds(),
                    again.registerSeconds(), again.queueSeconds(), again.heap(), TARGET_SECONDS, String.join(" ", options),
                    again.queueSeconds() <= TARGET_SECONDS ? "MET" : "MISSED");
        } finally {
            cleanUp(root);
        }
        RegistryProcess.exitWith(ok);
    }

    private static void cleanUp(Path root) throws IOException {
        if (!Boolean.getBoolean("bench.keep") && !Boolean.getBoolean("bench.jfr")) {
            try (Stream<Path> paths = Files.walk(root)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        } else {
            System.out.println("kept " + root);
        }
    }

    /** The baseline: an empty registry started in {@code filled} and stopped again, so that the fill can open its files. */
    private static Start emptyStart(Path filled, List<String> options) throws Exception {
        Start empty = timedStart(filled, "empty", options, -1, -1);
        empty.registry().close();
        return empty;
    }

    /** The timed restart at {@code logSize}, stopped again, its start-up lines and the empty baseline printed. */
    private static Start restart(Path filled, List<String> options, long logSize, Start empty) throws Exception {
        return restart(filled, options, logSize, empty, -1);
    }

    /**
     * The timed restart; with {@code head} >= 0, before it is stopped: whether every processor's stored token is at
     * the head (read live), the heap after a full GC, and a search, a register page and a proof answered.
     */
    private static Start restart(Path filled, List<String> options, long logSize, Start empty, long head) throws Exception {
        long started = System.nanoTime();
        Start again = timedStart(filled, "restart", options, logSize, 0);
        if (head >= 0) {
            double atHead = awaitProcessorsAtHead(again.registry(), head, started, Duration.ofMinutes(2));
            System.out.printf(Locale.ROOT, "  restart: every processor's stored token at the head (%,d): %s; heap used after a full GC %s%n", head,
                    atHead < 0 ? "NO" : String.format(Locale.ROOT, "yes, by %.1f s", atHead), heapUsed(again.registry().pid()));
            answers(again.registry(), logSize);
        }
        again.registry().close();
        startupLines(again.registry());
        System.out.printf(Locale.ROOT, "%nempty registry (baseline): ready %.1f s, heap used after start %s%n", empty.readySeconds(), empty.heap());
        return again;
    }

    /** The fast fill: empty start (baseline), N public records appended offline through the log writer, a first start, the timed restart. */
    private static boolean logFill(Path root, int records, List<String> options) throws Exception {
        Path filled = root.resolve("filled");
        Start empty = emptyStart(filled, options);
        Path dataDir = empty.registry().dataDir();
        boolean ok = true;
        long t0 = System.nanoTime();
        long logSize;
        try (RegistryMongo mongo = RegistryMongo.open(null, dataDir)) {
            MongoDatabase db = mongo.client().getDatabase("registry");
            RegistryKeys keys = RegistryKeys.openOrCreate(dataDir, Clock.systemUTC());
            LogWriter writer = new LogWriter(db, LogCollections.DEFAULT_ORIGIN, keys.checkpoint(), keys.timeStamping(), Clock.systemUTC(), mongo::makeDurable);
            long before = writer.size();
            int entities = PublicRegisterBenchmark.writeThrough(writer, db, records);
            writer.publishCheckpointIfGrown();
            mongo.makeDurable();
            logSize = writer.size();
            System.out.printf(Locale.ROOT, "filled offline: %,d public records (%,d registered entities) appended through the registry's log writer after its %d "
                    + "entries, in %.1f s; log size %,d, checkpoint signed%n", logSize - before, entities, before, (System.nanoTime() - t0) / 1e9, logSize);
        }

        Start first = timedStart(filled, "first", options, logSize, 0);
        try (RegistryProcess registry = first.registry()) {
            ok &= registry.noErrorsLogged();
        }
        startupLines(first.registry()); // after the stop: the snapshot is saved on stop
        List<String> unsaved = first.registry().logLinesContaining("could not save its snapshot");
        if (!unsaved.isEmpty()) {
            System.out.println("NOTE: the register's snapshot was not saved on stop, so the restart folds the log again: " + unsaved.get(0));
        }
        Start again = restart(filled, options, logSize, empty);
        ok &= again.registry().noErrorsLogged();
        System.out.printf(Locale.ROOT, "first start over the log of %,d entries (no snapshot: the register folds it all): ready %.1f s, register caught up %.1f s, "
                + "heap used %s%n", logSize, first.readySeconds(), first.registerSeconds(), first.heap());
        System.out.printf(Locale.ROOT, "restart over the log of %,d entries (from the register's snapshot, if saved on stop): ready %.1f s, register caught up %.1f s, heap used "
                        + "after start %s   target: ready <= %.0f s with %s  %s%n", logSize, again.readySeconds(), again.registerSeconds(), again.heap(),
                TARGET_SECONDS, String.join(" ", options), again.registerSeconds() <= TARGET_SECONDS ? "MET" : "MISSED");
        return ok;
    }

    /**
     * {@code records} real stored events (ProjectionRebuildBenchmark's permit stories, five events per application),
     * sealed with the registry's own seal key and appended offline through its event store engine in commits of 250
     * events; the server alone and one catch-up reader read the filled store (their rates printed side by side); the
     * first start lets the log's sequencer and every tracking processor catch up (until every stored token is at the
     * head, followed live with each processor's rate); the restart is timed to ready, to the register at that log size
     * and to every stored token at the head, then answers a search, a register page and a proof. The empty start is the baseline.
     */
    private static boolean eventFill(Path root, int records, List<String> options) throws Exception {
        Path filled = root.resolve("filled");
        Start empty = emptyStart(filled, options);
        long t0 = System.nanoTime();
        int stored;
        boolean ok = true;
        Path dataDir = empty.registry().dataDir();
        try (RegistryMongo mongo = RegistryMongo.open(null, dataDir)) {
            RegistryKeys keys = RegistryKeys.openOrCreate(dataDir, Clock.systemUTC());
            GaplessEventStorageEngine engine = GaplessEventStorageEngine.builder()
                    .database(mongo.client().getDatabase("registry"))
                    .sealingKey(new SealingKey(KeysConfiguration.keyId(keys.seal().publicKey()), keys.seal().privateKey()))
                    .eventSerializer(JacksonSerializer.builder().objectMapper(CanonicalJson.mapper()).build())
                    .build();
            engine.ensureIndexes();
            stored = ProjectionRebuildBenchmark.fill(engine, records);
            mongo.makeDurable();
        }
        System.out.printf(Locale.ROOT, "filled offline: %,d sealed events appended through the registry's event store engine in %.1f s%n",
                stored, (System.nanoTime() - t0) / 1e9);
        readRates(dataDir);

        long head = storedProgress(dataDir, "after the fill").head();
        // the first start: the log's sequencer logs only the public events (PublicRecords), so the log's size is not the
        // events' count; the start runs until the log has not grown for 10 s, and then the stored tokens (read offline
        // after the stop) say whether every processor reached the head; if not, catch-up starts follow (up to 5) so that
        // the timed restart begins from a caught-up store
        long firstStarted = System.nanoTime();
        Start first = timedStart(filled, "first", options, -1, -1);
        long logSize;
        double caughtUp;
        try (RegistryProcess registry = first.registry()) {
            // ADR 0040: the first start runs until every processor's stored token reaches the head (read live through
            // the registry's embedded server), printing each processor's progress; the log sequencer then has logged all
            double atHead = awaitProcessorsAtHead(registry, head, firstStarted, Duration.ofMinutes(20));
            logSize = settledLogSize(new BenchClient(registry.base(), registry.dataDir()), 2_000);
            caughtUp = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "  first: every processor at the head (%,d) %s after the start; log %,d entries; heap used %s%n", head,
                    atHead < 0 ? "NOT" : String.format(Locale.ROOT, "%.1f s", atHead), logSize, heapUsed(registry.pid()));
            ok &= registry.noErrorsLogged();
        }
        startupLines(first.registry());
        System.out.println("  first start's snapshot: " + first.registry().logLinesContaining("snapshot saved"));
        Progress afterFirst = storedProgress(dataDir, "after the first start");
        for (int round = 1; round <= 5 && !afterFirst.processorsAtHead(); round++) {
            Start more = timedStart(filled, "catch-up-" + round, options, -1, -1);
            try (RegistryProcess registry = more.registry()) {
                logSize = settledLogSize(new BenchClient(registry.base(), registry.dataDir()), 10_000);
                ok &= registry.noErrorsLogged();
            }
            afterFirst = storedProgress(dataDir, "after catch-up start " + round);
        }
        if (!afterFirst.processorsAtHead()) {
            System.out.println("NOTE: the processors did not reach the head in the first start and 5 catch-up starts; the restart catches up the rest");
        }
        Start again = restart(filled, options, logSize, empty, afterFirst.head());
        ok &= again.registry().noErrorsLogged();
        Progress afterRestart = storedProgress(dataDir, "after the restart");
        afterFirst.tokens().forEach((segment, before) -> {
            Long after = afterRestart.tokens().get(segment);
            if (after == null || after < before) {
                System.out.printf(Locale.ROOT, "REPLAY? token %s went from %,d to %s over the restart%n", segment, before, after);
            }
        });
        System.out.println("  restart's register lines: " + again.registry().logLinesContaining("public register"));
        for (Start start : List.of(first, again)) {
            // a 503 registry.storage-unavailable is logged with the exception that caused it (ProblemResponses)
            start.registry().logLinesContaining("storage unavailable").forEach(line -> System.out.println("  503 in " + start.registry().dataDir() + ": " + line));
        }
        System.out.printf(Locale.ROOT, "first start over %,d stored events: ready %.1f s, log caught up (%,d entries) by %.1f s "
                + "after the fill began, processors at the head when stopped: %s, heap used %s%n", stored, first.readySeconds(), logSize, caughtUp,
                afterFirst.processorsAtHead(), first.heap());
        System.out.printf(Locale.ROOT, "restart over %,d stored events (log %,d): ready %.1f s, register caught up %.1f s, processors at the head when "
                        + "stopped: %s, heap used after start %s   target: ready <= %.0f s with %s  %s%n", stored, logSize, again.readySeconds(),
                again.registerSeconds(), afterRestart.processorsAtHead(), again.heap(),
                TARGET_SECONDS, String.join(" ", options), again.registerSeconds() <= TARGET_SECONDS ? "MET" : "MISSED");
        return ok;
    }

    private static void startupLines(RegistryProcess registry) {
        System.out.println("start-up lines of " + registry.dataDir() + ":");
        for (String line : registry.logLinesContaining("")) {
            if (line.contains("PublicRegister") || line.contains("Started ") || line.contains("ready at")) {
                System.out.println("    " + line);
            }
        }
    }

    /** One start: the process, seconds to "Registry ready", to the register at {@code logSize}, to the queue at {@code queued}, heap used. */
    private record Start(RegistryProcess registry, double readySeconds, double registerSeconds, double queueSeconds, String heap) {
    }

    private static Start timedStart(Path root, String name, List<String> options, long logSize, int queued) throws Exception {
        Files.createDirectories(root);
        long t0 = System.nanoTime();
        RegistryProcess registry = RegistryProcess.startIn(root, name, options, Duration.ofMinutes(5));
        double ready = (System.nanoTime() - t0) / 1e9;
        double register = ready;
        double queue = ready;
        if (logSize >= 0) {
            BenchClient client = new BenchClient(registry.base(), registry.dataDir());
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (logSize(client) < logSize && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            register = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "  %s: ready %.1f s, register at log size %,d by %.1f s%n", name, ready, logSize, register);
            if (queued > 0) {
                String token = signInPatiently(client, t0, deadline);
                while (QueueCheck.read(client, token).entries() < queued && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
            }
            queue = (System.nanoTime() - t0) / 1e9;
        }
        return new Start(registry, ready, register, queue, heapUsed(registry.pid()));
    }

    /**
     * A reviewer's sign-in (a signed command), retried while it is refused, each refusal printed with its time since the
     * start: a sign-in waits on the processors, so a refusal during a catch-up shows which request timed out on what.
     */
    private static String signInPatiently(BenchClient client, long t0, long deadline) throws InterruptedException {
        while (true) {
            try {
                return client.signIn("reviewer-1");
            } catch (IllegalStateException refused) {
                System.out.printf(Locale.ROOT, "  %.1f s after the start: %s%n", (System.nanoTime() - t0) / 1e9, refused.getMessage());
                if (System.nanoTime() > deadline) {
                    throw refused;
                }
                Thread.sleep(1_000);
            }
        }
    }

    /**
     * What the stopped registry stored (read offline, its data directory free): the event store's head and count, the
     * transparency log's size, and every tracking processor's stored token. A processor is caught up when every one of
     * its segments' tokens is at the head; the log is caught up when its size equals the events' count (plus the
     * entries it held before the fill).
     */
    static Progress storedProgress(Path dataDir, String when) throws Exception {
        try (RegistryMongo mongo = RegistryMongo.open(null, dataDir)) {
            MongoDatabase db = mongo.client().getDatabase("registry");
            // one document per commit: _id = position of its first event, count = positions taken (CommitDocuments)
            long headPosition = -1;
            long events = 0;
            for (Document commit : db.getCollection("events").find().projection(new Document("count", 1).append("tombstone", 1))) {
                long count = ((Number) commit.get("count")).longValue();
                headPosition = Math.max(headPosition, ((Number) commit.get("_id")).longValue() + count - 1);
                if (!Boolean.TRUE.equals(commit.get("tombstone"))) {
                    events += count;
                }
            }
            RegistryKeys keys = RegistryKeys.openOrCreate(dataDir, Clock.systemUTC());
            long logSize = new LogWriter(db, LogCollections.DEFAULT_ORIGIN, keys.checkpoint(), keys.timeStamping(), Clock.systemUTC(),
                    mongo::makeDurable).size();
            Map<String, Long> tokens = tokens(db);
            long head = headPosition;
            long behind = tokens.values().stream().filter(t -> t < head).count();
            System.out.printf(Locale.ROOT, "stored %s: event store head %,d (%,d events), transparency log %,d entries, %d processor segments, "
                    + "%d behind the head%n", when, head, events, logSize, tokens.size(), behind);
            perProcessor(tokens).forEach((processor, p) -> System.out.printf(Locale.ROOT, "    %-32s %2d segments, tokens %,d..%,d%s%n", processor, p[0], p[1], p[2],
                    p[1] < head ? "  BEHIND" : ""));
            return new Progress(head, events, logSize, tokens);
        }
    }

    /** Every processor segment's stored token position ({@code processor#segment} -> position; -1 when none). */
    static Map<String, Long> tokens(MongoDatabase db) {
        Map<String, Long> tokens = new TreeMap<>();
        for (Document token : db.getCollection("tracking_tokens").find()) {
            String id = token.getString("_id");
            if (id == null || id.startsWith("~")) {
                continue;
            }
            String serialized = token.getString("token");
            Matcher m = serialized == null ? null : TOKEN_INDEX.matcher(serialized);
            tokens.put(id, m != null && m.find() ? Long.parseLong(m.group(1)) : -1L);
        }
        return tokens;
    }

    /** Per processor: segments, lowest token, highest token. */
    private static Map<String, long[]> perProcessor(Map<String, Long> tokens) {
        Map<String, long[]> perProcessor = new TreeMap<>();
        tokens.forEach((segment, position) -> {
            long[] p = perProcessor.computeIfAbsent(segment.substring(0, segment.lastIndexOf('#')), k -> new long[] {0, Long.MAX_VALUE, -1});
            p[0]++;
            p[1] = Math.min(p[1], position);
            p[2] = Math.max(p[2], position);
        });
        return perProcessor;
    }

    /**
     * Waits until every processor segment's stored token is at {@code head}, reading {@code tracking_tokens} every
     * 2 s through the running registry's embedded server (its address from the registry's log), and prints each
     * processor's lowest token and events/s every 15 s. Seconds from {@code startNanos} to all at the head, or -1.
     */
    static double awaitProcessorsAtHead(RegistryProcess registry, long head, long startNanos, Duration timeout) throws InterruptedException {
        String uri = registry.embeddedMongoUri();
        if (uri == null) {
            System.out.println("  (the registry did not log its embedded server's address: processors not followed)");
            return -1;
        }
        try (MongoClient client = MongoClients.create(uri)) {
            MongoDatabase db = client.getDatabase("registry");
            long deadline = System.nanoTime() + timeout.toNanos();
            Map<String, long[]> last = new TreeMap<>();
            long lastPrint = 0;
            while (true) {
                Map<String, long[]> now = perProcessor(tokens(db));
                double at = (System.nanoTime() - startNanos) / 1e9;
                boolean done = !now.isEmpty() && now.values().stream().allMatch(p -> p[1] >= head);
                if (done || System.nanoTime() - lastPrint > 15_000_000_000L || System.nanoTime() > deadline) {
                    double since = (System.nanoTime() - lastPrint) / 1e9;
                    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %6.1f s:", at));
                    now.forEach((processor, p) -> {
                        long[] before = last.get(processor); // no rate on the first line: the tokens' start is not known here
                        String rate = before == null ? "" : String.format(Locale.ROOT, " %.0f/s", (p[1] - before[1]) / since);
                        line.append(String.format(Locale.ROOT, " %s(%d) %,d%s%s;", processor, p[0], p[1], rate, p[1] >= head ? " AT HEAD" : ""));
                    });
                    System.out.println(line);
                    last.clear();
                    last.putAll(now);
                    lastPrint = System.nanoTime();
                }
                if (done) {
                    return at;
                }
                if (System.nanoTime() > deadline) {
                    return -1;
                }
                Thread.sleep(2_000);
            }
        }
    }

    /** A search, a register page (JSON and HTML) and a proof against the latest log entry, each timed, with its status. */
    private static void answers(RegistryProcess registry, long logSize) {
        BenchClient client = new BenchClient(registry.base(), registry.dataDir());
        String kind = "permits";
        BenchClient.Reply kinds = client.get("/api/public/register", null);
        if (kinds.status() == 200) {
            var counts = BenchClient.json(kinds.body()).path("counts");
            var names = counts.fieldNames();
            long most = -1;
            while (names.hasNext()) {
                String name = names.next();
                if (counts.path(name).asLong() > most) {
                    most = counts.path(name).asLong();
                    kind = name;
                }
            }
            System.out.printf(Locale.ROOT, "  after the restart: register log size %,d, entries %s%n", BenchClient.json(kinds.body()).path("logSize").asLong(), counts);
        }
        for (String path : List.of("/api/public/search?q=a&limit=20", "/api/public/register/" + kind + "?limit=20", "/register",
                "/api/public/proof/" + Math.max(0, logSize - 1))) {
            long t = System.nanoTime();
            BenchClient.Reply reply = client.get(path, null);
            System.out.printf(Locale.ROOT, "  after the restart: GET %s -> %d, %,d bytes, %.0f ms%n", path, reply.status(), reply.body().length(),
                    (System.nanoTime() - t) / 1e6);
        }
    }

    /**
     * The read rates over the filled store, offline in this JVM on the same embedded server and file: the server alone
     * returning every stored commit document to a plain {@code find()} (no filter: one pass over the file), and one
     * catch-up reader of the event store (the engine's {@code readEvents} from the start, as a processor reads).
     */
    private static void readRates(Path dataDir) throws Exception {
        try (RegistryMongo mongo = RegistryMongo.open(null, dataDir)) {
            MongoDatabase db = mongo.client().getDatabase("registry");
            long t0 = System.nanoTime();
            long events = 0;
            long documents = 0;
            // batches of 20 commit documents: the embedded server's first batch is otherwise the whole collection, over the driver's 48 MB limit
            for (Document commit : db.getCollection("events").find().batchSize(20)) {
                List<?> list = commit.getList("events", Object.class);
                events += list == null ? 0 : list.size();
                documents++;
            }
            double plain = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "read by the server alone: find() over all %,d commit documents, %,d events, in %.1f s: %,.0f events/s%n",
                    documents, events, plain, events / plain);
            RegistryKeys keys = RegistryKeys.openOrCreate(dataDir, Clock.systemUTC());
            GaplessEventStorageEngine engine = GaplessEventStorageEngine.builder().database(db)
                    .sealingKey(new SealingKey(KeysConfiguration.keyId(keys.seal().publicKey()), keys.seal().privateKey()))
                    .eventSerializer(JacksonSerializer.builder().objectMapper(CanonicalJson.mapper()).build()).build();
            long t1 = System.nanoTime();
            long read;
            try (Stream<? extends org.axonframework.eventhandling.TrackedEventMessage<?>> stream = engine.readEvents(engine.createTailToken(), false)) {
                read = stream.count();
            }
            double reader = (System.nanoTime() - t1) / 1e9;
            System.out.printf(Locale.ROOT, "read by one catch-up reader (the event store's readEvents from the start): %,d events in %.1f s: %,.0f events/s%n",
                    read, reader, read / reader);
        }
    }

    /** The stored state of a stopped registry: event store head and count, log size, each processor segment's token position. */
    record Progress(long head, long events, long logSize, Map<String, Long> tokens) {

        boolean processorsAtHead() {
            return tokens.values().stream().allMatch(t -> t >= head);
        }
    }

    private static long logSize(BenchClient client) {
        BenchClient.Reply reply = client.get("/api/public/register", null);
        return reply.status() == 200 ? BenchClient.json(reply.body()).path("logSize").asLong() : -1;
    }

    /** The register's log size once it has stopped growing for 2 s (the sequencer has logged every event). */
    private static long settledLogSize(BenchClient client) throws InterruptedException {
        return settledLogSize(client, 2_000);
    }

    /** The register's log size once it has not grown for {@code quietMillis}. */
    private static long settledLogSize(BenchClient client, long quietMillis) throws InterruptedException {
        long last = -2;
        long now = logSize(client);
        while (now != last) {
            Thread.sleep(quietMillis);
            last = now;
            now = logSize(client);
        }
        return now;
    }

    /** Heap used after a full GC ({@code jcmd GC.run}, then {@code GC.heap_info}). */
    private static String heapUsed(long pid) {
        try {
            jcmd(pid, "GC.run");
            Matcher m = USED.matcher(jcmd(pid, "GC.heap_info"));
            return m.find() ? String.format(Locale.ROOT, "%.0f MiB", Long.parseLong(m.group(1)) / 1024.0) : "(unknown)";
        } catch (IOException | InterruptedException e) {
            return "(jcmd failed: " + e.getMessage() + ")";
        }
    }

    private static String jcmd(long pid, String what) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid), what)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }
}
