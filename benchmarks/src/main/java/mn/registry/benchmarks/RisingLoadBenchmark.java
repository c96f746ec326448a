package mn.registry.benchmarks;

import mn.registry.benchmarks.http.BenchClient;
import mn.registry.benchmarks.http.CompanyPapers;
import mn.registry.benchmarks.http.CpuMeter;
import mn.registry.benchmarks.http.Load;
import mn.registry.benchmarks.http.QueueCheck;
import mn.registry.benchmarks.http.RegistryProcess;
import mn.registry.kernel.permit.SubmittedDocument;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The knee: signed {@code ApplyForPermit} commands offered at a fixed rate (open loop: each leaves at its scheduled
 * time whatever the answers do, and its latency counts from that time), step by step at rising rates, until p99
 * passes 100 ms or a command fails. Reports the highest rate held with p99 <= 100 ms. Same set-up as
 * {@link CommandThroughputBenchmark}: registry.jar in its own JVM, commands pre-signed before each step.
 *
 * With {@code -Dbench.allSteps=true} it runs every step anyway, to show the rate actually served past the knee.
 *
 * <p>Arguments: [seconds per step, default 10] [rates per second, comma separated, default 10,25,50,75,100,150,200,300,400,600].
 */
public final class RisingLoadBenchmark {

    private RisingLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int[] rates = Arrays.stream((args.length > 1 ? args[1] : "10,25,50,75,100,150,200,300,400,600").split(","))
                .mapToInt(r -> Integer.parseInt(r.trim())).toArray();
        boolean ok;
        try (RegistryProcess registry = RegistryProcess.start(Duration.ofMinutes(3))) {
            ok = run(registry, seconds, rates);
            ok &= registry.noErrorsLogged();
        }
        RegistryProcess.exitWith(ok);
    }

    /**
     * The knee as one line a script can grep ({@code knee: N commands/s at p99 <= 100 ms}); 0 when even the lowest
     * offered rate passed 100 ms. The lowest step is the run's baseline.
     */
    static String kneeLine(int knee, int lowest) {
        return String.format(Locale.ROOT, "knee: %d commands/s at p99 <= 100 ms (the highest offered rate held%s; baseline: the lowest step, %d/s)"
                        + "   target: >= 300 commands/s%s", knee, knee > 0 ? "" : ": none, even the lowest passed 100 ms", lowest,
                knee >= 300 ? "  MET" : "  MISSED");
    }

    private static boolean run(RegistryProcess registry, int seconds, int[] rates) throws Exception {
        BenchClient client = new BenchClient(registry.base(), registry.dataDir());
        try (CompanyPapers documents = CompanyPapers.of(registry, "rising " + registry.pid())) {
            return measure(registry, client, documents, seconds, rates);
        }
    }

    private static boolean measure(RegistryProcess registry, BenchClient client, CompanyPapers documents, int seconds, int[] rates) throws Exception {
        Set<String> receipts = new HashSet<>();
        List<String> expected = new ArrayList<>();

        List<String> warm = client.signApplications(documents, "warmup", 1_000);
        Load.Round warmUp = Load.closedLoop("warm-up, 8 clients (closed loop)", client, warm, 8);
        System.out.println(warmUp.line("(not counted)"));
        QueueCheck.requireDistinctReceipts(warmUp, receipts);
        IntStream.range(0, warm.size()).mapToObj(i -> BenchClient.companyName("warmup", i)).forEach(expected::add);

        CpuMeter cpu = new CpuMeter(registry.pid());
        int knee = 0;
        int previous = 0;
        boolean ok = true;
        for (int rate : rates) {
            String prefix = "rate-" + rate;
            List<String> signed = client.signApplications(documents, prefix, rate * seconds);
            Thread.sleep(2_000);
            cpu.start();
            Load.Round step = Load.openLoop(String.format(Locale.ROOT, "offered %d/s for %d s", rate, seconds), client, signed, rate);
            boolean held = step.errors() == 0 && step.latency().p99() <= CommandThroughputBenchmark.TARGET_P99_MS;
            System.out.println(step.line("p99 <= 100 ms" + (held ? "  held" : "  PASSED 100 ms")));
            System.out.printf(Locale.ROOT, "    %s; client sent up to %.1f ms late%n", cpu.since(signed.size(), 0), step.maxDispatchLagNanos() / 1e6);
            try {
                QueueCheck.requireDistinctReceipts(step, receipts);
            } catch (IllegalStateException e) {
                System.out.println("CHECK FAILED: " + e.getMessage());
                ok = false;
            }
            IntStream.range(0, signed.size()).mapToObj(i -> BenchClient.companyName(prefix, i)).forEach(expected::add);
            if (held && knee == previous) {
                knee = rate;
            }
            previous = rate;
            if (!held && !Boolean.getBoolean("bench.allSteps")) {
                break;
            }
        }
        System.out.println(kneeLine(knee, rates[0]));

        String token = client.signIn("reviewer-1");
        try {
            QueueCheck.Reading all = QueueCheck.awaitAll(client, token, expected, Duration.ofMinutes(2));
            System.out.printf("reviewer queue lists all %d applications sent (%d entries with the demo ones)%n", expected.size(), all.entries());
        } catch (IllegalStateException e) {
            System.out.println("CHECK FAILED: " + e.getMessage());
            ok = false;
        }
        return ok;
    }
}
