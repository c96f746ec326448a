package mn.registry.freezone.land;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

import java.util.Map;
import java.util.TreeMap;

/**
 * The round trips a client sends to the test's server, counted by command and collection (e.g. {@code find events}) with the driver's
 * command listener: what a read costs, counted, not timed (O257, ADR 0069 items 8 and 10).
 */
final class CountedRoundTrips implements CommandListener {

    /** The registry's serializer of events and snapshots, for the tests' stores (dates as text). */
    static final org.axonframework.serialization.json.JacksonSerializer SERIALIZER = org.axonframework.serialization.json.JacksonSerializer.builder()
            .objectMapper(org.springframework.http.converter.json.Jackson2ObjectMapperBuilder.json()
                    .featuresToDisable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build()).build();

    private final Map<String, Integer> counted = new TreeMap<>();

    /** A client to {@code server} whose commands {@code counter} counts; the caller closes it. */
    static MongoClient client(ConnectionString server, CountedRoundTrips counter) {
        return MongoClients.create(MongoClientSettings.builder().applyConnectionString(server).addCommandListener(counter).build());
    }

    /** The registry's engine on {@code database}: the counted client's, or another node's (an uncounted client's). */
    static mn.registry.store.mongo.GaplessEventStorageEngine engine(com.mongodb.client.MongoDatabase database) {
        return mn.registry.store.mongo.GaplessEventStorageEngine.builder().database(database)
                .sealingKey(mn.registry.store.testing.TestSealingKeys.sealingKey()).eventSerializer(SERIALIZER).snapshotSerializer(SERIALIZER).build();
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        org.bson.BsonValue collection = event.getCommand().get(event.getCommandName());
        counted.merge(event.getCommandName() + (collection != null && collection.isString() ? " " + collection.asString().getValue() : ""),
                1, Integer::sum);
    }

    /** The round trips sent while {@code read} runs. */
    Map<String, Integer> during(Runnable read) {
        counted.clear();
        read.run();
        return new TreeMap<>(counted);
    }
}
