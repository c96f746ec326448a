package mn.registry.benchmarks.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A {@code java -jar registry.jar ...} process of a benchmark (a registry node, the database process): started with its
 * output in a log file and a shutdown hook that kills it if the benchmark is interrupted; stopped with SIGTERM (forcibly
 * after 30 s); its directory deleted afterwards unless kept.
 */
final class JarProcess {

    final Process process;
    private final Thread stopOnExit;

    private JarProcess(Process process, String name) {
        this.process = process;
        this.stopOnExit = new Thread(process::destroyForcibly, "stop-" + name);
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /** {@code java <jvmOptions> -jar registry.jar <arguments>}, its output (and errors) into {@code log}, with {@code environment} added. */
    static JarProcess start(String name, List<String> jvmOptions, List<String> arguments, Map<String, String> environment, Path log)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command(jvmOptions, arguments)).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        return new JarProcess(builder.start(), name);
    }

    static List<String> command(List<String> jvmOptions, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", RegistryProcess.jar().toString()));
        command.addAll(arguments);
        return command;
    }

    /** The words of a system property (space separated), none when it is unset or blank. */
    static List<String> words(String property) {
        String value = System.getProperty(property, "").trim();
        return value.isEmpty() ? List.of() : Arrays.asList(value.split("\\s+"));
    }

    long pid() {
        return process.pid();
    }

    /** SIGTERM, then forcibly after 30 s; the shutdown hook is no longer needed. */
    void stop() {
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
            // the hook is running or has run: the process is being stopped anyway
        }
    }

    /** Deletes {@code root} and everything in it (said, not thrown, when it cannot). */
    static void delete(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.out.println("could not delete " + root + ": " + e.getMessage());
        }
    }
}
