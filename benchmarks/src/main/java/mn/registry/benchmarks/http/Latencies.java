package mn.registry.benchmarks.http;

import java.util.Arrays;
import java.util.Locale;

/** Every latency of a round, kept exactly (a few thousand longs), and its percentiles. */
public final class Latencies {

    /** Percentiles in milliseconds (nearest-rank) of {@code count} latencies. */
    public record Summary(int count, double p50, double p95, double p99, double max, double mean) {

        public String toString() {
            return String.format(Locale.ROOT, "p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  max %6.1f ms  mean %6.1f ms",
                    p50, p95, p99, max, mean);
        }
    }

    private long[] nanos = new long[1024];
    private int count;

    public synchronized void add(long latencyNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = latencyNanos;
    }

    public synchronized int count() {
        return count;
    }

    public synchronized Summary summary() {
        if (count == 0) {
            return new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        double sum = 0;
        for (long n : sorted) {
            sum += n;
        }
        return new Summary(count, ms(rank(sorted, 0.50)), ms(rank(sorted, 0.95)), ms(rank(sorted, 0.99)), ms(sorted[count - 1]), sum / count / 1e6);
    }

    private static long rank(long[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
