package mn.registry.standalone;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import mn.registry.kernel.calendar.PublicHolidayDeclared;
import mn.registry.kernel.signing.SignedCommandVerifier;
import mn.registry.store.mongo.RegistryMongo;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ADR 0019 "No full scans", existing data: a data directory of the previous release (command log entries without
 * {@code lease}, deadlines without {@code stateKey} and no {@code open_deadlines}, commits without {@code command}, none
 * of the three unique indexes) starts, gets every key, and a command that release left accepted by a crash is settled
 * from its un-keyed commit, applied once.
 */
class PreviousReleaseKeysMigrationTest {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return RegistryApplication.start("--server.port=0", "--registry.data-dir=" + dataDir, "--registry.demo=true",
                "--registry.commands.lease=1s");
    }

    private static RegistryClient client(ConfigurableApplicationContext registry, Path dataDir) {
        return new RegistryClient(((WebServerApplicationContext) registry).getWebServer().getPort(), dataDir);
    }

    private static String holiday(RegistryClient client, int day) {
        return client.sign("cabinet-1", "DeclarePublicHoliday",
                new PublicHolidayDeclared(LocalDate.of(2056, 10, day), "Migration holiday " + day, "Шилжүүлгийн амралт " + day, "Resolution M-" + day));
    }

    @Test
    @DisplayName("ADR 0002/0019: a data directory of the previous release starts with every entry, deadline and index keyed; its command left accepted by a crash is settled from the un-keyed commit and applied once")
    void previous_release_data_is_keyed_at_start() {
        String crashed;
        String crashedId;
        ConfigurableApplicationContext first = start();
        try {
            RegistryClient client = client(first, dataDir);
            assertThat(client.command(holiday(client, 10)).status()).isEqualTo(200);
            crashed = holiday(client, 11);
            crashedId = SignedCommandVerifier.unverifiedCommandId(crashed).orElseThrow();
            assertThat(client.command(crashed).status()).isEqualTo(200);
            MongoDatabase db = first.getBean(MongoDatabase.class);
            await("the demo applications' open decision deadlines", () -> db.getCollection("deadlines").countDocuments(Filters.eq("state", "OPEN")) >= 2);
        } finally {
            first.close();
        }

        // the previous release's shape: no key, no index of ADR 0019; the second holiday's answer lost to a crash
        try (RegistryMongo mongo = RegistryMongo.open(null, dataDir)) {
            MongoDatabase db = mongo.client().getDatabase("registry");
            MongoCollection<Document> commands = db.getCollection("commands");
            commands.dropIndex("lease_unique");
            commands.updateMany(new Document(), Updates.combine(Updates.unset("lease"), Updates.unset("beforeCommandKeys")));
            commands.updateOne(Filters.eq("_id", crashedId), Updates.combine(Updates.set("state", "accepted"),
                    Updates.unset("answer"), Updates.unset("status"), Updates.unset("doneAt")));
            db.getCollection("events").dropIndex("command_sparse_unique");
            db.getCollection("events").updateMany(new Document(), Updates.unset("command"));
            db.getCollection("deadlines").dropIndex("stateKey_unique");
            db.getCollection("deadlines").updateMany(new Document(), Updates.unset("stateKey"));
            db.getCollection("open_deadlines").drop();
            assertThat(commands.countDocuments(Filters.exists("lease"))).isZero();
            assertThat(db.getCollection("events").countDocuments(Filters.exists("command"))).isZero();
        }

        ConfigurableApplicationContext second = start();
        try {
            MongoDatabase db = second.getBean(MongoDatabase.class);
            for (Document entry : db.getCollection("commands").find()) {
                String id = entry.getString("_id");
                assertThat(entry.getString("lease")).as("command %s", id)
                        .isEqualTo("accepted".equals(entry.getString("state")) ? id + "@" + entry.get("acceptedAt", Number.class).longValue() : id);
                assertThat(entry.getBoolean("beforeCommandKeys")).as("marked as from before: its commits carry no key").isTrue();
            }
            List<Document> deadlines = db.getCollection("deadlines").find().into(new ArrayList<>());
            assertThat(deadlines).filteredOn(d -> "OPEN".equals(d.getString("state"))).hasSizeGreaterThanOrEqualTo(2);
            for (Document d : deadlines) {
                assertThat(d.getString("stateKey")).isEqualTo(d.getString("_id") + "|" + d.getString("state"));
                if ("OPEN".equals(d.getString("state"))) {
                    Document set = db.getCollection("open_deadlines").find(Filters.eq("_id", d.getString("aggregateId") + "|" + d.getString("kind"))).first();
                    assertThat(set).as("the open set of %s", d.getString("_id")).isNotNull();
                    assertThat(set.getList("ids", String.class)).contains(d.getString("_id"));
                }
            }
            assertThat(indexNames(db, "commands")).contains("lease_unique");
            assertThat(indexNames(db, "deadlines")).contains("stateKey_unique");
            assertThat(indexNames(db, "events")).contains("command_sparse_unique");

            RegistryClient client = client(second, dataDir);
            // the crash's premise: its lease of 1 s has run out (the two starts and the migration may take less than that now)
            long acceptedAt = db.getCollection("commands").find(Filters.eq("_id", crashedId)).first().get("acceptedAt", Number.class).longValue();
            await("the crashed command's lease of 1 s to run out", () -> System.currentTimeMillis() > acceptedAt + 1_000);
            RegistryClient.Reply again = client.command(crashed);
            assertThat(again.status()).as(again.body().toString()).isEqualTo(200);
            assertThat(again.body().path("recovered").asBoolean()).as(again.body().toString()).isTrue();
            assertThat(again.body().path("events").toString()).contains("PublicHolidayDeclared");
            assertThat(db.getCollection("events").countDocuments(Filters.regex("events.metaData", crashedId)))
                    .as("applied once: its commit from before, nothing more").isEqualTo(1);

            String fresh = holiday(client, 12);
            String freshId = SignedCommandVerifier.unverifiedCommandId(fresh).orElseThrow();
            assertThat(client.command(fresh).status()).isEqualTo(200);
            assertThat(db.getCollection("events").find(Filters.eq("command", freshId + "#0")).first())
                    .as("a command after the start keys its commit").isNotNull();
        } finally {
            second.close();
        }
    }

    private static List<String> indexNames(MongoDatabase db, String collection) {
        return db.getCollection(collection).listIndexes().map(d -> d.getString("name")).into(new ArrayList<>());
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
