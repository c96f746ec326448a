package mn.registry.benchmarks.store;

import java.util.Locale;

/** Wall-clock figures printed as one line each. */
public final class Timer {

    private Timer() {
    }

    public static double perSecond(long count, long nanos) {
        return count / (nanos / 1e9);
    }

    public static void print(String what, long count, long nanos, String target) {
        System.out.printf(Locale.ROOT, "%-62s %9d in %8.2f s = %10.0f /s   target: %s%n",
                what, count, nanos / 1e9, perSecond(count, nanos), target);
    }

    public static void printMicros(String what, long count, long nanos, String target) {
        System.out.printf(Locale.ROOT, "%-62s %9d in %8.2f s = %10.1f us each   target: %s%n",
                what, count, nanos / 1e9, nanos / 1e3 / count, target);
    }
}
