package mn.registry.standalone;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import mn.registry.store.mongo.EmbeddedMongo;
import mn.registry.store.mongo.RegistryMongo;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code registry.jar mongo}: the embedded database as a process of its own, shared by registry nodes (ADR 0016). */
class DatabaseProcessTest {

    @TempDir
    Path root;

    @Test
    @DisplayName("registry.jar mongo serves the H2 file on 127.0.0.1, keeps every answered write through kill -9, and stops cleanly on SIGTERM")
    void serves_keeps_answered_writes_through_kill_nine_and_stops_on_sigterm() throws Exception {
        Path dataDir = root.resolve("db");
        DatabaseProcess first = DatabaseProcess.start(dataDir, root.resolve("mongo-1.log"));
        try {
            String uri = first.awaitReady(Duration.ofSeconds(60));
            assertThat(uri).startsWith("mongodb://127.0.0.1:");
            try (MongoClient client = RegistryMongo.client(uri + "/?serverSelectionTimeoutMS=3000")) {
                MongoCollection<Document> written = client.getDatabase("registry").getCollection("written");
                for (int i = 0; i < 50; i++) {
                    written.insertOne(new Document("_id", i)); // answered = acknowledged
                }
                written.updateOne(new Document("_id", 49), new Document("$set", new Document("updated", true)));
            }
        } finally {
            first.kill(); // at once after the last answer: well within the H2 store's own one-second commit
        }
        // the file alone, opened in this process, has every answered write
        try (EmbeddedMongo reopened = EmbeddedMongo.persistent(dataDir);
             MongoClient client = RegistryMongo.client(reopened.connectionString())) {
            MongoCollection<Document> written = client.getDatabase("registry").getCollection("written");
            assertThat(written.countDocuments()).as("writes answered before kill -9").isEqualTo(50);
            assertThat(written.find(new Document("_id", 49)).first()).containsEntry("updated", true);
        }

        DatabaseProcess second = DatabaseProcess.start(dataDir, root.resolve("mongo-2.log"));
        second.awaitReady(Duration.ofSeconds(60));
        // 143 = 128 + SIGTERM, the JVM's exit code after its shutdown hooks ran (systemd: SuccessExitStatus=143)
        assertThat(second.terminate(Duration.ofSeconds(30))).as("exit code after SIGTERM:\n" + second.output()).isEqualTo(143);
        assertThat(second.output()).contains("MongoDB server stopped");
    }
}
