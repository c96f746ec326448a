package mn.registry.log;

import com.mongodb.client.MongoDatabase;
import mn.registry.kernel.pki.RegistryKeys;
import org.bson.Document;

import java.time.Clock;

/** Test access to the log's writers (package-private on main) for the golden bytes test. */
public final class GoldenLogWriter {

    private final LogAppender appender;
    private final CheckpointPublisher publisher;

    public GoldenLogWriter(MongoDatabase database, String origin, RegistryKeys keys, Clock clock) {
        this.appender = new LogAppender(database);
        this.appender.ensureIndexes();
        this.publisher = new CheckpointPublisher(database, origin, keys.checkpoint(), keys.timeStamping(), clock);
    }

    public long append(String eventId, byte[] leaf, long position, String commandId) {
        return appender.append(eventId, leaf, new Document("position", position).append("commandId", commandId));
    }

    public void publish() {
        publisher.publishIfGrown();
    }
}
