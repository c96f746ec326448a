package mn.registry.standalone;

import mn.registry.deadline.DeadlinePoller;
import mn.registry.deadline.DeadlineState;
import mn.registry.deadline.MongoDeadlines;
import mn.registry.deadline.ScheduledDeadline;
import mn.registry.demo.AdvanceDemoClock;
import mn.registry.kernel.permit.PermitDecisionOverdue;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Killing the registry (SIGKILL, no shutdown) while deadlines are pending loses none and fires none twice: the
 * registry runs in its own JVM with the demo applications' decision deadlines pending, is killed, and started again
 * on the same data; with the demo clock moved past the due dates each decision escalates exactly once (002 art. 26.1).
 */
class DeadlinesSurviveKillTest {

    @TempDir
    Path root;

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static long overdue(ConfigurableApplicationContext registry, String applicationId) {
        return registry.getBean(EventStore.class).readEvents(applicationId).asStream().map(EventMessage::getPayload)
                .filter(PermitDecisionOverdue.class::isInstance).count();
    }

    @Test
    @DisplayName("002 art. 26.1: kill -9 with decision deadlines pending, start again: each overdue decision escalates exactly once")
    void kill_nine_loses_no_deadline_and_fires_none_twice() throws Exception {
        Path dataDir = root.resolve("data");
        Path log = root.resolve("registry.log");
        int port = freePort();
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), RegistryMain.class.getName(),
                "--server.port=" + port, "--registry.data-dir=" + dataDir, "--registry.demo=true", "--registry.deadlines.poll-interval=300ms")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        List<String> applications;
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (!Files.readString(log).contains("Registry ready at")) {
                assertThat(child.isAlive()).as(Files.readString(log)).isTrue();
                assertThat(System.nanoTime()).as("registry ready in time").isLessThan(deadline);
                Thread.sleep(200);
            }
            RegistryClient client = new RegistryClient(port, dataDir);
            String reviewer = client.signIn("reviewer-1");
            for (int i = 0; i < 100 && client.get("/api/reviewer/applications", reviewer).body().size() < 2; i++) {
                Thread.sleep(100);
            }
            applications = client.get("/api/reviewer/applications", reviewer).body().findValuesAsText("applicationId");
            assertThat(applications).hasSize(2);
            Thread.sleep(1500); // let the store write its file, as a registry that answered some time ago has
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
            child.waitFor();
        }

        ConfigurableApplicationContext registry = RegistryApplication.start("--server.port=0", "--registry.data-dir=" + dataDir,
                "--registry.demo=true", "--registry.deadlines.poll-interval=300ms");
        try {
            RegistryClient client = new RegistryClient(((WebServerApplicationContext) registry).getWebServer().getPort(), dataDir);
            RegistryClient.Reply moved = client.command(client.sign("supervisor-1", "AdvanceDemoClock", new AdvanceDemoClock(45)));
            assertThat(moved.status()).as(moved.body().toString()).isEqualTo(200);
            for (int i = 0; i < 200 && applications.stream().anyMatch(a -> overdue(registry, a) == 0); i++) {
                Thread.sleep(100);
            }
            registry.getBean(DeadlinePoller.class).pollOnce();
            registry.getBean(DeadlinePoller.class).pollOnce();
            for (String application : applications) {
                assertThat(overdue(registry, application)).as("escalations of " + application).isEqualTo(1);
                assertThat(registry.getBean(MongoDeadlines.class).state(ScheduledDeadline.idOf(application, "permit.decision", 1)))
                        .contains(DeadlineState.FIRED);
            }
        } finally {
            registry.close();
        }
    }
}
