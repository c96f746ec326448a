package mn.registry.benchmarks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import mn.registry.benchmarks.http.BenchClient;
import mn.registry.benchmarks.http.CompanyPapers;
import mn.registry.benchmarks.http.CpuMeter;
import mn.registry.benchmarks.http.Latencies;
import mn.registry.benchmarks.http.Load;
import mn.registry.benchmarks.http.RegistryProcess;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.kernel.permit.SubmittedDocument;
import mn.registry.kernel.pki.SigningIdentity;
import mn.registry.kernel.signing.CommandEnvelope;
import mn.registry.kernel.signing.CommandSigner;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Issue 15 target 6: the time from a signed command's acknowledgement to the first served signed checkpoint whose
 * size covers its log entry, at a fixed open-loop background rate of signed {@code ApplyForPermit} commands (default
 * 100/s), with a baseline at 10 commands/s in the same run and on the same registry.
 *
 * <p>{@code ApplyForPermit} is not a public event, so it has no log entry (ADR 0004: only calendar declarations and
 * officials' role changes are logged). The commands whose latency is measured are therefore signed
 * {@code DeclareWorkingDay} commands (cabinet-1, successive Saturdays, one log entry each), sent open loop at
 * {@code probes} per second beside the background, each with a unique decision reference. After the round the
 * benchmark reads the entry bundles of the new log indexes to learn which index each declaration got (so the order
 * in which the registry logged them does not matter), and a poller that read {@code /api/public/checkpoint} every
 * 10 ms gives the first time a checkpoint of size {@code > index} was served. Latency = that time minus the time the
 * declaration's answer arrived. Prints p50/p99/max, the background rate actually held, the server's CPU and the
 * machine's load average; exit code 1 if a check fails (an error answer, a declaration never seen in a checkpoint),
 * not if the target is missed.
 *
 * <p>The pipeline's own waits (session 5): the checkpoint is published as soon as the sequencer's batch that appended
 * the entry has committed, unless one was published less than {@code registry.log.checkpoint-interval} (default 250 ms)
 * ago, and the node's log reader serves it at once (before session 5: the publisher polled every interval and the reader
 * re-read the latest every 200 ms, up to ~0.45 s together). So at most one interval when entries come faster than one
 * per interval, none otherwise; the rest is the sequencer's lag behind the store, two group commits of the checkpoint and
 * the queue of the loaded server.
 *
 * <p>Arguments: [background commands/s, default 100] [seconds per round, default 30] [declarations/s, default 4]
 * [baseline commands/s, default 10].
 */
public final class CheckpointLatencyBenchmark {

    static final double TARGET_P50_MS = 1_500;
    static final double TARGET_P99_MS = 3_000;
    private static final String INTERVAL_SETTING = "registry.log.checkpoint-interval";
    private static final String INTERVAL_DEFAULT = "250ms";

