package mn.registry.benchmarks.http;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * CPU time spent by the registry process and by this (client) JVM over a round, per command: on a 2-core machine the
 * two share the cores, so this says how much of the budget (2,000 ms of CPU per second) each side used, and (from
 * /proc/stat) how busy the whole machine was: anything above server + client is other processes disturbing the figures.
 */
public final class CpuMeter {

    private final long serverPid;
    private long serverStart;
    private long clientStart;
    private long wallStart;
    private long[] machineStart;
    private final ServerProbe probe;
    private ServerProbe.Reading probeStart;
    private java.util.Map<String, Long> threadsStart;
    private java.util.Map<String, Long> clientThreadsStart;
    private long[] writesStart;
    private double[] compilerStart;

    public CpuMeter(long serverPid) {
        this.serverPid = serverPid;
        this.probe = ServerProbe.attach(serverPid);
    }

    public void start() {
        probeStart = probe == null ? null : probe.read();
        threadsStart = ThreadCpu.read(serverPid);
        clientThreadsStart = ThreadCpu.read(ProcessHandle.current().pid());
        writesStart = ThreadCpu.writes(serverPid);
        compilerStart = compiler(serverPid);
        serverStart = serverCpuNanos();
        clientStart = clientCpuNanos();
        wallStart = System.nanoTime();
        machineStart = machineJiffies();
    }

    /**
     * Since {@link #start()}: CPU ms per command of each side and the share of both cores used; then, read inside the
     * registry, round trips to MongoDB and bytes allocated per command, and the {@code topKinds} kinds of round trip
     * that took the most time.
     */
    public String since(int commands, int topKinds) {
        long[] machine = machineJiffies();
        long wall = System.nanoTime() - wallStart;
        long server = serverCpuNanos() - serverStart;
        long client = clientCpuNanos() - clientStart;
        String cpu = since(commands) + "\n    " + ThreadCpu.perCommand(threadsStart, ThreadCpu.read(serverPid), commands, 0.02)
                + "\n    " + ThreadCpu.perCommand("client", clientThreadsStart, ThreadCpu.read(ProcessHandle.current().pid()), commands, 0.02)
                + "\n    " + machine(commands, wall, server, client, machine)
                + "\n    " + ThreadCpu.writesPerCommand(writesStart, ThreadCpu.writes(serverPid), commands)
                + "\n    " + compilerLine(compilerStart, compiler(serverPid), commands, wall);
        return probe == null ? cpu : cpu + "\n    " + ServerProbe.perCommand(probeStart, probe.read(), commands, topKinds);
    }

    /** Since {@link #start()}: CPU ms per command of each side and the share of both cores used. */
    public String since(int commands) {
        long server = serverCpuNanos() - serverStart;
        long client = clientCpuNanos() - clientStart;
        long wall = System.nanoTime() - wallStart;
        int cores = Runtime.getRuntime().availableProcessors();
        long[] machine = machineJiffies();
        long busy = machine[0] - machineStart[0];
        long total = machine[1] - machineStart[1];
        return String.format(Locale.ROOT, "CPU per command: server %.2f ms, client %.2f ms; of %d cores busy: server %.0f%%, client %.0f%%, whole machine %s; load average %s",
                server / 1e6 / commands, client / 1e6 / commands, cores, 100.0 * server / wall / cores, 100.0 * client / wall / cores,
                total > 0 ? String.format(Locale.ROOT, "%.0f%%", 100.0 * busy / total) : "n/a", loadAverage());
    }

    /**
     * Session 31 (s31-speed): the whole machine's CPU per command over the round, from /proc/stat (every process, the kernel's
     * interrupts included) beside the two processes' own: server, client, the rest (other processes, the kernel's work that no
     * process is charged with) and what was left idle; and the rate the cores allow at most with this round's CPU per command:
     * all cores' time divided by the server's and the client's CPU per command (the rest and idle given to them), and by the
     * server's alone (the client elsewhere).
     */
    private String machine(int commands, long wallNanos, long serverNanos, long clientNanos, long[] machineNow) {
        long busyJiffies = machineNow[0] - machineStart[0];
        long totalJiffies = machineNow[1] - machineStart[1];
        if (totalJiffies <= 0) {
            return "whole machine: n/a";
        }
        int cores = Runtime.getRuntime().availableProcessors();
        // /proc/stat counts in USER_HZ (100 a second); the machine's time is the wall time of all cores
        double all = wallNanos / 1e6 * cores / commands;
        double busy = all * busyJiffies / totalJiffies;
        double server = serverNanos / 1e6 / commands;
        double client = clientNanos / 1e6 / commands;
        double rest = busy - server - client;
        double coresMs = 1000.0 * cores;
        return String.format(Locale.ROOT, "whole machine per command (%d cores, %.2f ms of their time): server %.2f ms (%.0f%%), client %.2f ms "
                        + "(%.0f%%), other processes and kernel %.2f ms (%.0f%%), idle %.2f ms (%.0f%%); the cores allow at most %.0f commands/s "
                        + "with server and client on them, %.0f with the server alone on them",
                cores, all, server, 100 * server / all, client, 100 * client / all, rest, 100 * rest / all, all - busy, 100 * (all - busy) / all,
                coresMs / (server + client), coresMs / server);
    }

    /**
     * Session 33 (s33-speed): the server's JIT over the round, from {@code jstat -compiler}: methods compiled, compilations
     * invalidated (deoptimized for good), the compilers' summed time. Whether the JIT's CPU that a round charges to its commands
     * is the warm-up's tail (compilations falling round by round, and fewer the longer the warm-up) or steady work (as many every
     * round, invalidations rising with them: a deoptimization cycle). Empty when jstat cannot read the process.
     */
    static String compilerLine(double[] start, double[] end, int commands, long wallNanos) {
        if (start == null || end == null) {
            return "server JIT (jstat -compiler): n/a";
        }
        double compiled = end[0] - start[0];
        return String.format(Locale.ROOT, "server JIT (jstat -compiler): %.0f methods compiled in the round (%.1f a second, %.3f per command), "
                        + "%.0f invalidated, compilers' time %.2f s; %.0f compiled since the start",
                compiled, compiled / (wallNanos / 1e9), compiled / commands, end[1] - start[1], end[2] - start[2], end[0]);
    }

    /** {@code jstat -compiler pid}'s Compiled, Invalid and Time (seconds), or null. */
    static double[] compiler(long pid) {
        try {
            Path jstat = Path.of(System.getProperty("java.home"), "bin", "jstat");
            Process p = new ProcessBuilder(jstat.toString(), "-compiler", Long.toString(pid)).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0) {
                return null;
            }
            String[] lines = out.strip().split("\\R");
            String[] f = lines[lines.length - 1].trim().split("\\s+");
            return new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[2]), Double.parseDouble(f[3])};
        } catch (IOException | RuntimeException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Busy and total jiffies of all cores from the first line of /proc/stat; zeros where there is none. */
    public static long[] machineJiffies() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + (f.length > 5 ? Long.parseLong(f[5]) : 0);
            return new long[]{total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[]{0, 0};
        }
    }

    /** The 1-, 5- and 15-minute load averages, or "n/a". */
    public static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    private long serverCpuNanos() {
        return processCpuNanos(serverPid);
    }

    /** CPU time (user + system) the process {@code pid} has used so far; 0 if it cannot be read. */
    public static long processCpuNanos(long pid) {
        return ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration()).map(Duration::toNanos).orElse(0L);
    }

    /** CPU time this JVM (the benchmark's client) has used so far. */
    public static long clientCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0L;
    }
}
