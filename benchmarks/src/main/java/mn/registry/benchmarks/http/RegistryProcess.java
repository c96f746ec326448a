package mn.registry.benchmarks.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * registry.jar started as its own JVM ({@code java -jar registry.jar --server.port=P --registry.data-dir=D}) on a free
 * port with a fresh temporary data directory, its output in {@code registry.log} next to it. Ready when it logs
 * "Registry ready at" (after the demo people and applications exist). Closing stops it and, unless
 * {@code -Dbench.keep=true}, deletes the directory; a shutdown hook stops it if the benchmark is interrupted.
 *
 * <p>System properties: {@code bench.jar} (path of registry.jar), {@code bench.serverJvm} (extra JVM options,
 * space separated), {@code bench.serverArgs} (extra registry arguments, e.g. logging levels), {@code bench.jfr=true} (record a JFR profile of the server into {@code registry.jfr}).
 */
public final class RegistryProcess implements AutoCloseable {

    private static final String READY = "Registry ready at";

    private final JarProcess process;
    private final Path root;
    private final Path dataDir;
    private final Path log;
    private final int port;
    private final boolean ownsRoot;

    private RegistryProcess(JarProcess process, Path root, Path log, int port, boolean ownsRoot) {
        this.process = process;
        this.root = root;
        this.dataDir = root.resolve("data");
        this.log = log;
        this.port = port;
        this.ownsRoot = ownsRoot;
    }

    /** Starts the registry found by {@link #jar()} and waits until it is ready (or fails with its log). */
    public static RegistryProcess start(Duration timeout) throws IOException, InterruptedException {
        Path root = Files.createTempDirectory("registry-bench-");
        return launch(root, "registry", withRoundTrips(JarProcess.words("bench.serverJvm")), true, Map.of(), true, timeout);
    }

    /**
     * One registry node of several on one database ({@code MONGODB_URI=mongoUri}): its data directory (the shared
     * keys, ADR 0016) is {@code root/data}, its output {@code root/<name>.log}; closing it leaves {@code root} in place
     * (its owner, the database process, deletes it). Waits until it is ready.
     */
    public static RegistryProcess startNode(Path root, String name, String mongoUri, Duration timeout) throws IOException, InterruptedException {
        return launch(root, name, withRoundTrips(JarProcess.words("bench.serverJvm")), false, Map.of("MONGODB_URI", mongoUri), false, timeout);
    }

    /**
     * registry.jar on a data directory that outlives it ({@code root/data}, e.g. to be started again on it), its
     * output in {@code root/<name>.log}, with the JVM options given (not {@code bench.serverJvm}); a JFR profile into
     * {@code root/<name>.jfr} with {@code bench.jfr=true}. Closing stops it and leaves {@code root} in place. Waits
     * until it is ready.
     */
    public static RegistryProcess startIn(Path root, String name, List<String> jvmOptions, Duration timeout) throws IOException, InterruptedException {
        return launch(root, name, jvmOptions, true, Map.of(), false, timeout);
    }

    private static List<String> withRoundTrips(List<String> jvmOptions) {
        List<String> options = new ArrayList<>(jvmOptions);
        options.add("-Dregistry.mongo.roundTrips=true");
        return options;
    }

    /**
     * {@code java <jvmOptions> -jar registry.jar --server.port=P --registry.data-dir=root/data <bench.serverArgs>}, its
     * output in {@code root/<name>.log}, a JFR profile into {@code root/<name>.jfr} when {@code profiled} and
     * {@code bench.jfr=true}; waits until it is ready, or stops it and fails with its log.
     */
    private static RegistryProcess launch(Path root, String name, List<String> jvmOptions, boolean profiled, Map<String, String> environment,
                                          boolean ownsRoot, Duration timeout) throws IOException, InterruptedException {
        int port = freePort();
        List<String> jvm = new ArrayList<>(jvmOptions);
        if (profiled && Boolean.getBoolean("bench.jfr")) {
            // stacks to 256 frames (JFR keeps 64 by default): a command's stack is deeper than 64 frames at most samples (259 of 306
            // in session 33's profile), and a sample cut above CommandController is counted by CmdPathJfr as "Tomcat, filters, other"
            jvm.add("-XX:FlightRecorderOptions=stackdepth=256");
            jvm.add("-XX:StartFlightRecording=filename=" + root.resolve(name + ".jfr") + ",settings=profile,dumponexit=true");
        }
        // applicant-1 signs the load's applications for many companies: a representative of any company (ADR 0061 item 59, O399)
        List<String> arguments = new ArrayList<>(List.of("--server.port=" + port, "--registry.data-dir=" + root.resolve("data"),
                "--registry.demo-applicant-names-no-company=true"));
        arguments.addAll(JarProcess.words("bench.serverArgs"));
        Path log = root.resolve(name + ".log");
        RegistryProcess registry = new RegistryProcess(JarProcess.start("registry", jvm, arguments, environment, log), root, log, port, ownsRoot);
        System.out.printf("%s: registry.jar started as pid %d on port %d, data in %s%s%n  %s%n", name, registry.pid(), port, registry.dataDir,
                environment.isEmpty() ? "" : ", " + environment, String.join(" ", JarProcess.command(jvm, arguments)));
        try {
            registry.awaitReady(timeout);
        } catch (IOException | InterruptedException | RuntimeException e) {
            registry.close();
            throw e;
        }
        return registry;
    }

