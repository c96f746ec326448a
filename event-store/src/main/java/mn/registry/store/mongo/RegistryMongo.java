package mn.registry.store.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.UuidRepresentation;

import java.nio.file.Path;

/**
 * The registry's MongoDB connection: a {@link MongoClient} with {@link UuidRepresentation#STANDARD}, either
 * to {@code MONGODB_URI} (a replica set or cluster in production) or to an {@link EmbeddedMongo} started on
 * a data directory when no URI is given. Closing it closes the client, then the embedded server.
 */
public final class RegistryMongo implements AutoCloseable {

    static final int EMBEDDED_SELECTION_TIMEOUT_MS = 3000;

    private final MongoClient client;
    private final EmbeddedMongo embedded;

    private RegistryMongo(MongoClient client, EmbeddedMongo embedded) {
        this.client = client;
        this.embedded = embedded;
    }

    /** To {@code mongodbUri} when it is non-blank, else to an embedded H2-backed server on {@code dataDir}. */
    public static RegistryMongo open(String mongodbUri, Path dataDir) {
        if (mongodbUri != null && !mongodbUri.isBlank()) {
            return new RegistryMongo(client(mongodbUri), null);
        }
        return embedded(EmbeddedMongo.persistent(dataDir));
    }

    /** Takes ownership of an embedded server: {@link #close()} stops it. */
    public static RegistryMongo embedded(EmbeddedMongo server) {
        try {
            // the server is in this process: if it does not answer within seconds it is down, and a request should
            // fail (503) instead of waiting the driver's default 30 s for it
            return new RegistryMongo(client(server.connectionString() + "/?serverSelectionTimeoutMS=" + EMBEDDED_SELECTION_TIMEOUT_MS), server);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** A client configured as the registry needs it (standard UUIDs), counting its round trips if asked ({@link RoundTrips}). */
    public static MongoClient client(String connectionString) {
        MongoClientSettings.Builder settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(connectionString))
                .uuidRepresentation(UuidRepresentation.STANDARD);
        RoundTrips roundTrips = RoundTrips.ifEnabled();
        if (roundTrips != null) {
            settings.addCommandListener(roundTrips);
        }
        return MongoClients.create(settings.build());
    }

    public MongoClient client() {
        return client;
    }

    /**
     * Makes every write completed so far durable: the embedded server's file commit; nothing to do
     * against a real server, whose write concern (w:majority, j:true) already answered only after
     * the journal had the write.
     */
    public void makeDurable() {
        if (embedded != null) {
            embedded.commit();
        }
    }

    /** True when the data lives in the embedded server started by this object. */
    public boolean isEmbedded() {
        return embedded != null;
    }

    @Override
    public void close() {
        try {
            client.close();
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}
