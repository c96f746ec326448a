package mn.registry.standalone;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** {@code registry.jar mongo} in a JVM of its own (the test's class path), as several registry nodes share it (ADR 0016). */
final class DatabaseProcess {

    private final Process process;
    private final Path log;
    private final int port;

    private DatabaseProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    static DatabaseProcess start(Path dataDir, Path log) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k",
                "-cp", System.getProperty("java.class.path"), RegistryMain.class.getName(), "mongo", "--data-dir=" + dataDir, "--port=" + port);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new DatabaseProcess(process, log, port);
    }

    /** Waits for the ready line and answers the connection string it printed. */
    String awaitReady(Duration limit) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            String out = Files.readString(log);
            int at = out.indexOf(MongoCli.READY);
            if (at >= 0 && out.indexOf('\n', at) > 0) {
                String uri = out.substring(at + MongoCli.READY.length()).split("\\s", 2)[0];
                if (!uri.equals("mongodb://127.0.0.1:" + port)) {
                    throw new AssertionError("the database process announced " + uri + ", not port " + port);
                }
                return uri;
            }
            if (!process.isAlive() || System.nanoTime() > deadline) {
                kill();
                throw new AssertionError("the database process did not become ready:\n" + out);
            }
            Thread.sleep(50);
        }
    }

    long pid() {
        return process.pid();
    }

    /** SIGTERM; answers the exit code once it ended. */
    int terminate(Duration limit) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            kill();
            throw new AssertionError("the database process did not stop within " + limit + " of SIGTERM");
        }
        return process.exitValue();
    }

    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    String output() throws IOException {
        return Files.readString(log);
    }
}
