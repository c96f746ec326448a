package mn.registry.command.backfill;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;

import java.time.Instant;

/**
 * The marker a {@link StartupBackfill} writes once it ran on a registry: one document, {@code id}, in {@code collection} (beside
 * what the backfill writes, under an id that is never one of that collection's own), with the time it was written and what the
 * backfill counted. A registry that has it does not run the backfill again.
 */
public record BackfillMarker(MongoCollection<Document> collection, String id) {

    /** Whether the backfill still has to run here (its {@link StartupBackfill#due()}). */
    public boolean missing() {
        return collection.find(Filters.eq("_id", id)).first() == null;
    }

    /** Writes the marker, at {@code at}, with the backfill's counts (e.g. {@code "permits", 3}). */
    public void write(Instant at, Document counts) {
        Document set = new Document("at", at.toString());
        set.putAll(counts);
        collection.updateOne(Filters.eq("_id", id), new Document("$set", set), new UpdateOptions().upsert(true));
    }
}
