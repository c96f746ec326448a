package mn.registry.benchmarks.http;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;

/**
 * CPU time spent by the registry process and by this (client) JVM over a round, per command: on a 2-core machine the
 * two share the cores, so this says how much of the budget (2,000 ms of CPU per second) each side used.
 */
public final class CpuMeter {

    private final long serverPid;
    private long serverStart;
    private long clientStart;
    private long wallStart;

    public CpuMeter(long serverPid) {
        this.serverPid = serverPid;
    }

    public void start() {
        serverStart = serverCpuNanos();
        clientStart = clientCpuNanos();
        wallStart = System.nanoTime();
    }

    /** Since {@link #start()}: CPU ms per command of each side and the share of both cores used. */
    public String since(int commands) {
        long server = serverCpuNanos() - serverStart;
        long client = clientCpuNanos() - clientStart;
        long wall = System.nanoTime() - wallStart;
        int cores = Runtime.getRuntime().availableProcessors();
        return String.format(Locale.ROOT, "CPU per command: server %.2f ms, client %.2f ms; cores busy: server %.0f%%, client %.0f%% of %d",
                server / 1e6 / commands, client / 1e6 / commands, 100.0 * server / wall / cores, 100.0 * client / wall / cores, cores);
    }

    private long serverCpuNanos() {
        return ProcessHandle.of(serverPid).flatMap(p -> p.info().totalCpuDuration()).map(Duration::toNanos).orElse(0L);
    }

    private static long clientCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0L;
    }
}
