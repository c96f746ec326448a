import jdk.jfr.consumer.*;
import java.nio.file.*;
import java.util.*;

/** Session 27 (s27-speed): java benchmarks/tools/WaitJfr.java registry.jfr window-seconds: in the last window before the last CommandController sample:
 *  request threads' parks (and monitor waits) by the innermost registry/Axon frame, total ms; execution samples by thread group;
 *  request threads' samples with CeasedCompanies / EventConsumer on the stack.
 *  Session 28 (s28-speed): [offset] seconds after the window: it ends that long before the last CommandController sample (an earlier round,
 *  as CmdPathJfr's offset; CmdPathJfr prints the rounds' ends); and every thread's parks and monitor waits by thread group and kind
 *  (JFR's profile settings record those of 10 ms or more). */
public class WaitJfr {
    static boolean in(RecordedStackTrace st, String s) {
        if (st == null) return false;
        for (RecordedFrame fr : st.getFrames()) if ((fr.getMethod().getType().getName() + "." + fr.getMethod().getName()).contains(s)) return true;
        return false;
    }
    static String site(RecordedStackTrace st) {
        if (st == null) return "?";
        StringBuilder b = new StringBuilder();
        int n = 0;
        for (RecordedFrame fr : st.getFrames()) {
            String c = fr.getMethod().getType().getName();
            if (c.startsWith("mn.registry") || c.startsWith("org.axonframework") || c.startsWith("com.mongodb")) {
                b.append(c.substring(c.lastIndexOf('.') + 1)).append('.').append(fr.getMethod().getName()).append(n++ < 2 ? " < " : "");
                if (n >= 3) break;
            }
        }
        return b.toString();
    }
    public static void main(String[] a) throws Exception {
        double window = Double.parseDouble(a[1]);
        double offset = a.length > 2 ? Double.parseDouble(a[2]) : 0;
        java.time.Instant last = java.time.Instant.MIN;
        try (RecordingFile f = new RecordingFile(Path.of(a[0]))) {
            while (f.hasMoreEvents()) {
                RecordedEvent e = f.readEvent();
                if (e.getEventType().getName().equals("jdk.ExecutionSample") && e.getStartTime().isAfter(last) && in(e.getStackTrace(), "CommandController")) last = e.getStartTime();
            }
        }
        last = last.minusMillis((long) (offset * 1000));
        java.time.Instant from = last.minusMillis((long) (window * 1000));
        System.out.println("window " + from + " .. " + last);
        Map<String, double[]> parks = new TreeMap<>();
        Map<String, double[]> byGroup = new TreeMap<>();
        Map<String, Integer> groups = new TreeMap<>();
        int req = 0, ceased = 0, consumer = 0, ceasedWait = 0;
        Map<String, Integer> hotCeased = new TreeMap<>();
        try (RecordingFile f = new RecordingFile(Path.of(a[0]))) {
            while (f.hasMoreEvents()) {
                RecordedEvent e = f.readEvent();
                if (e.getStartTime().isBefore(from) || e.getStartTime().isAfter(last)) continue;
                String type = e.getEventType().getName();
                if (type.equals("jdk.ExecutionSample")) {
                    RecordedThread t = e.getThread("sampledThread");
                    String tn = t == null ? "?" : String.valueOf(t.getJavaName());
                    groups.merge(tn.replaceAll("-?\\d+$", "").replaceAll("\\]-?\\d*$", "]"), 1, Integer::sum);
                    if (tn.startsWith("http-nio")) {
                        req++;
                        if (in(e.getStackTrace(), "CeasedCompanies")) { ceased++; hotCeased.merge(site(e.getStackTrace()) + " | top " + e.getStackTrace().getFrames().get(0).getMethod().getType().getName() + "." + e.getStackTrace().getFrames().get(0).getMethod().getName(), 1, Integer::sum); }
                        if (in(e.getStackTrace(), "EventConsumer")) consumer++;
                    }
                } else if (type.equals("jdk.ThreadPark") || type.equals("jdk.JavaMonitorEnter") || type.equals("jdk.JavaMonitorWait")) {
                    RecordedThread t = e.getThread("eventThread");
                    String tn = t == null ? "?" : String.valueOf(t.getJavaName());
                    double[] g = byGroup.computeIfAbsent(type.substring(4) + " " + tn.replaceAll("-?\\d+$", "").replaceAll("\\]-?\\d*$", "]"), x -> new double[2]);
                    g[0]++; g[1] += e.getDuration().toNanos() / 1e6;
                    if (!tn.startsWith("http-nio")) continue;
                    String k = type.substring(4) + " " + site(e.getStackTrace());
                    double[] v = parks.computeIfAbsent(k, x -> new double[2]);
                    v[0]++; v[1] += e.getDuration().toNanos() / 1e6;
                }
            }
        }
        System.out.println("execution samples by group:");
        groups.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).limit(12).forEach(x -> System.out.printf("  %6d %s%n", x.getValue(), x.getKey()));
        System.out.printf("request threads: %d samples, %d with CeasedCompanies on the stack, %d with EventConsumer%n", req, ceased, consumer);
        hotCeased.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).limit(8).forEach(x -> System.out.printf("    %5d %s%n", x.getValue(), x.getKey()));
        System.out.println("every thread's parks/monitor waits (>= JFR threshold), by kind and thread group: count, total ms");
        byGroup.entrySet().stream().sorted((x, y) -> Double.compare(y.getValue()[1], x.getValue()[1])).limit(15).forEach(x ->
            System.out.printf("  %6.0f %10.1f ms  %s%n", x.getValue()[0], x.getValue()[1], x.getKey()));
        System.out.println("request threads' parks/monitor waits (>= JFR threshold), by site: count, total ms");
        parks.entrySet().stream().sorted((x, y) -> Double.compare(y.getValue()[1], x.getValue()[1])).limit(15).forEach(x ->
            System.out.printf("  %6.0f %10.1f ms  %s%n", x.getValue()[0], x.getValue()[1], x.getKey()));
    }
}
