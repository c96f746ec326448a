package mn.registry.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.kernel.freezone.Activity;
import mn.registry.kernel.freezone.GeoPolygon;
import mn.registry.kernel.freezone.ZoneCommands;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.tlog.LogCollections;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The disclosure feed and the public register of a running registry, across restarts. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PublicFeedEndToEndTest {

    @TempDir
    static Path dataDir;
    private static ConfigurableApplicationContext registry;
    private static RegistryClient client;
    private static final HttpClient http = HttpClient.newHttpClient();
    private static int zones;

    @BeforeAll
    static void start() {
        startRegistry();
    }

    private static void startRegistry() {
        registry = RegistryApplication.start("--server.port=0", "--registry.data-dir=" + dataDir, "--registry.demo=true",
                "--registry.log.checkpoint-interval=100ms");
        client = new RegistryClient(((WebServerApplicationContext) registry).getWebServer().getPort(), dataDir);
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    private static void restart() {
        registry.close();
        startRegistry();
    }

    private static JsonNode json(String path) {
        RegistryClient.Reply reply = client.get(path);
        assertThat(reply.status()).as(path + ": " + reply.body()).isEqualTo(200);
        return reply.body();
    }

    /** Establishes one more zone (cabinet-1): one public record, 003 art. 6.1. */
    private static RegistryClient.Reply establishZone() {
        int n = zones++;
        ZoneCommands.EstablishZone zone = new ZoneCommands.EstablishZone(ZoneId.of("feed-test-" + n), "Feed test zone " + n, "Dornogovi",
                new BigDecimal("10"), cell(n), List.of(Activity.TRADE), false,
                "Test resolution " + n, null, ReceiptTimeEndToEndTest.upload(registry, "Test resolution " + n + " establishing feed-test-" + n));
        RegistryClient.Reply reply = client.command(client.sign("cabinet-1", "EstablishZone", zone));
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        return reply;
    }

    /** The n-th test zone's own ground: a 0.1-degree square of a grid south of the demo zones (ADR 0035 item 24: no zone over another's). */
    private static GeoPolygon cell(int n) {
        double lon = 100.0 + (n % 50) * 0.2;
        double lat = 40.0 + (n / 50) * 0.2;
        return GeoPolygon.of(lon, lat, lon + 0.1, lat, lon + 0.1, lat + 0.1, lon, lat + 0.1);
    }

    /** Every log entry in MongoDB, in order: what the feed must give. */
    private static List<String> logLeaves() {
        MongoDatabase db = registry.getBean(MongoDatabase.class);
        List<String> leaves = new ArrayList<>();
        for (Document d : db.getCollection(LogCollections.ENTRIES).find().sort(new Document("_id", 1))) {
            assertThat(d.get("_id", Number.class).longValue()).isEqualTo(leaves.size());
            leaves.add(d.getString(LogCollections.LEAF));
        }
        return leaves;
    }

    private static int testZonesIn(List<JsonNode> records) {
        return (int) records.stream().filter(r -> r.path("type").asText().endsWith("ZoneEstablished")
                && r.path("payload").path("name").asText().startsWith("Feed test zone")).count();
    }

    @Test
    @Order(1)
    @DisplayName("002 art. 26.4: a client following the feed from 0 with random page sizes, across two restarts, gets every public record once, in order")
    void feed_exactly_once_in_order_across_restarts() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<JsonNode> received = new ArrayList<>();
        List<Long> indexes = new ArrayList<>();
        long cursor = -1;
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 34; i++) {
                establishZone();
            }
            Instant deadline = Instant.now().plusSeconds(30);
            while (testZonesIn(received) < zones) {
                assertThat(Instant.now()).as("seed " + seed + ": the feed did not give all declarations in 30 s").isBefore(deadline);
                JsonNode page = json("/api/public/feed?after=" + cursor + "&limit=" + (1 + random.nextInt(9)));
                for (JsonNode entry : page.path("entries")) {
                    indexes.add(entry.path("logIndex").asLong());
                    received.add(entry.path("record"));
                    assertThat(entry.path("bundle").asText()).isEqualTo("/api/public/bundle/" + entry.path("logIndex").asLong());
                    assertThat(entry.path("proof").asText()).isEqualTo("/api/public/proof/" + entry.path("logIndex").asLong());
                }
                assertThat(page.path("next").asLong()).isGreaterThanOrEqualTo(cursor);
                cursor = page.path("next").asLong();
                if (page.path("entries").isEmpty()) {
                    Thread.sleep(50);
                }
            }
            if (round < 2) {
                restart();
            }
        }
        // drain: everything the log holds now
        JsonNode last;
        do {
            last = json("/api/public/feed?after=" + cursor + "&limit=" + (1 + random.nextInt(50)));
            for (JsonNode entry : last.path("entries")) {
                indexes.add(entry.path("logIndex").asLong());
                received.add(entry.path("record"));
            }
            cursor = last.path("next").asLong();
        } while (!last.path("entries").isEmpty() || cursor + 1 < logLeaves().size());
        List<String> leaves = logLeaves();
        assertThat(indexes).as("seed " + seed).hasSize(leaves.size());
        for (int i = 0; i < leaves.size(); i++) {
            assertThat(indexes.get(i)).as("seed " + seed + ", position " + i).isEqualTo(i);
            assertThat(CanonicalJson.mapper().readTree(leaves.get(i))).isEqualTo(received.get(i));
        }
        assertThat(testZonesIn(received)).isEqualTo(102);
        Set<String> eventIds = new HashSet<>();
        received.forEach(r -> assertThat(eventIds.add(r.path("eventId").asText())).as("each event once").isTrue());
    }

    @Test
    @Order(2)
    @DisplayName("RFC 5005: complete Atom archive pages are immutable with an ETag; the current document links back to them")
    void atom_archives() throws Exception {
        long published = json("/api/public/feed?after=-1&limit=1").path("published").asLong();
        assertThat(published).isGreaterThanOrEqualTo(100);
        HttpResponse<String> archive = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/public/feed/atom/archive/0")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(archive.statusCode()).isEqualTo(200);
        assertThat(archive.headers().firstValue("Cache-Control").orElse("")).contains("immutable");
        String etag = archive.headers().firstValue("ETag").orElseThrow();
        assertThat(archive.body()).contains("<fh:archive/>").contains("<id>urn:registry.mn:log:0</id>").contains("<id>urn:registry.mn:log:99</id>")
                .doesNotContain("<id>urn:registry.mn:log:100</id>").contains("href=\"/api/public/bundle/7\"");
        HttpResponse<String> again = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/public/feed/atom/archive/0"))
                .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(304);
        HttpResponse<String> current = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/public/feed/atom")).build(),
                HttpResponse.BodyHandlers.ofString());
        long complete = published / 100;
        assertThat(current.body()).contains("rel=\"prev-archive\" href=\"/api/public/feed/atom/archive/" + (complete - 1) + "\"")
                .doesNotContain("<fh:archive/>");
        assertThat(client.get("/api/public/feed/atom/archive/" + complete).status()).isEqualTo(404);
    }

    @Test
    @Order(3)
    @DisplayName("the SSE stream resumes after Last-Event-ID and then sends what is published next")
    void sse_resumes() throws Exception {
        long published = json("/api/public/feed?after=-1&limit=1").path("published").asLong();
        long resumeAfter = published - 5;
        assertThat(client.get("/api/public/feed/stream").status()).as("a plain GET is told to ask for a stream").isEqualTo(400);
        HttpResponse<java.io.InputStream> response = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/public/feed/stream"))
                .header("Accept", "text/event-stream").header("Last-Event-ID", Long.toString(resumeAfter)).build(), HttpResponse.BodyHandlers.ofInputStream());
        List<Long> ids = new ArrayList<>();
        establishZone();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("id:")) {
                        synchronized (ids) {
                            ids.add(Long.parseLong(line.substring(3).trim()));
                        }
                    }
                }
            } catch (java.io.IOException ignored) {
                // closed by the test
            }
        });
        reader.setDaemon(true);
        reader.start();
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            synchronized (ids) {
                if (ids.size() >= 5) {
                    break;
                }
            }
            Thread.sleep(50);
        }
        response.body().close();
        synchronized (ids) {
            assertThat(ids.size()).isGreaterThanOrEqualTo(5);
            for (int i = 0; i < ids.size(); i++) {
                assertThat(ids.get(i)).isEqualTo(resumeAfter + 1 + i);
            }
        }
    }

    @Test
    @Order(4)
    @DisplayName("003 art. 6: a zone established is in the public register, found by its Cyrillic name in Latin, once the answer's position is reached")
    void register_reads_your_writes() {
        ZoneCommands.EstablishZone zone = new ZoneCommands.EstablishZone(ZoneId.of("khan-uul-test"), "Хан-Уул чөлөөт бүс", "Улаанбаатар",
                new BigDecimal("12"), GeoPolygon.of(106.9, 47.9, 106.95, 47.9, 106.95, 47.95, 106.9, 47.95), List.of(Activity.TRADE), false,
                "Test resolution", null, ReceiptTimeEndToEndTest.upload(registry, "Test resolution establishing khan-uul-test"));
        RegistryClient.Reply reply = client.command(client.sign("cabinet-1", "EstablishZone", zone));
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        String position = reply.raw().headers().firstValue("Registry-Position").orElseThrow();
        RegistryClient.Reply found = client.get("/api/public/register/zones?name=khan%20uul&atLeast=" + position);
        assertThat(found.status()).as(found.body().toString()).isEqualTo(200);
        assertThat(found.body().path("items").get(0).path("id").asText()).isEqualTo("khan-uul-test");
        assertThat(found.raw().headers().firstValue("Registry-Position").orElseThrow()).isNotEmpty();
        JsonNode detail = json("/api/public/register/zones/khan-uul-test");
        assertThat(detail.path("entry").path("status").asText()).isEqualTo("ESTABLISHED");
        assertThat(detail.path("history").get(0).path("record").path("payload").path("name").asText()).isEqualTo("Хан-Уул чөлөөт бүс");
        assertThat(json("/api/public/register/zones?name=алтанбулаг").path("items").get(0).path("id").asText()).isEqualTo("altanbulag");
        assertThat(json("/api/public/register/governors?zone=zamyn-uud").path("total").asInt()).isEqualTo(1);
        assertThat(client.get("/api/public/register/nothing").status()).isEqualTo(404);
        assertThat(client.get("/api/public/register/zones?limit=0").status()).isEqualTo(400);
    }

    private static String base() {
        return "http://localhost:" + ((WebServerApplicationContext) registry).getWebServer().getPort();
    }
}
