package mn.registry.standalone.timing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Each test class's wall time and the test JVM's CPU time while it ran (all threads: its registries', their pollers', the JIT's and the
 * collector's), one line a class in {@code target/class-times-<pid>.tsv}: where the module's time goes (docs/benchmarks.md, session 32).
 * The fourth column (session 33) is the CPU of its child processes in the same time ({@link #childrenCpuMillis()}): Chromium's, the child
 * registries'. Registered for every class by JUnit's extension auto-detection (src/test/resources/junit-platform.properties).
 */
public final class ClassTimes implements BeforeAllCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace HERE = ExtensionContext.Namespace.create(ClassTimes.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(HERE).put("start", new long[]{System.nanoTime(), cpuNanos(), childrenCpuMillis()});
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        long[] start = context.getStore(HERE).get("start", long[].class);
        if (start == null) {
            return;
        }
        long pid = ProcessHandle.current().pid();
        String line = String.format("%s\t%d\t%d\t%d%n", context.getRequiredTestClass().getName(), (System.nanoTime() - start[0]) / 1_000_000,
                (cpuNanos() - start[1]) / 1_000_000, childrenCpuMillis() - start[2]);
        Path file = Path.of(System.getProperty("classTimes.dir", "target"), "class-times-" + pid + ".tsv");
        Files.createDirectories(file.getParent());
        Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /**
     * Session 33 (ADR 0074 item 4): the CPU of the JVM's child processes in milliseconds, the fourth column: Chromium and chromedriver,
     * the child registries ({@code ChildRegistry}) and any database process, which the JVM's own counter leaves out. It is the children
     * this JVM has waited for ({@code /proc/self/stat}'s cutime and cstime) plus every live descendant's own and waited-for children's
     * time, so a class's figure is the difference of two readings. 0 where {@code /proc} cannot be read.
     */
    static long childrenCpuMillis() {
        long ticks = waitedFor(ProcessHandle.current().pid());
        for (ProcessHandle child : ProcessHandle.current().descendants().toList()) {
            ticks += own(child.pid()) + waitedFor(child.pid());
        }
        return ticks * 10; // USER_HZ is 100 on Linux
    }

    private static long own(long pid) {
        long[] f = statFields(pid);
        return f.length > 16 ? f[13] + f[14] : 0;
    }

    private static long waitedFor(long pid) {
        long[] f = statFields(pid);
        return f.length > 16 ? f[15] + f[16] : 0;
    }

    /** /proc/&lt;pid&gt;/stat's fields, numbered as in proc(5) less one; the fields before the state (pid, name) read as 0. */
    private static long[] statFields(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] rest = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long[] fields = new long[Math.min(rest.length, 15) + 2];
            for (int i = 1; i < fields.length - 2; i++) { // up to cstime: a later field (rsslim) can exceed a long
                fields[i + 2] = Long.parseLong(rest[i].trim());
            }
            return fields;
        } catch (IOException | RuntimeException e) {
            return new long[0];
        }
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
