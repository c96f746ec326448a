import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.function.Function;

/**
 * Session 33 (s33-speed), ADR 0070 item 24: the CPU time of reading an envelope's signedAt, Instant.parse (main) beside
 * IsoUtcText.parse (the branch), interleaved in one JVM so the machine's load moves both alike. Run with the branch's shared-kernel
 * classes on the class path:
 *   java -cp shared-kernel/target/classes benchmarks/tools/SignedAtMicro.java [rounds, default 14] [calls a round, default 200000]
 * Prints per round each arm's thread CPU per call (ThreadMXBean), then the minimum and median of the rounds after the first two.
 */
public class SignedAtMicro {
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 14;
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        Method m = Class.forName("mn.registry.kernel.time.IsoUtcText").getDeclaredMethod("parse", String.class);
        m.setAccessible(true);
        Function<String, Instant> hand = s -> {
            try {
                return (Instant) m.invoke(null, s);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        };
        Function<String, Instant> jdk = Instant::parse;
        String[] texts = new String[1024];
        Instant base = Instant.parse("2026-12-08T00:48:00Z");
        for (int i = 0; i < texts.length; i++) {
            texts[i] = base.plusNanos(i * 1_234_567_891L).toString(); // Instant.toString: fraction 0, 3, 6 or 9 digits, as signers write
        }
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        double[][] perCall = new double[2][rounds];
        long sink = 0;
        for (int r = 0; r < rounds; r++) {
            for (int arm = 0; arm < 2; arm++) {
                Function<String, Instant> f = arm == 0 ? jdk : hand;
                long t0 = cpu.getCurrentThreadCpuTime();
                for (int i = 0; i < calls; i++) {
                    sink += f.apply(texts[i & 1023]).getNano();
                }
                perCall[arm][r] = (cpu.getCurrentThreadCpuTime() - t0) / (double) calls;
            }
            System.out.printf("round %2d  Instant.parse %7.1f ns  IsoUtcText.parse %7.1f ns  load %s%n", r + 1, perCall[0][r], perCall[1][r],
                    new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/loadavg"))).trim());
        }
        for (int arm = 0; arm < 2; arm++) {
            double[] kept = java.util.Arrays.copyOfRange(perCall[arm], Math.min(2, rounds - 1), rounds);
            java.util.Arrays.sort(kept);
            System.out.printf("%-19s min %7.1f ns, median %7.1f ns a call (rounds 3-%d)%n", arm == 0 ? "Instant.parse" : "IsoUtcText.parse",
                    kept[0], kept[kept.length / 2], rounds);
        }
        System.out.println("(sink " + sink + ")");
    }
}
