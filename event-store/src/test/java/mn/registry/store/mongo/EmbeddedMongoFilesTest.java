package mn.registry.store.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedMongoFilesTest {

    @Test
    @DisplayName("the embedded database file is created 0600 in a 0700 directory, whatever the umask, and keeps what was written")
    void database_file_is_the_owners_alone(@TempDir Path root) throws Exception {
        Path dataDir = root.resolve("fresh").resolve("data");
        try (EmbeddedMongo mongo = EmbeddedMongo.persistent(dataDir); MongoClient client = MongoClients.create(mongo.connectionString())) {
            client.getDatabase("t").getCollection("c").insertOne(new Document("_id", "kept"));
            mongo.commit();
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve(EmbeddedMongo.DATA_FILE)))).isEqualTo("rw-------");
        try (EmbeddedMongo mongo = EmbeddedMongo.persistent(dataDir); MongoClient client = MongoClients.create(mongo.connectionString())) {
            assertThat(client.getDatabase("t").getCollection("c").countDocuments(new Document("_id", "kept"))).isEqualTo(1);
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve(EmbeddedMongo.DATA_FILE)))).isEqualTo("rw-------");
    }
}
