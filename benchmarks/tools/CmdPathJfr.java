import jdk.jfr.consumer.*;
import java.nio.file.*;
import java.util.*;

/**
 * Session 15 (s15-cmdpath): java benchmarks/tools/CmdPathJfr.java registry.jfr [top] [window] -- where a signed command's server CPU
 * and allocation go. Execution samples and allocation samples (weight) per thread group (start-up threads apart), and for
 * the request threads per step: the innermost frame on the stack that names a step (table STEPS, first match from the top
 * of the stack). With [top] (a number) also the top innermost methods of the request threads and of each step's allocation.
 * Session 23: with [window] (seconds) only the samples of the last [window] seconds before the last sample inside
 * CommandController (the benchmark's last, warmest round: earlier rounds run while the JIT still compiles, and their
 * samples over-weigh code not yet compiled); and the command's samples by library (the innermost frame that is not the JDK's).
 * Session 28 (s28-speed): java benchmarks/tools/CmdPathJfr.java registry.jfr [top] [window] [offset] -- with [offset] (seconds) the window
 * ends that long before the last sample inside CommandController instead of at it, so an earlier round can be read alone (the
 * throughput benchmark's 1-client round comes before its 8-client round); the command rounds found in the recording (runs of samples
 * inside CommandController apart by a pause of {@value #PAUSE_MILLIS} ms or more, the benchmark's one-second sleep) are printed first,
 * each with its start and end in seconds before the last sample: an offset of a round's end and a window of its length read that round;
 * and the throwables created in the window (JFR's per-second count: each fills in a stack trace, a cost the execution samples miss).
 */
public class CmdPathJfr {
    // step name, then substrings of "class.method" that mark it; checked from the innermost frame outwards
    static final String[][] STEPS = {
        {"durability barrier (GroupCommit, H2 commit)", "GroupCommit.", "EmbeddedH2Backend", "MVStore.commit", "MVStore.store"},
        {"event sealing (canonical JSON, SHA-256, Ed25519)", "GaplessEventStorageEngine.seal", "StoredEvent.seal", "SealingKey."},
        {"JWS verification (SignedCommandVerifier)", "SignedCommandVerifier."},
        {"command log claim (insert commands)", "CommandLog.claim"},
        {"command log done (update commands)", "CommandLog.done"},
        {"identity lookup (IdentityDirectory)", "IdentityDirectory."},
        {"receipt number (permit_receipt_counters)", "MongoPermitApplicationIds."},
        {"company claim (document_claims, ADR 0070)", "CompanyPermitClaims."},
        {"event append (group insert, outside sealing and barrier)", "GaplessEventStorageEngine."},
        {"body read (treeToValue)", "CommandPipeline.readBody"},
        {"answer JSON", "CommandPipeline.answerJson"},
        {"published-text screen", "PublishedTextScreen."},
        {"aggregate, handler, Axon unit of work", "CommandPipeline.carryOut"},
        {"pipeline (roles, type) and controller", "CommandPipeline.", "CommandController."},
    };

    static String group(String thread) {
        if (thread.startsWith("http-nio")) return "request threads (http-nio-*-exec)";
        if (thread.startsWith("mongo-server-worker")) return "embedded MongoDB server workers";
        if (thread.contains("WorkPackage")) return "projections and processes (WorkPackage)";
        if (thread.startsWith("EmbeddedEventStore")) return "event store producer";
        if (thread.startsWith("Coordinator")) return "processors' coordinators";
        if (thread.equals("main") || thread.equals("background-preinit")) return "(start-up)";
        return thread.replaceAll("-?\\d+$", "").replaceAll("\\]-?\\d*$", "]");
    }

    static String step(RecordedStackTrace st) {
        if (st == null) return "(no stack)";
        for (RecordedFrame fr : st.getFrames()) {
            String m = fr.getMethod().getType().getName() + "." + fr.getMethod().getName();
            for (String[] s : STEPS) {
                for (int i = 1; i < s.length; i++) {
                    if (m.contains(s[i])) return s[0];
                }
            }
        }
        // session 33: a stack cut at the recording's depth (JFR keeps 64 frames unless told more) may be a command's step whose
        // marker frame was cut off; counted apart so it is not read as Tomcat's
        return st.isTruncated() ? "(stack cut at the recording's depth: step unknown)" : "Tomcat, filters, other";
    }

    static String top(RecordedStackTrace st) {
        if (st == null || st.getFrames().isEmpty()) return "?";
        RecordedFrame fr = st.getFrames().get(0);
        return fr.getMethod().getType().getName() + "." + fr.getMethod().getName();
    }