    /** registry.jar: {@code -Dbench.jar}, else the one built with -Dbuild.dirname=target-bench, else standalone/target. */
    public static Path jar() {
        String configured = System.getProperty("bench.jar");
        List<Path> candidates = configured != null ? List.of(Path.of(configured))
                : List.of(Path.of("standalone/target-bench/registry.jar"), Path.of("standalone/target/registry.jar"),
                Path.of("../standalone/target-bench/registry.jar"), Path.of("../standalone/target/registry.jar"));
        return candidates.stream().filter(Files::isRegularFile).findFirst().map(Path::toAbsolutePath).orElseThrow(() ->
                new IllegalStateException("registry.jar not found at " + candidates + "; build it with benchmarks/run.sh or set -Dbench.jar"));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private void awaitReady(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long started = System.nanoTime();
        while (System.nanoTime() < deadline) {
            if (!process.process.isAlive()) {
                throw new IllegalStateException("registry.jar exited with " + process.process.exitValue() + " before it was ready:\n" + logTail(40));
            }
            if (Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(READY)) {
                System.out.printf("registry ready after %.1f s%n", (System.nanoTime() - started) / 1e9);
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("registry.jar not ready after " + timeout + ":\n" + logTail(40));
    }

    public URI base() {
        return URI.create("http://localhost:" + port);
    }

    public Path dataDir() {
        return dataDir;
    }

    public long pid() {
        return process.pid();
    }

    /** The last {@code lines} lines the registry printed. */
    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** The lines of the registry's log that contain {@code text} (e.g. " ERROR "). */
    private static final java.util.regex.Pattern EMBEDDED = java.util.regex.Pattern.compile("embedded MongoDB on (mongodb://127\\.0\\.0\\.1:\\d+)");

    /** The address of the registry's embedded server, as it logged it at its start; null when it logged none (a node on a database of its own). */
    public String embeddedMongoUri() {
        return logLinesContaining("embedded MongoDB on").stream().map(EMBEDDED::matcher).filter(java.util.regex.Matcher::find)
                .map(m -> m.group(1)).findFirst().orElse(null);
    }

    public List<String> logLinesContaining(String text) {
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(l -> l.contains(text)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.stop();
        System.out.println("registry.jar (pid " + process.pid() + ") stopped");
        if (!ownsRoot) {
            return;
        }
        if (Boolean.getBoolean("bench.keep") || Boolean.getBoolean("bench.jfr")) {
            System.out.println("kept " + root + (Boolean.getBoolean("bench.jfr") ? " (profile: " + root.resolve("registry.jfr") + ")" : ""));
            return;
        }
        JarProcess.delete(root);
    }

    /** Prints how many of the registry's log lines say ERROR (and the first five); true when there are none. */
    public boolean noErrorsLogged() {
        List<String> errorLines = logLinesContaining(" ERROR ");
        System.out.println("registry log lines with ERROR: " + errorLines.size());
        errorLines.stream().limit(5).forEach(line -> System.out.println("    " + line));
        return errorLines.isEmpty();
    }

    /** Prints a benchmark's verdict and ends the JVM with 0 when its checks passed, 1 otherwise. */
    public static void exitWith(boolean checksPassed) {
        System.out.println(checksPassed ? "CHECKS PASSED" : "CHECKS FAILED");
        System.exit(checksPassed ? 0 : 1);
    }
}
