package mn.registry.document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/** An in-memory MongoDB wire-protocol server for one test class, used through the real driver. */
public final class TestMongo implements AutoCloseable {

    private final MongoServer server;
    private final MongoClient client;

    public TestMongo() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
    }

    /** A database no other test uses. */
    public MongoDatabase freshDatabase() {
        return client.getDatabase("t" + System.nanoTime());
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
