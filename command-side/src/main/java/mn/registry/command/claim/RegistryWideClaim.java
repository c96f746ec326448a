package mn.registry.command.claim;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import mn.registry.command.api.CommandLog;
import mn.registry.kernel.problem.RegistryProblem;
import org.bson.Document;

import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A registry-wide claim of a key by a signed command, taken before the aggregate acts: a document {@code {_id: key,
 * commandId, ...}} under the unique {@code _id}, atomic on every MongoDB server without a transaction (the stamp-duty
 * proofs of 002 art. 27.2, the company numbers of ADR 0031, the document of a Free Zone act of ADR 0035 item 8). The same
 * command again (ADR 0002) finds its own claim; a claim another command still holds is refused; one no longer held (its
 * command refused and its release lost in a stop, its application ended) is taken over. A refusal releases only the
 * command's own claim. Shared by the contexts' command types (moved here from permits for the Free Zone's, ADR 0035 item 8).
 */
public final class RegistryWideClaim {

    private RegistryWideClaim() {
    }

    /**
     * Inserts {@code claim} (its {@code _id} and {@code commandId} set); when the key is taken, {@code stillHeld} of the holder's
     * document decides between {@code refusal} of it and a takeover.
     */
    public static void take(MongoCollection<Document> claims, Document claim, Predicate<Document> stillHeld, Function<Document, RegistryProblem> refusal) {
        Object key = claim.get("_id");
        String commandId = claim.getString("commandId");
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                claims.insertOne(claim);
                return;
            } catch (MongoException e) {
                if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            Document existing = claims.find(Filters.eq("_id", key)).first();
            if (existing == null) {
                continue; // released meanwhile: try again
            }
            String owner = existing.getString("commandId");
            if (commandId.equals(owner)) {
                return; // the same command again (ADR 0002)
            }
            if (stillHeld.test(existing)) {
                throw refusal.apply(existing);
            }
            // no longer held: take it over if nobody else did
            claims.deleteOne(Filters.and(Filters.eq("_id", key), Filters.eq("commandId", owner)));
        }
        throw refusal.apply(null);
    }

    /**
     * The usual test of a claim's holder: held while its command is in the command log (accepted, or done and stored); a command
     * refused before it was logged, or whose release was lost in a stop, no longer holds it and its claim is taken over.
     */
    public static Predicate<Document> whileItsCommandIsLogged(CommandLog log) {
        return holder -> log.find(holder.getString("commandId")).isPresent();
    }

    /** Releases this command's claim of {@code key} (the command was refused: nothing was stored). */
    public static void release(MongoCollection<Document> claims, Object key, String commandId) {
        claims.deleteOne(Filters.and(Filters.eq("_id", key), Filters.eq("commandId", commandId)));
    }
}
