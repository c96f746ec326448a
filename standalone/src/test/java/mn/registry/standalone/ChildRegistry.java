package mn.registry.standalone;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The registry in a JVM of its own (the test's class path, {@link RegistryMain}), so that a test can end it with
 * SIGKILL: no shutdown hook, no flush, exactly what a power cut or {@code kill -9} leaves behind.
 */
final class ChildRegistry {

    private final Process process;
    private final Path log;
    private final int port;

    private ChildRegistry(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts the registry on {@code dataDir} in demo mode on a free port; its output goes to {@code log}. */
    static ChildRegistry start(Path dataDir, Path log, String... extraArgs) throws IOException {
        return start(dataDir, log, java.util.Map.of(), "-Xmx384m", extraArgs);
    }

    /** As {@link #start(Path, Path, String...)}, with variables added to its environment (e.g. MONGODB_URI) and its heap limit. */
    static ChildRegistry start(Path dataDir, Path log, java.util.Map<String, String> environment, String heap, String... extraArgs) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                heap, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k",
                "-cp", System.getProperty("java.class.path"), RegistryMain.class.getName(),
                "--server.port=" + port, "--registry.data-dir=" + dataDir, "--registry.demo=true"));
        command.addAll(List.of(extraArgs));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        return new ChildRegistry(builder.start(), log, port);
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Waits for the ready banner; fails with the child's output if it died or took longer than {@code limit}. */
    void awaitReady(Duration limit) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!Files.readString(log).contains("Registry ready at")) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                kill();
                throw new AssertionError("the registry did not become ready (alive: " + process.isAlive() + "):\n" + Files.readString(log));
            }
            Thread.sleep(50);
        }
    }

    /** SIGKILL, then waits until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    String output() throws IOException {
        return Files.readString(log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
