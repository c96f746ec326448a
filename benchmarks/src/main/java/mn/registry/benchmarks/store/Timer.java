package mn.registry.benchmarks.store;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Wall-clock figures printed as one line each, with the CPU time the whole process (client and embedded
 * server) used meanwhile: on a shared machine the CPU figure is the one that does not depend on the load.
 */
public final class Timer {

    private Timer() {
    }

    /** Process CPU time in nanoseconds (all threads), or -1 when the platform does not tell. */
    public static long cpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    public static double perSecond(long count, long nanos) {
        return count / (nanos / 1e9);
    }

    public static void print(String what, long count, long nanos, long cpuNanos, String target) {
        System.out.printf(Locale.ROOT, "%-62s %9d in %7.2f s = %8.0f /s (cpu %7.2f s = %8.0f per cpu-s)   target: %s%n",
                what, count, nanos / 1e9, perSecond(count, nanos), cpuNanos / 1e9, perSecond(count, cpuNanos), target);
    }

    public static void printMicros(String what, long count, long nanos, String target) {
        System.out.printf(Locale.ROOT, "%-62s %9d in %7.2f s = %8.1f us each   target: %s%n",
                what, count, nanos / 1e9, nanos / 1e3 / count, target);
    }
}
