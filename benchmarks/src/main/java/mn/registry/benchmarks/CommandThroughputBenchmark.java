package mn.registry.benchmarks;

import mn.registry.benchmarks.http.BenchClient;
import mn.registry.benchmarks.http.CompanyPapers;
import mn.registry.benchmarks.http.CpuMeter;
import mn.registry.benchmarks.http.Latencies;
import mn.registry.benchmarks.http.Load;
import mn.registry.benchmarks.http.PublicReaders;
import mn.registry.benchmarks.http.QueueCheck;
import mn.registry.benchmarks.http.RegistryProcess;
import mn.registry.kernel.permit.SubmittedDocument;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Signed commands end to end: registry.jar in its own JVM (fresh data directory, embedded H2-backed MongoDB), the
 * documents uploaded once, N {@code ApplyForPermit} commands pre-signed as applicant-1 before the clock starts, then
 * POSTed over HTTP by 1 and by 8 client threads after a warm-up round. Prints commands/s and latency percentiles,
 * CPU used by each side, checks that every command was answered 200 with its own receipt and that the reviewer queue
 * lists every application, and times reading that queue. Exit code 1 if a check fails (not if a target is missed).
 *
 * <p>Arguments: [commands per measured round, default 3000] [warm-up commands, default 1000].
 * See docs/benchmarks.md for the command.
 */
public final class CommandThroughputBenchmark {

    static final double TARGET_PER_SECOND = 300;
    static final double TARGET_P99_MS = 100;
    static final String TARGET = ">= 300 commands/s, p99 <= 100 ms";

    /**
     * Session 31 (s31-speed): with {@code -Dbench.readers=N} (N > 0) a fourth round, 8 clients again while N public readers read
     * ({@link PublicReaders}, {@code -Dbench.readerThinkMs}, default 1000), as issue 15's target 1 has it; printed after the
     * 8-client round without readers, which stays the round {@link ServerAloneBenchmark} compares with.
     */
    static final int READERS = Integer.getInteger("bench.readers", 0);
    static final long READER_THINK_MS = Long.getLong("bench.readerThinkMs", 1000);

    private CommandThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int perRound = args.length > 0 ? Integer.parseInt(args[0]) : 3_000;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        boolean ok;
        try (RegistryProcess registry = RegistryProcess.start(Duration.ofMinutes(6))) {
            ok = run(registry, perRound, warmUp).ok();
            ok &= registry.noErrorsLogged();
        }
        RegistryProcess.exitWith(ok);
    }

    /** The measured rounds of one run (null where a round was not run) and whether every check passed. */
    record Result(boolean ok, Load.Round oneClient, Load.Round eightClients) {
    }

    /** Runs the warm-up, 1-client and 8-client rounds on {@code registry} and the checks; prints as {@link #main} does. */
    static Result run(RegistryProcess registry, int perRound, int warmUp) throws Exception {
        BenchClient client = new BenchClient(registry.base(), registry.dataDir());

        long signing = System.nanoTime();
        List<String> warm;
        List<String> one;
        List<String> eight;
        List<String> read = List.of();
        try (CompanyPapers documents = CompanyPapers.of(registry, "run " + registry.pid())) {
            warm = client.signApplications(documents, "warmup", warmUp);
            one = client.signApplications(documents, "one-client", perRound);
            eight = client.signApplications(documents, "eight-clients", perRound);
            if (READERS > 0) {
                read = client.signApplications(documents, "eight-readers", perRound);
            }
        }
        signing = System.nanoTime() - signing;
        System.out.printf(Locale.ROOT, "pre-signed %d ApplyForPermit commands as applicant-1, each company's six papers written first, in %.1f s "
                        + "(%.2f ms each, client side, not timed below)%n",
                warm.size() + one.size() + eight.size() + read.size(), signing / 1e9,
                signing / 1e6 / (warm.size() + one.size() + eight.size() + read.size()));

        CpuMeter cpu = new CpuMeter(registry.pid());
        Set<String> receipts = new HashSet<>();
        boolean ok = true;
        Load.Round[] measured = new Load.Round[2];
        List<Plan> plans = new ArrayList<>(List.of(new Plan("warm-up, 8 clients", warm, 8, false), new Plan("1 client", one, 1, true),
                new Plan("8 clients", eight, 8, true)));
        if (READERS > 0) {
            plans.add(new Plan("8 clients, " + READERS + " public readers", read, 8, true));
        }
        for (Plan plan : plans) {
            boolean reading = plan.signed() == read;
            PublicReaders readers = reading ? PublicReaders.start(registry, READERS, READER_THINK_MS) : null;
            cpu.start();
            Load.Round result = Load.closedLoop(plan.name(), client, plan.signed(), plan.clients());
            String cpuLine = cpu.since(plan.signed().size(), plan.counted() ? 30 : 0);
            String readLine = readers == null ? null : readers.stop();
            System.out.println(result.line(plan.counted() ? TARGET + verdict(result) : "(not counted)"));
            System.out.println("    " + cpuLine);
            if (readLine != null) {
                System.out.println("    " + readLine);
                ok &= readers.failures() == 0;
            }
            if (plan.counted() && !reading) {
                measured[plan.clients() == 1 ? 0 : 1] = result;
            }
            try {
                QueueCheck.requireDistinctReceipts(result, receipts);
            } catch (IllegalStateException e) {
                System.out.println("CHECK FAILED: " + e.getMessage());
                ok = false;
            }
            Thread.sleep(1_000);
        }

        String token = client.signIn("reviewer-1");
        List<String> expected = new ArrayList<>();
        IntStream.range(0, warmUp).mapToObj(i -> BenchClient.companyName("warmup", i)).forEach(expected::add);
        IntStream.range(0, perRound).mapToObj(i -> BenchClient.companyName("one-client", i)).forEach(expected::add);
        IntStream.range(0, perRound).mapToObj(i -> BenchClient.companyName("eight-clients", i)).forEach(expected::add);
        IntStream.range(0, read.size()).mapToObj(i -> BenchClient.companyName("eight-readers", i)).forEach(expected::add);
        long waited = System.nanoTime();
        try {
            QueueCheck.Reading all = QueueCheck.awaitAll(client, token, expected, Duration.ofMinutes(2));
            System.out.printf(Locale.ROOT, "reviewer queue lists all %d applications sent (%d entries with the demo ones) %.1f s after the last answer%n",
                    expected.size(), all.entries(), (System.nanoTime() - waited) / 1e9);
        } catch (IllegalStateException e) {
            System.out.println("CHECK FAILED: " + e.getMessage());
            ok = false;
        }
        Latencies reads = new Latencies();
        QueueCheck.Reading last = null;
        for (int i = 0; i < 10; i++) {
            last = QueueCheck.read(client, token);
            reads.add(last.nanos());
        }
        Latencies.Summary q = reads.summary();
        System.out.printf(Locale.ROOT, "reviewer queue read (GET /api/reviewer/applications, %d entries, %d KiB), 10 reads: p50 %.1f ms, max %.1f ms   target: none set%n",
                last.entries(), last.bytes() / 1024, q.p50(), q.max());
        return new Result(ok, measured[0], measured[1]);
    }

    /** One closed-loop round: its name, its pre-signed commands, how many client threads send them, whether it is measured. */
    private record Plan(String name, List<String> signed, int clients, boolean counted) {
    }

    private static String verdict(Load.Round round) {
        boolean met = round.perSecond() >= TARGET_PER_SECOND && round.latency().p99() <= TARGET_P99_MS;
        return met ? "  MET" : "  MISSED";
    }
}