    static final String[][] LIBRARIES = {{"org.apache.", "Tomcat"}, {"org.springframework.", "Spring"}, {"com.fasterxml.", "Jackson"},
        {"org.bouncycastle.", "BouncyCastle"}, {"org.h2.", "H2"}, {"com.mongodb.", "MongoDB driver"}, {"org.bson.", "MongoDB driver (BSON)"},
        {"de.bwaldvogel.", "mongo-java-server"}, {"org.axonframework.", "Axon"}, {"ch.qos.logback", "logging"}, {"org.slf4j", "logging"},
        {"mn.registry.", "registry"}};

    // the library of the innermost frame outside the JDK
    static String library(RecordedStackTrace st) {
        if (st == null) return "(no stack)";
        for (RecordedFrame fr : st.getFrames()) {
            String c = fr.getMethod().getType().getName();
            for (String[] l : LIBRARIES) if (c.startsWith(l[0])) return l[1];
        }
        return "JDK only";
    }

    static boolean inCommand(RecordedStackTrace st) {
        if (st == null) return false;
        for (RecordedFrame fr : st.getFrames()) if (fr.getMethod().getType().getName().endsWith("CommandController")) return true;
        return false;
    }

    /** A pause of command samples this long or longer separates two rounds (the benchmark sleeps one second between rounds). */
    static final long PAUSE_MILLIS = 1000;

