package mn.registry.benchmarks.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The CPU time of a process's threads, read from {@code /proc/<pid>/task/<tid>/stat} and summed by thread group (the
 * thread's name with its number taken off): request threads, the embedded server's workers, the collector's threads, the
 * JIT's compilers, the processors. Unlike a profile's samples it counts every thread, the JVM's own included, and unlike the
 * process's total it says where the time went; like the total it is CPU time, which other processes on the machine spread
 * less than they spread rates. Linux only: elsewhere (or if the files cannot be read) a reading is empty.
 */
public final class ThreadCpu {

    /** Clock ticks per second of {@code /proc}'s utime and stime (USER_HZ, 100 on Linux). */
    private static final long TICKS_PER_SECOND = 100;

    private ThreadCpu() {
    }

    /** CPU ticks (user + system) by thread group of {@code pid}'s threads now, living ones only (a thread that ended is lost). */
    public static Map<String, Long> read(long pid) {
        Map<String, Long> ticks = new HashMap<>();
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        try (Stream<Path> threads = Files.list(tasks)) {
            for (Path thread : (Iterable<Path>) threads::iterator) {
                try {
                    String stat = Files.readString(thread.resolve("stat"));
                    int close = stat.lastIndexOf(')');
                    String name = stat.substring(stat.indexOf('(') + 1, close);
                    String[] fields = stat.substring(close + 2).split(" ");
                    // after "pid (comm) ": state is field 0, utime field 11, stime field 12
                    long used = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    ticks.merge(group(name), used, Long::sum);
                } catch (IOException | RuntimeException ended) {
                    // the thread ended between the listing and the read
                }
            }
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
        return ticks;
    }

    /** The group of a thread by its kernel name (at most 15 characters): digits and separators at the end taken off. */
    static String group(String name) {
        String g = name.replaceAll("[-#_ ]?\\d+$", "").replaceAll("[-#_ ]+$", "");
        if (g.startsWith("http-nio")) {
            return "request threads (http-nio)";
        }
        if (g.startsWith("GC Thread") || g.startsWith("G1 ")) {
            return "garbage collector (G1)";
        }
        if (g.startsWith("C1 Compiler") || g.startsWith("C2 Compiler")) {
            return "JIT compilers";
        }
        if (g.startsWith("HttpClient-") && g.contains("-Se")) {
            return "HTTP clients' selectors"; // java.net.http's SelectorManager threads (the benchmark's client JVM)
        }
        return g.isEmpty() ? name : g;
    }

    /** Per command between two readings: each group's CPU, most first, down to {@code minShare} of the whole. */
    public static String perCommand(Map<String, Long> before, Map<String, Long> after, int commands, double minShare) {
        return perCommand("server", before, after, commands, minShare);
    }

    /** As {@link #perCommand(Map, Map, int, double)}, the line starting with {@code whose} instead of "server". */
    public static String perCommand(String whose, Map<String, Long> before, Map<String, Long> after, int commands, double minShare) {
        if (after.isEmpty()) {
            return whose + " CPU by thread: n/a";
        }
        Map<String, Long> used = new HashMap<>();
        after.forEach((group, ticks) -> used.put(group, ticks - before.getOrDefault(group, 0L)));
        long all = used.values().stream().mapToLong(Long::longValue).sum();
        List<Map.Entry<String, Long>> sorted = new ArrayList<>(used.entrySet());
        sorted.sort((a, b) -> Long.compare(b.getValue(), a.getValue()));
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%s CPU by thread, per command (of %.2f ms):",
                whose, ms(all, commands)));
        long rest = 0;
        for (Map.Entry<String, Long> e : sorted) {
            if (e.getValue() > 0 && e.getValue() >= minShare * all) {
                out.append(String.format(Locale.ROOT, " %s %.2f;", e.getKey(), ms(e.getValue(), commands)));
            } else {
                rest += e.getValue();
            }
        }
        return out.append(String.format(Locale.ROOT, " other %.2f", ms(rest, commands))).toString();
    }

    /**
     * The process's writes so far from {@code /proc/<pid>/io}: write calls ({@code syscw}) and bytes handed to them ({@code wchar}),
     * the embedded server's file commits and the log's lines alike; an empty array where it cannot be read.
     */
    static long[] writes(long pid) {
        try {
            long calls = -1;
            long bytes = -1;
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "io"))) {
                if (line.startsWith("syscw:")) {
                    calls = Long.parseLong(line.substring(6).trim());
                } else if (line.startsWith("wchar:")) {
                    bytes = Long.parseLong(line.substring(6).trim());
                }
            }
            return calls < 0 || bytes < 0 ? new long[0] : new long[]{calls, bytes};
        } catch (IOException | RuntimeException e) {
            return new long[0];
        }
    }

    /** Per command between two readings of {@link #writes}: write calls and KiB written by the server process. */
    static String writesPerCommand(long[] before, long[] after, int commands) {
        if (before.length == 0 || after.length == 0) {
            return "server writes: n/a";
        }
        return String.format(Locale.ROOT, "server writes per command: %.2f write calls, %.1f KiB (the embedded file's commits, logs)",
                (after[0] - before[0]) / (double) commands, (after[1] - before[1]) / 1024.0 / commands);
    }

    private static double ms(long ticks, int commands) {
        return ticks * 1000.0 / TICKS_PER_SECOND / commands;
    }
}
