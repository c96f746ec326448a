package mn.registry.benchmarks.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar registry.jar mongo --data-dir=D --port=P}: the embedded H2-backed MongoDB server as a process of its
 * own (ADR 0016), on a fresh temporary directory whose {@code data} subdirectory also holds the keys every node shares.
 * Ready when it prints its connection string. Closing stops it with SIGTERM (it closes its file) and, unless
 * {@code -Dbench.keep=true}, deletes the directory. System property {@code bench.mongoJvm}: its JVM options.
 */
public final class MongoProcess implements AutoCloseable {

    private static final String READY = "MongoDB server ready at ";

    private final JarProcess process;
    private final Path root;
    private final String uri;

    private MongoProcess(JarProcess process, Path root, String uri) {
        this.process = process;
        this.root = root;
        this.uri = uri;
    }

    public static MongoProcess start(Duration timeout) throws IOException, InterruptedException {
        Path root = Files.createTempDirectory("registry-nodes-bench-");
        Path data = root.resolve("data"); // created by the mongo process, 0700 as a node requires
        Path log = root.resolve("mongo.log");
        int port = RegistryProcess.freePort();
        List<String> jvm = JarProcess.words("bench.mongoJvm");
        List<String> arguments = List.of("mongo", "--data-dir=" + data, "--port=" + port);
        JarProcess process = JarProcess.start("mongo", jvm, arguments, Map.of(), log);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String out = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
            int at = out.indexOf(READY);
            if (at >= 0 && out.indexOf('\n', at) > 0) {
                String uri = out.substring(at + READY.length()).split("\\s", 2)[0];
                System.out.printf("database: registry.jar mongo started as pid %d at %s, data in %s%n  %s%n", process.pid(), uri, data,
                        String.join(" ", JarProcess.command(jvm, arguments)));
                return new MongoProcess(process, root, uri);
            }
            if (!process.process.isAlive() || System.nanoTime() > deadline) {
                process.process.destroyForcibly();
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
        process.stop();
        System.out.println("registry.jar mongo (pid " + process.pid() + ") stopped with " + (process.process.isAlive() ? "?" : process.process.exitValue()));
        if (Boolean.getBoolean("bench.keep")) {
            System.out.println("kept " + root + " (logs: mongo.log, node-*.log)");
            return;
        }
        JarProcess.delete(root);
    }
}
