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
 * Registered for every class by JUnit's extension auto-detection (src/test/resources/junit-platform.properties).
 */
public final class ClassTimes implements BeforeAllCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace HERE = ExtensionContext.Namespace.create(ClassTimes.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(HERE).put("start", new long[]{System.nanoTime(), cpuNanos()});
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        long[] start = context.getStore(HERE).get("start", long[].class);
        if (start == null) {
            return;
        }
        long pid = ProcessHandle.current().pid();
        String line = String.format("%s\t%d\t%d%n", context.getRequiredTestClass().getName(), (System.nanoTime() - start[0]) / 1_000_000,
                (cpuNanos() - start[1]) / 1_000_000);
        Path file = Path.of(System.getProperty("classTimes.dir", "target"), "class-times-" + pid + ".tsv");
        Files.createDirectories(file.getParent());
        Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
