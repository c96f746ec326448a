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
import java.util.function.Supplier;

/**
 * A registry-wide claim of a key by a signed command, taken before the aggregate acts: a document {@code {_id: key,
 * commandId, ...}} under the unique {@code _id}, atomic on every MongoDB server without a transaction (the one claim of a
 * document, ADR 0057; the company numbers of ADR 0031; the paper receipts of a land fee, ADR 0035 item 18). The same
 * command again (ADR 0002) finds its own claim; a claim another command still holds is refused; one no longer held (its
 * command refused and its release lost in a stop, its application ended) is taken over. A refusal releases only the
 * command's own claim. Shared by the contexts' command types (moved here from permits for the Free Zone's, ADR 0035 item 8).
 */
public final class RegistryWideClaim {

    private RegistryWideClaim() {
    }

    /** What a command does with a key another command's claim holds: goes on without holding it, or takes it over. */
    public enum Verdict {
        /** The holder's claim stands and this command goes on without one (a kind that shares, or a rule that decides later). */
        PASS,
        /** The holder's claim is no longer held (or is this act's to keep): it is deleted, if nobody else took it, and inserted again. */
        TAKE_OVER
    }

    /**
     * Judges the claim another command has ({@code holder}): a {@link Verdict}, or throws the refusal of this command's act.
     */
    @FunctionalInterface
    public interface Judge {
        Verdict of(Document holder);
    }

    /**
     * Inserts {@code claim} (its {@code _id} and {@code commandId} set); when the key is taken, {@code stillHeld} of the holder's
     * document decides between {@code refusal} of it and a takeover.
     */
    public static void take(MongoCollection<Document> claims, Document claim, Predicate<Document> stillHeld, Function<Document, RegistryProblem> refusal) {
        take(claims, claim, refusedWhileHeld(stillHeld, refusal), () -> refusal.apply(null));
    }

    /** The usual judge: {@code refusal} of a holder {@code stillHeld}, else its claim taken over. */
    public static Judge refusedWhileHeld(Predicate<Document> stillHeld, Function<Document, RegistryProblem> refusal) {
        return holder -> {
            if (stillHeld.test(holder)) {
                throw refusal.apply(holder);
            }
            return Verdict.TAKE_OVER;
        };
    }

    /**
     * The one insert-or-read-back of every registry-wide claim (abuse audit D30: it was written three times): inserts {@code claim}; when
     * the key is taken, the same command again (ADR 0002) finds its own claim, and {@code judge} decides on another command's: it
     * refuses (throws), lets this command pass without the claim, or takes it over. Answers whether this command holds the claim; after
     * three races lost, {@code gaveUp}'s refusal.
     */
    public static boolean take(MongoCollection<Document> claims, Document claim, Judge judge, Supplier<RegistryProblem> gaveUp) {
        Object key = claim.get("_id");
        String commandId = claim.getString("commandId");
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                claims.insertOne(claim);
                return true;
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
                return true; // the same command again (ADR 0002)
            }
            if (judge.of(existing) == Verdict.PASS) {
                return false;
            }
            // no longer held, or this act's to keep: take it over if nobody else did
            claims.deleteOne(Filters.and(Filters.eq("_id", key), Filters.eq("commandId", owner)));
        }
        throw gaveUp.get();
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