    private CheckpointLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        double rate = args.length > 0 ? Double.parseDouble(args[0]) : 100;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        double probes = args.length > 2 ? Double.parseDouble(args[2]) : 4;
        double baseline = args.length > 3 ? Double.parseDouble(args[3]) : 10;
        boolean ok;
        try (RegistryProcess registry = RegistryProcess.start(Duration.ofMinutes(5))) {
            ok = run(registry, rate, seconds, probes, baseline);
            ok &= registry.noErrorsLogged();
        }
        RegistryProcess.exitWith(ok);
    }

    private static boolean run(RegistryProcess registry, double rate, int seconds, double probes, double baseline) throws Exception {
        BenchClient client = new BenchClient(registry.base(), registry.dataDir());
        long size = TransparencyLogBenchmark.awaitStableCheckpoint(client);
        System.out.printf(Locale.ROOT, "log has %d entries under its checkpoint after the demo data; %s = %s%n", size, INTERVAL_SETTING, interval());
        try (CompanyPapers documents = CompanyPapers.of(registry, "checkpoint " + registry.pid())) {
            return measure(registry, client, documents, rate, seconds, probes, baseline);
        }
    }

    private static boolean measure(RegistryProcess registry, BenchClient client, CompanyPapers documents, double rate, int seconds, double probes,
                                   double baseline) throws Exception {
        Declarations declarations = new Declarations(client.person("cabinet-1"));

        List<String> warm = client.signApplications(documents, "cp-warmup", 500);
        Load.Round warmUp = Load.closedLoop("warm-up, 8 clients (closed loop)", client, warm, 8);
        System.out.println(warmUp.line("(not counted)"));
        Result warmResult = round(registry, client, documents, declarations, "cp-warm", Math.min(baseline, rate), 5, probes, false);
        boolean ok = warmUp.errors() == 0 && warmResult.ok();

        Result base = round(registry, client, documents, declarations, "cp-base", baseline, seconds, probes, true);
        Result loaded = round(registry, client, documents, declarations, "cp-load", rate, seconds, probes, true);
        ok &= base.ok() && loaded.ok();
        Latencies.Summary b = base.latency();
        Latencies.Summary l = loaded.latency();
        boolean met = l.count() > 0 && l.p50() <= TARGET_P50_MS && l.p99() <= TARGET_P99_MS && loaded.missing() == 0;
        System.out.printf(Locale.ROOT, "acknowledgement -> signed checkpoint at %.0f/s offered (held %.0f/s): p50 %.2f s, p99 %.2f s, max %.2f s"
                        + "   baseline at %.0f/s offered (held %.0f/s): p50 %.2f s, p99 %.2f s, max %.2f s   target: p50 <= 1.5 s, p99 <= 3 s at 100/s%s%n",
                rate, loaded.held(), l.p50() / 1e3, l.p99() / 1e3, l.max() / 1e3, baseline, base.held(), b.p50() / 1e3, b.p99() / 1e3, b.max() / 1e3,
                met ? "  MET" : "  MISSED");
        if (!met) {
            boolean baselineMet = b.count() > 0 && b.p50() <= TARGET_P50_MS && b.p99() <= TARGET_P99_MS;
            System.out.printf(Locale.ROOT, "    the checkpoint interval (%s = %s) adds at most one interval, and only when entries come faster;"
                    + " %s%n", INTERVAL_SETTING, interval(), baselineMet
                    ? "the baseline meets the target with the same settings, so the miss is the load (the server's queue and the sequencer's lag), not the interval"
                    : "the baseline misses too: compare its p50 with the interval to see how much the setting explains");
        }
        return ok;
    }

    /** The checkpoint interval the registry runs with: the default unless {@code -Dbench.serverArgs} sets it. */
    static String interval() {
        for (String arg : System.getProperty("bench.serverArgs", "").trim().split("\\s+")) {
            if (arg.startsWith("--" + INTERVAL_SETTING + "=")) {
                return arg.substring(arg.indexOf('=') + 1) + " (set by bench.serverArgs)";
            }
        }
        return INTERVAL_DEFAULT + " (the default)";
    }

    /** One round's outcome. */
    private record Result(Latencies.Summary latency, double held, int missing, boolean ok) {
    }

    /**
     * Background {@code rate} ApplyForPermit/s and {@code probes} DeclareWorkingDay/s, both open loop, for
     * {@code seconds}; then waits until the checkpoint covers every declaration (at most 20 s) and measures.
     */
    private static Result round(RegistryProcess registry, BenchClient client, CompanyPapers documents, Declarations declarations,
                                String prefix, double rate, int seconds, double probes, boolean print) throws Exception {
        List<String> load = client.signApplications(documents, prefix, (int) Math.round(rate * seconds));
        int count = Math.max(1, (int) Math.round(probes * seconds));
        List<String> references = new ArrayList<>(count);
        List<String> signed = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            String reference = declarations.nextReference(prefix);
            references.add(reference);
            signed.add(declarations.sign(reference));
        }
        long before = TransparencyLogBenchmark.checkpointSize(client);
        Thread.sleep(1_000);

        ConcurrentSkipListMap<Long, Long> firstSeen = new ConcurrentSkipListMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        Thread poller = TransparencyLogBenchmark.checkpointPoller(client, firstSeen, stop);
        CpuMeter cpu = new CpuMeter(registry.pid());
        String loadBefore = CpuMeter.loadAverage();
        cpu.start();
        ExecutorService backgroundPool = Executors.newSingleThreadExecutor();
        Future<Load.Round> background = backgroundPool.submit(() -> Load.openLoop(
                String.format(Locale.ROOT, "background %.0f ApplyForPermit/s", rate), client, load, rate));

        long[] acknowledged = new long[count];
        int[] status = new int[count];
        List<CompletableFuture<Void>> pending = new ArrayList<>(count);
        AtomicInteger refusals = new AtomicInteger();
        long period = (long) (1e9 / probes);
        long start = System.nanoTime() + period / 2;
        for (int k = 0; k < count; k++) {
            long due = start + k * period;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            int index = k;
            pending.add(client.commandAsync(signed.get(k)).exceptionally(e -> new BenchClient.Reply(-1, String.valueOf(e))).thenAccept(reply -> {
                acknowledged[index] = System.nanoTime();
                status[index] = reply.status();
                if (reply.status() != 200 && refusals.incrementAndGet() <= 3) {
                    System.out.println("    DeclareWorkingDay answered " + reply.status() + ": " + reply.body());
                }
            }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
        Load.Round round = background.get();
        backgroundPool.shutdown();
        String cpuLine = cpu.since(load.size() + count);
        String loadAfter = CpuMeter.loadAverage();

        int accepted = 0;
        for (int s : status) {
            accepted += s == 200 ? 1 : 0;
        }
        long expectedSize = before + accepted;
        long waitUntil = System.nanoTime() + 20_000_000_000L;
        while ((firstSeen.isEmpty() || firstSeen.lastKey() < expectedSize) && System.nanoTime() < waitUntil) {
            Thread.sleep(50);
        }
        stop.set(true);
        poller.join();

        // which index did each declaration get? Read the entry bundles of the new indexes.
        long finalSize = TransparencyLogBenchmark.checkpointSize(client);
        Map<String, Long> indexOf = new HashMap<>();
        for (long i = before; i < finalSize; i++) {
            BenchClient.Reply bundle = client.get("/api/public/bundle/" + i, null);
            if (bundle.status() != 200) {
                continue;
            }
            for (String reference : references) {
                if (bundle.body().contains(reference)) {
                    indexOf.put(reference, i);
                    break;
                }
            }
        }
        Latencies latencies = new Latencies();
        int missing = 0;
        for (int k = 0; k < count; k++) {
            if (status[k] != 200) {
                continue;
            }
            Long index = indexOf.get(references.get(k));
            var seen = index == null ? null : firstSeen.ceilingEntry(index + 1);
            if (seen == null) {
                missing++;
            } else {
                latencies.add(Math.max(0, seen.getValue() - acknowledged[k]));
            }
        }
        Latencies.Summary s = latencies.summary();
        boolean ok = round.errors() == 0 && accepted == count && missing == 0;
        if (print) {
            System.out.println(round.line("(background)"));
            System.out.printf(Locale.ROOT, "    ack -> served checkpoint covering its entry, %d DeclareWorkingDay at %.1f/s beside %.0f/s offered, %.0f/s held:"
                            + " %s  never seen %d  (load %s -> %s)%n    %s%n",
                    latencies.count(), probes, rate, round.perSecond(), s, missing, loadBefore, loadAfter, cpuLine);
        }
        if (round.perSecond() < 0.9 * rate) {
            System.out.printf(Locale.ROOT, "    the server held %.0f/s of the %.0f/s offered: it did not keep up, so this round shows its queue,"
                    + " not the log's pipeline%n", round.perSecond(), rate);
        }
        if (round.errors() > 0 || accepted != count) {
            System.out.println("CHECK FAILED: " + prefix + ": " + round.errors() + " background errors, " + (count - accepted) + " declarations refused");
        }
        if (missing > 0) {
            System.out.println("CHECK FAILED: " + prefix + ": " + missing + " acknowledged declarations never seen in a served checkpoint within 20 s");
        }
        return new Result(s, round.perSecond(), missing, ok);
    }

    /** Signed DeclareWorkingDay commands for successive Saturdays, each with a unique, fixed-width decision reference. */
    private static final class Declarations {
        private final SigningIdentity cabinet;
        private final CommandSigner signer = new CommandSigner();
        private LocalDate saturday = LocalDate.of(2038, 1, 2);
        private int next;

        Declarations(SigningIdentity cabinet) {
            this.cabinet = cabinet;
        }

        String nextReference(String prefix) {
            return String.format(Locale.ROOT, "checkpoint bench %s %06d", prefix, next++);
        }

        /** The next Saturday's declaration with {@code reference}. */
        String sign(String reference) {
            ObjectNode body = CanonicalJson.mapper().createObjectNode().put("date", saturday.toString()).put("decisionReference", reference);
            body.putNull("replacesDate");
            saturday = saturday.plusDays(7);
            return signer.sign(CommandEnvelope.fresh("DeclareWorkingDay", body, Clock.systemUTC()), cabinet);
        }
    }
}
