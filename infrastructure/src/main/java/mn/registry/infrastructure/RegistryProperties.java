package mn.registry.infrastructure;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The registry's settings ({@code registry.*}). Defaults work on a fresh machine: data under
 * {@code ./data}, the embedded MongoDB server unless {@code MONGODB_URI} is set.
 *
 * @param dataDir         where the embedded database, the keys and the demo people live
 * @param mongodbUri      a MongoDB connection string (production: a replica set); empty = embedded server
 * @param database        the MongoDB database name
 * @param holeTimeout     how long a reader waits for a reserved event position before closing it with a tombstone
 * @param demo            create demo keys, people and applications on first start, and allow moving the clock
 */
@ConfigurationProperties(prefix = "registry")
public record RegistryProperties(Path dataDir, String mongodbUri, String database, Duration holeTimeout, boolean demo) {

    public RegistryProperties {
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        database = database == null || database.isBlank() ? "registry" : database;
        holeTimeout = holeTimeout == null ? Duration.ofSeconds(10) : holeTimeout;
    }

    public boolean embedded() {
        return mongodbUri == null || mongodbUri.isBlank();
    }
}
