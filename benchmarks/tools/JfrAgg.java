import jdk.jfr.consumer.*;
import java.nio.file.*;
import java.util.*;

/** Session 14 (ADR 0053): java benchmarks/tools/JfrAgg.java first.jfr -- execution samples per thread group, and where the deadlines' and the sequencer's threads spend them. */
public class JfrAgg {
    public static void main(String[] a) throws Exception {
        Map<String, Integer> groups = new TreeMap<>();
        Map<String, Map<String, Integer>> where = new TreeMap<>();
        String[][] pats = {
            {"deadlines", "MongoDeadlines.end", "MongoDeadlines.start", "BatchedWrites", "DecodeOnceSerializer", "Coordinator", "WorkPackage"},
            {"log-sequencer", "SealedEvents.byIds", "LogAppender", "PublicationDuties", "LogSequencer", "DecodeOnceSerializer", "Coordinator", "WorkPackage"}};
        try (RecordingFile f = new RecordingFile(Path.of(a[0]))) {
            while (f.hasMoreEvents()) {
                RecordedEvent e = f.readEvent();
                if (!e.getEventType().getName().equals("jdk.ExecutionSample")) continue;
                RecordedThread t = e.getThread("sampledThread");
                String tn = t == null ? "?" : String.valueOf(t.getJavaName());
                String g = tn.replaceAll("-?\\d+$", "").replaceAll("\\]-?\\d*$", "]");
                groups.merge(g, 1, Integer::sum);
                for (String[] p : pats) {
                    if (!tn.contains(p[0])) continue;
                    String hit = "(other)";
                    RecordedStackTrace st = e.getStackTrace();
                    outer:
                    for (int i = 1; i < p.length; i++) {
                        if (st == null) break;
                        for (RecordedFrame fr : st.getFrames()) {
                            String m = fr.getMethod().getType().getName() + "." + fr.getMethod().getName();
                            if (m.contains(p[i])) { hit = p[i]; break outer; }
                        }
                    }
                    where.computeIfAbsent(p[0], k -> new TreeMap<>()).merge(hit, 1, Integer::sum);
                }
            }
        }
        int total = groups.values().stream().mapToInt(Integer::intValue).sum();
        System.out.println("samples " + total);
        groups.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).limit(14).forEach(x -> System.out.println("  " + x.getValue() + " " + x.getKey()));
        where.forEach((k, m) -> System.out.println(k + " " + m));
    }
}
