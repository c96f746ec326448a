package mn.registry.standalone;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import mn.registry.kernel.calendar.PublicHolidayDeclared;
import mn.registry.store.mongo.RegistryMongo;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The registry keeps everything across a stop and start, and verify-store names a tampered event. */
class RestartAndVerifyStoreTest {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return RegistryApplication.start("--server.port=0", "--registry.data-dir=" + dataDir, "--registry.demo=true");
    }

    private static RegistryClient client(ConfigurableApplicationContext registry, Path dataDir) {
        return new RegistryClient(((WebServerApplicationContext) registry).getWebServer().getPort(), dataDir);
    }

    @Test
    @DisplayName("stop and start again on the same data directory: keys, people, events, calendar and queue are all still there; verify-store passes, then catches tampering")
    void everything_survives_a_restart_and_tampering_is_caught() {
        String versionBefore;
        String queueBefore;
        ConfigurableApplicationContext first = start();
        try {
            RegistryClient client = client(first, dataDir);
            PublicHolidayDeclared holiday = new PublicHolidayDeclared(LocalDate.of(2038, 10, 13), "Restart test holiday", "Туршилтын амралт", "Resolution R-1");
            RegistryClient.Reply declared = client.command(client.sign("cabinet-1", "DeclarePublicHoliday", holiday));
            assertThat(declared.status()).as(declared.body().toString()).isEqualTo(200);
            versionBefore = client.get("/api/calendar").body().path("calendarVersion").asText();
            queueBefore = queueOnceBothDemoApplicationsAreIn(client, client.signIn("reviewer-1"));
        } finally {
            first.close();
        }

        ConfigurableApplicationContext second = start();
        try {
            RegistryClient client = client(second, dataDir);
            assertThat(client.get("/api/calendar").body().path("calendarVersion").asText()).isEqualTo(versionBefore);
            assertThat(client.get("/api/calendar/deadline?from=2038-10-12&workingDays=1").body().path("due").asText())
                    .as("the declared holiday of 13 Oct 2038 is still a day off").isEqualTo("2038-10-14");
            String token = client.signIn("reviewer-1");
            assertThat(client.get("/api/reviewer/applications", token).body().toString()).isEqualTo(queueBefore);
        } finally {
            second.close();
        }

        Output intact = verifyStore();
        assertThat(intact.exit()).as(intact.out()).isZero();
        assertThat(intact.out()).contains("OK");

        try (RegistryMongo mongo = RegistryMongo.open(null, dataDir)) {
            MongoCollection<Document> events = mongo.client().getDatabase("registry").getCollection("events");
            Document victim = events.find(Filters.regex("events.0.payloadType", "PublicHolidayDeclared")).first();
            assertThat(victim).isNotNull();
            List<Document> stored = victim.getList("events", Document.class);
            Object payload = stored.get(0).get("payload");
            String changed = payload.toString().replace("Restart test holiday", "Forged holiday");
            events.updateOne(Filters.eq("_id", victim.get("_id")), Updates.set("events.0.payload",
                    payload instanceof String ? changed : Document.parse(changed)));
        }
        Output tampered = verifyStore();
        assertThat(tampered.exit()).as(tampered.out()).isEqualTo(1);
        assertThat(tampered.out()).containsIgnoringCase("seal");
    }

    /** The queue projection runs behind the commands by a few milliseconds: read it once it has caught up. */
    private static String queueOnceBothDemoApplicationsAreIn(RegistryClient client, String token) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (true) {
            com.fasterxml.jackson.databind.JsonNode queue = client.get("/api/reviewer/applications", token).body();
            if (queue.size() >= 2 || System.nanoTime() > deadline) {
                assertThat(queue.size()).as("both demo applications in the queue").isEqualTo(2);
                return queue.toString();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    record Output(int exit, String out) {
    }

    private Output verifyStore() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int exit = VerifyStoreCli.run(new String[]{"--data-dir", dataDir.toString()}, print, print);
        return new Output(exit, out.toString(StandardCharsets.UTF_8));
    }
}
