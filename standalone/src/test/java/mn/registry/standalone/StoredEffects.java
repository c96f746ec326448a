package mn.registry.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import mn.registry.kernel.crypto.CanonicalJson;
import org.bson.Document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the event store holds per signed command, read straight from its commit documents. */
final class StoredEffects {

    private StoredEffects() {
    }

    /**
     * Every stored event as "aggregate type-of-event", by the command id in its metadata; fails if any event id is
     * stored twice. The same command applied twice would show as the same event type on the same aggregate twice.
     */
    static Map<String, List<String>> byCommand(MongoDatabase database) {
        Map<String, List<String>> effects = new HashMap<>();
        Set<String> eventIds = new HashSet<>();
        for (Document commit : database.getCollection("events").find()) {
            for (Document event : commit.getList("events", Document.class, List.of())) {
                if (!eventIds.add(event.getString("eventId"))) {
                    throw new AssertionError("event " + event.getString("eventId") + " is stored twice");
                }
                Object metaData = event.get("metaData");
                JsonNode meta;
                try {
                    meta = CanonicalJson.mapper().readTree(metaData instanceof Document d ? d.toJson() : String.valueOf(metaData));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                String commandId = meta.path("commandId").asText(null);
                if (commandId != null) {
                    effects.computeIfAbsent(commandId, k -> new ArrayList<>()).add(event.getString("aggregateId") + " " + event.getString("payloadType"));
                }
            }
        }
        return effects;
    }
}
