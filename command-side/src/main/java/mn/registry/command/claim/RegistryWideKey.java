package mn.registry.command.claim;

import com.mongodb.client.MongoCollection;
import mn.registry.command.api.CommandLog;
import mn.registry.kernel.problem.RegistryProblem;
import org.bson.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A registry-wide key a signed command holds while its check and its act run, so that two such acts received at the same instant on two
 * nodes are serialised: the second waits for the first and then reads what the first stored (a zone's establishment, ADR 0035 item 25; a
 * zone's dated acts, item 39). Taken through {@link RegistryWideClaim} (atomic on every MongoDB server without a transaction), waited for
 * by polling up to {@link #WAIT} (then the {@code busy} refusal, 503: a retry is safe), and released after the act, refused or not. A key
 * whose command is no longer running (answered, refused, or its lease expired in a stop) is taken over, so a lost release blocks nothing
 * for longer than the lease; the same command again (ADR 0002) finds its own key.
 */
public final class RegistryWideKey {

    /** How long a command waits for another to release the key before answering 503. */
    public static final Duration WAIT = Duration.ofSeconds(30);

    private final MongoCollection<Document> keys;
    private final CommandLog log;
    private final Supplier<RegistryProblem> busy;

    public RegistryWideKey(MongoCollection<Document> keys, CommandLog log, Supplier<RegistryProblem> busy) {
        this.keys = keys;
        this.log = log;
        this.busy = busy;
    }

    /**
     * Holds {@code claim}'s key ({@code _id}, {@code commandId} and what else the holder keeps) while {@code act} runs, then releases it.
     * A holder no longer running is given to {@code settle} before its key is taken over (what it left half done is finished there).
     */
    public <T> T hold(Document claim, Consumer<Document> settle, Supplier<T> act) {
        take(claim, settle);
        try {
            return act.get();
        } finally {
            RegistryWideClaim.release(keys, claim.get("_id"), claim.getString("commandId"));
        }
    }

    private void take(Document claim, Consumer<Document> settle) {
        long until = System.nanoTime() + WAIT.toNanos();
        while (true) {
            try {
                RegistryWideClaim.take(keys, claim, holder -> {
                    if (stillRunning(holder)) {
                        throw busy.get();
                    }
                    settle.accept(holder);
                    return RegistryWideClaim.Verdict.TAKE_OVER;
                }, busy);
                return;
            } catch (RegistryProblem waiting) {
                if (System.nanoTime() - until > 0) {
                    throw waiting;
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw busy.get();
            }
        }
    }

    /** The key's holder is still running while its command is accepted (not yet answered) and its lease has not expired. */
    private boolean stillRunning(Document holder) {
        return log.find(holder.getString("commandId"))
                .filter(entry -> "accepted".equals(entry.getString("state")))
                .map(entry -> entry.get("acceptedAt", Number.class))
                .filter(acceptedAt -> !log.leaseExpired(Instant.ofEpochMilli(acceptedAt.longValue())))
                .isPresent();
    }

    /** Whether the holder's command carried its act out: answered, or its events stored before a stop left it unanswered. */
    public boolean carriedOut(Document holder) {
        String command = holder.getString("commandId");
        return log.find(command).filter(entry -> "done".equals(entry.getString("state"))).isPresent() || !log.eventsOf(command).isEmpty();
    }
}
