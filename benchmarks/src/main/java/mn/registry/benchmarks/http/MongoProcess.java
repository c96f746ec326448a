package mn.registry.benchmarks.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code java -jar registry.jar mongo --data-dir=D --port=P}: the embedded H2-backed MongoDB server as a process of its
 * own (ADR 0016), on a fresh temporary directory whose {@code data} subdirectory also holds the keys every node shares.
 * Ready when it prints its connection string. Closing stops it with SIGTERM (it closes its file) and, unless
 * {@code -Dbench.keep=true}, deletes the directory. System property {@code bench.mongoJvm}: its JVM options.
 */
public final class MongoProcess implements AutoCloseable {

    private static final String READY = "MongoDB server ready at ";

    private final Process process;
    private final Path root;
    private final Path log;
    private final Thread stopOnExit;
    private final String uri;

    private MongoProcess(Process process, Path root, Path log, String uri) {
        this.process = process;
        this.root = root;
        this.log = log;
        this.uri = uri;
        this.stopOnExit = new Thread(process::destroyForcibly, "stop-mongo");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    public static MongoProcess start(Duration timeout) throws IOException, InterruptedException {
        Path root = Files.createTempDirectory("registry-nodes-bench-");
        Path data = root.resolve("data"); // created by the mongo process, 0700 as a node requires
        Path log = root.resolve("mongo.log");
        int port = RegistryProcess.freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String jvm = System.getProperty("bench.mongoJvm", "").trim();
        if (!jvm.isEmpty()) {
            command.addAll(List.of(jvm.split("\\s+")));
        }
        command.addAll(List.of("-jar", RegistryProcess.jar().toString(), "mongo", "--data-dir=" + data, "--port=" + port));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String out = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
            int at = out.indexOf(READY);
            if (at >= 0 && out.indexOf('\n', at) > 0) {
                String uri = out.substring(at + READY.length()).split("\\s", 2)[0];
                System.out.printf("database: registry.jar mongo started as pid %d at %s, data in %s%n  %s%n", process.pid(), uri, data,
                        String.join(" ", command));
                return new MongoProcess(process, root, log, uri);
            }
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("registry.jar mongo did not become ready:\n" + out);
            }
            Thread.sleep(50);
        }
    }

    /** The connection string the nodes get as {@code MONGODB_URI}. */
    public String uri() {
        return uri;
    }

    /** The directory the nodes share: {@code data} (keys, database file) and each process's log. */
    public Path root() {
        return root;
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // being stopped anyway
        }
        System.out.println("registry.jar mongo (pid " + process.pid() + ") stopped with " + (process.isAlive() ? "?" : process.exitValue()));
        if (Boolean.getBoolean("bench.keep")) {
            System.out.println("kept " + root + " (logs: mongo.log, node-*.log)");
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.out.println("could not delete " + root + ": " + e.getMessage());
        }
    }
}