    public static void main(String[] a) throws Exception {
        int topN = a.length > 1 ? Integer.parseInt(a[1]) : 0;
        double window = a.length > 2 ? Double.parseDouble(a[2]) : 0;
        double offset = a.length > 3 ? Double.parseDouble(a[3]) : 0;
        java.time.Instant last = java.time.Instant.MAX;
        java.time.Instant from = java.time.Instant.MIN;
        if (window > 0) {
            List<java.time.Instant> commandSamples = new ArrayList<>();
            try (RecordingFile f = new RecordingFile(Path.of(a[0]))) {
                while (f.hasMoreEvents()) {
                    RecordedEvent e = f.readEvent();
                    if (e.getEventType().getName().equals("jdk.ExecutionSample") && inCommand(e.getStackTrace())) commandSamples.add(e.getStartTime());
                }
            }
            java.util.Collections.sort(commandSamples);
            java.time.Instant lastCommand = commandSamples.get(commandSamples.size() - 1);
            printRounds(commandSamples, lastCommand);
            last = lastCommand.minusMillis((long) (offset * 1000));
            from = last.minusMillis((long) (window * 1000));
            System.out.println("samples from " + from + " to " + last + (offset > 0 ? " (" + offset + " s before the last command sample)" : ""));
        }
        long[] throwables = {Long.MAX_VALUE, Long.MIN_VALUE}; // the JVM's count of throwables created, at the window's first and last second
        Map<String, Integer> libraries = new TreeMap<>();
        Map<String, long[]> groups = new TreeMap<>(); // samples, allocated bytes
        Map<String, long[]> steps = new TreeMap<>();
        Map<String, Integer> hot = new HashMap<>();
        Map<String, Map<String, Long>> allocTop = new TreeMap<>();
        try (RecordingFile f = new RecordingFile(Path.of(a[0]))) {
            while (f.hasMoreEvents()) {
                RecordedEvent e = f.readEvent();
                String type = e.getEventType().getName();
                if (type.equals("jdk.ExceptionStatistics") && !e.getStartTime().isBefore(from) && !e.getStartTime().isAfter(last)) {
                    throwables[0] = Math.min(throwables[0], e.getLong("throwables"));
                    throwables[1] = Math.max(throwables[1], e.getLong("throwables"));
                }
                boolean exec = type.equals("jdk.ExecutionSample");
                boolean alloc = type.equals("jdk.ObjectAllocationSample");
                if (!exec && !alloc) continue;
                if (e.getStartTime().isBefore(from) || e.getStartTime().isAfter(last)) continue;
                RecordedThread t = e.getThread(exec ? "sampledThread" : "eventThread");
                String g = group(t == null ? "?" : String.valueOf(t.getJavaName()));
                long w = alloc ? e.getLong("weight") : 0;
                long[] gv = groups.computeIfAbsent(g, k -> new long[2]);
                if (exec) gv[0]++; else gv[1] += w;
                if (!g.startsWith("request")) continue;
                String s = step(e.getStackTrace());
                long[] sv = steps.computeIfAbsent(s, k -> new long[2]);
                if (exec && inCommand(e.getStackTrace())) libraries.merge(library(e.getStackTrace()), 1, Integer::sum);
                if (exec) {
                    sv[0]++;
                    hot.merge(top(e.getStackTrace()), 1, Integer::sum);
                } else {
                    sv[1] += w;
                    String at = allocSite(e.getStackTrace()) + " <" + e.getClass("objectClass").getName() + ">";
                    allocTop.computeIfAbsent(s, k -> new HashMap<>()).merge(at, w, Long::sum);
                }
            }
        }
        long all = 0, allAlloc = 0;
        for (var x : groups.entrySet()) if (!x.getKey().startsWith("(start-up")) { all += x.getValue()[0]; allAlloc += x.getValue()[1]; }
        System.out.printf("thread groups (start-up excluded): %d samples, %.0f MiB sampled allocation%n", all, allAlloc / 1048576.0);
        final long fAll = all, fAlloc = allAlloc;
        groups.entrySet().stream().sorted((x, y) -> Long.compare(y.getValue()[0], x.getValue()[0])).limit(16).forEach(x ->
                System.out.printf("  %6d %5.1f %%  alloc %5.1f %%  %s%n", x.getValue()[0], 100.0 * x.getValue()[0] / fAll,
                        100.0 * x.getValue()[1] / Math.max(1, fAlloc), x.getKey()));
        if (throwables[1] >= throwables[0]) {
            System.out.printf("throwables created in the window (jdk.ExceptionStatistics, every thread): %d%n", throwables[1] - throwables[0]);
        }
        long req = steps.values().stream().mapToLong(v -> v[0]).sum();
        long reqAlloc = steps.values().stream().mapToLong(v -> v[1]).sum();
        System.out.printf("request threads by step: %d samples, %.0f MiB%n", req, reqAlloc / 1048576.0);
        steps.entrySet().stream().sorted((x, y) -> Long.compare(y.getValue()[0], x.getValue()[0])).forEach(x ->
                System.out.printf("  %6d %5.1f %%  alloc %5.1f %%  %s%n", x.getValue()[0], 100.0 * x.getValue()[0] / req,
                        100.0 * x.getValue()[1] / Math.max(1, reqAlloc), x.getKey()));
        long commandSamples = libraries.values().stream().mapToLong(Integer::longValue).sum();
        System.out.printf("request threads inside CommandController, by library of the innermost frame outside the JDK: %d samples%n", commandSamples);
        libraries.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).forEach(x ->
                System.out.printf("  %6d %5.1f %%  %s%n", x.getValue(), 100.0 * x.getValue() / commandSamples, x.getKey()));
        if (topN > 0) {
            System.out.println("request threads, innermost methods:");
            hot.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).limit(topN).forEach(x ->
                    System.out.printf("  %6d %s%n", x.getValue(), x.getKey()));
            allocTop.forEach((s, m) -> {
                System.out.println("allocation in step: " + s);
                m.entrySet().stream().sorted((x, y) -> Long.compare(y.getValue(), x.getValue())).limit(Math.min(topN, 8)).forEach(x ->
                        System.out.printf("  %5.1f %% of request alloc  %s%n", 100.0 * x.getValue() / reqAlloc, x.getKey()));
            });
        }
    }

    /** The rounds of commands in the recording: runs of command samples apart by {@link #PAUSE_MILLIS} or more, in seconds before the last. */
    static void printRounds(List<java.time.Instant> samples, java.time.Instant lastCommand) {
        System.out.println("command rounds (seconds before the last command sample: start .. end, samples):");
        int start = 0;
        for (int i = 1; i <= samples.size(); i++) {
            if (i == samples.size() || samples.get(i).toEpochMilli() - samples.get(i - 1).toEpochMilli() >= PAUSE_MILLIS) {
                System.out.printf("  %7.1f .. %6.1f  %6d%n", secondsBefore(lastCommand, samples.get(start)),
                        secondsBefore(lastCommand, samples.get(i - 1)), i - start);
                start = i;
            }
        }
    }

    static double secondsBefore(java.time.Instant last, java.time.Instant at) {
        return java.time.Duration.between(at, last).toMillis() / 1000.0;
    }

    // the first frame outside java.*, jdk.*, sun.*, com.fasterxml and the driver's codecs: the registry's or a library's caller
    static String allocSite(RecordedStackTrace st) {
        if (st == null) return "?";
        for (RecordedFrame fr : st.getFrames()) {
            String c = fr.getMethod().getType().getName();
            if (c.startsWith("java.") || c.startsWith("jdk.") || c.startsWith("sun.")) continue;
            return c + "." + fr.getMethod().getName();
        }
        return top(st);
    }
}
