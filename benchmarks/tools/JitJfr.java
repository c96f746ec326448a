import jdk.jfr.consumer.*;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.*;

/**
 * Session 33 (s33-speed): java benchmarks/tools/JitJfr.java registry.jfr [bucket seconds, default 20] -- is the JIT's CPU a command's
 * path pays steady compilation or warm-up? Per bucket of the recording: the request threads' execution samples inside
 * CommandController (the commands' activity), the JIT's work from jdk.CompilerStatistics (compilations, their summed time,
 * invalidated methods: deltas of JFR's cumulative counters), jdk.Deoptimization events (count, and the top reasons over the whole
 * recording with the method deoptimized), and jdk.Compilation events (the profile settings record those of 100 ms or more).
 */
public class JitJfr {
    public static void main(String[] a) throws Exception {
        long bucket = a.length > 1 ? Long.parseLong(a[1]) : 20;
        TreeMap<Long, long[]> rows = new TreeMap<>(); // 0 command samples, 1 compiles, 2 compile ms, 3 deopts, 4 long compiles, 5 invalidated
        Map<String, Integer> deoptReasons = new HashMap<>();
        Instant first = null;
        long lastCount = -1, lastMs = -1, lastInvalidated = -1;
        List<RecordedEvent> stats = new ArrayList<>();
        List<RecordedEvent> others = new ArrayList<>();
        try (RecordingFile f = new RecordingFile(Path.of(a[0]))) {
            while (f.hasMoreEvents()) {
                RecordedEvent e = f.readEvent();
                String n = e.getEventType().getName();
                if (n.equals("jdk.CompilerStatistics")) stats.add(e);
                else if (n.equals("jdk.ExecutionSample") || n.equals("jdk.Deoptimization") || n.equals("jdk.Compilation")) others.add(e);
            }
        }
        for (RecordedEvent e : others) if (first == null || e.getStartTime().isBefore(first)) first = e.getStartTime();
        stats.sort(Comparator.comparing(RecordedEvent::getStartTime));
        for (RecordedEvent e : stats) {
            long b = Duration.between(first, e.getStartTime()).getSeconds() / bucket;
            long count = e.getLong("compileCount");
            long ms = e.getDuration("totalTimeSpent").toMillis();
            long inv = e.getLong("invalidatedCount");
            if (lastCount >= 0) {
                long[] r = rows.computeIfAbsent(b, k -> new long[6]);
                r[1] += count - lastCount;
                r[2] += ms - lastMs;
                r[5] += inv - lastInvalidated;
            }
            lastCount = count; lastMs = ms; lastInvalidated = inv;
        }
        for (RecordedEvent e : others) {
            long b = Duration.between(first, e.getStartTime()).getSeconds() / bucket;
            long[] r = rows.computeIfAbsent(b, k -> new long[6]);
            switch (e.getEventType().getName()) {
                case "jdk.ExecutionSample" -> {
                    RecordedStackTrace st = e.getStackTrace();
                    if (st != null && st.getFrames().stream().anyMatch(fr -> fr.getMethod().getType().getName().endsWith("CommandController"))) r[0]++;
                }
                case "jdk.Deoptimization" -> {
                    r[3]++;
                    RecordedMethod m = e.getValue("method");
                    deoptReasons.merge(e.getString("reason") + " / " + e.getString("action") + " in "
                            + (m == null ? "?" : m.getType().getName() + "." + m.getName()), 1, Integer::sum);
                }
                default -> r[4]++;
            }
        }
        System.out.printf("%-12s %10s %9s %12s %8s %10s %14s%n", "seconds", "cmd samples", "compiles", "compile ms", "deopts", "invalidated", "compiles>=100ms");
        for (var en : rows.entrySet()) {
            long[] r = en.getValue();
            System.out.printf("%5d-%-6d %10d %9d %12d %8d %10d %14d%n", en.getKey() * bucket, (en.getKey() + 1) * bucket, r[0], r[1], r[2], r[3], r[5], r[4]);
        }
        System.out.println("deoptimizations by reason / action / method, top 15:");
        deoptReasons.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(15)
                .forEach(en -> System.out.printf("  %5d  %s%n", en.getValue(), en.getKey()));
    }
}
