package mn.registry.store.testing;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import mn.registry.store.mongo.EmbeddedMongo;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-memory embedded server and a client that records the filter of every find, update and delete it sends, as
 * {@code "<command> <collection> <top-level keys of the filter>"} (e.g. {@code update deadlines [$and]}). The embedded
 * server answers a filter from an index only when its top-level keys are exactly the keys of one unique index
 * (ADR 0019); anything else, {@code $and} or a {@code $regex} included, is a scan of the collection.
 */
public final class FilterRecorder implements CommandListener, AutoCloseable {

    /** One filter sent: the command, the collection and the filter. */
    public record Sent(String command, String collection, BsonDocument filter) {
        public Set<String> keys() {
            return new TreeSet<>(filter.keySet());
        }

        @Override
        public String toString() {
            return command + " " + collection + " " + filter.toJson();
        }
    }

    private final EmbeddedMongo server = EmbeddedMongo.inMemory();
    private final MongoClient client;
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    /** The names of the commands sent since the last {@link #clear}: one per round trip. */
    private final List<String> commands = new CopyOnWriteArrayList<>();

    public FilterRecorder() {
        client = MongoClients.create(MongoClientSettings.builder().applyConnectionString(new ConnectionString(server.connectionString()))
                .addCommandListener(this).build());
    }

    public MongoClient client() {
        return client;
    }

    /** The filters sent since the last {@link #clear}. */
    public List<Sent> sent() {
        return new ArrayList<>(sent);
    }

    public void clear() {
        sent.clear();
        commands.clear();
    }

    /** How many commands called {@code name} (round trips) were sent since the last {@link #clear}. */
    public long commandsSent(String name) {
        return commands.stream().filter(name::equals).count();
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        BsonDocument command = event.getCommand();
        String name = event.getCommandName();
        commands.add(name);
        switch (name) {
            case "find" -> add(name, command.getString("find").getValue(), command.getDocument("filter", new BsonDocument()));
            case "update" -> statements(name, command.getString("update").getValue(), command.getArray("updates", new BsonArray()));
            case "delete" -> statements(name, command.getString("delete").getValue(), command.getArray("deletes", new BsonArray()));
            case "findAndModify" -> add(name, command.getString("findAndModify").getValue(), command.getDocument("query", new BsonDocument()));
            default -> {
            }
        }
    }

    private void statements(String name, String collection, BsonArray statements) {
        for (BsonValue s : statements) {
            add(name, collection, s.asDocument().getDocument("q", new BsonDocument()));
        }
    }

    private void add(String name, String collection, BsonDocument filter) {
        // the event's document is only valid during this call: copy it
        sent.add(new Sent(name, collection, BsonDocument.parse(filter.toJson())));
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
