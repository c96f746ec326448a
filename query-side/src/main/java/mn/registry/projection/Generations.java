package mn.registry.projection;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;

import java.time.Instant;
import java.util.Optional;

/**
 * Blue/green generations of projections: each rebuild writes collections of a new generation
 * ({@code {projection}_g{n}}) while the active one serves; switching is one compare-and-set on the projection's
 * document in {@code projection_generations} ({@code _id} only, atomic on the embedded server and a replica set), so
 * of two nodes switching at once exactly one wins.
 */
public final class Generations {

    static final String COLLECTION = "projection_generations";

    /** The serving generation of a projection: which, at what log size, with what content hash. */
    public record Active(String projection, long generation, long logSize, String hash) {
    }

    private final MongoCollection<Document> generations;

    public Generations(MongoDatabase database) {
        this.generations = database.getCollection(COLLECTION);
    }

    public static String collection(String projection, long generation) {
        return projection.replace('-', '_') + "_g" + generation;
    }

    public Optional<Active> active(String projection) {
        Document d = generations.find(Filters.eq("_id", projection)).first();
        return d == null ? Optional.empty() : Optional.of(new Active(projection, d.get("active", Number.class).longValue(),
                d.get("logSize", Number.class).longValue(), d.getString("hash")));
    }

    /** Makes {@code next} active if {@code current} still is (0: none yet). False if another node switched first. */
    public boolean switchTo(String projection, long current, long next, long logSize, String hash) {
        Document set = new Document("active", next).append("logSize", logSize).append("hash", hash).append("switchedAt", Instant.now().toString());
        if (current == 0) {
            try {
                generations.insertOne(new Document("_id", projection).append("active", next).append("logSize", logSize).append("hash", hash)
                        .append("switchedAt", set.getString("switchedAt")));
                return true;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                    return false;
                }
                throw e;
            }
        }
        return generations.updateOne(Filters.and(Filters.eq("_id", projection), Filters.eq("active", current)),
                new Document("$set", set)).getModifiedCount() == 1;
    }
}
