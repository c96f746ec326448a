package mn.registry.command.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import mn.registry.infrastructure.privacy.PersonalDataHolder;
import mn.registry.infrastructure.privacy.PersonalDataVault;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.problem.RegistryProblem;
import mn.registry.store.mongo.CommandCommits;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The archive of signed commands and the guard that applies each at most once.
 *
 * <p>A command id is claimed by inserting {@code {_id: commandId, state: "accepted"}} (the unique
 * {@code _id} makes the claim atomic on every server). When the command has been carried out its
 * answer is stored ({@code state: "done"}), so the same signed command sent again is answered with
 * the first answer and applies nothing. A refused command leaves no entry. An entry left
 * {@code accepted} by a crash is settled by asking the event store whether events carry that
 * command id (see {@link CommandRecovery}).
 *
 * <p>Issue 14 item 4: the JWS carries the signer's certificate ({@code x5c}: name, person id), so it is archived sealed
 * under the signer's key in the {@link PersonalDataVault} ({@code jws: {keyId, nonce, ciphertext}}); the replay and
 * recovery checks use only what stays in clear ({@code jwsSha256}, {@code state}, {@code answer}, the signer's id).
 * Erasing the signer destroys the JWS; before that a court or auditor obtains it through {@link #archived}.
 */
public class CommandLog implements PersonalDataHolder, AutoCloseable {

    static final String COLLECTION = "commands";
    private static final Logger log = LoggerFactory.getLogger(CommandLog.class);

    /**
     * ADR 0019 "No full scans": the entry's state as one uniquely indexed key, so that the compare-and-set writes
     * ({@link #takeOver}, {@link #release}) filter on one key alone, which the embedded server answers from its index
     * (a filter of {@code _id} plus the state is a scan there): {@code commandId@acceptedAtMillis} while accepted,
     * {@code commandId} once done. It changes with every takeover and with the answer, so a stale writer matches nothing.
     */
    public static final String LEASE_KEY = "lease";
    /** Set by the start-up migration on entries written before ADR 0019: their events may lack the commit's command key. */
    static final String WRITTEN_BEFORE_KEYS = "beforeCommandKeys";

    /** How long an accepted command may run before a repeat of it may look at what it left behind (default). */
    static final Duration LEASE = Duration.ofSeconds(60);

    private final MongoCollection<Document> commands;
    private final MongoCollection<Document> events;
    private final Clock clock;
    private final Duration lease;
    private final PersonalDataVault vault;
    /** ADR 0066: the answers of carried-out commands, written in batches off the request thread; null: each written at once. */
    private final CommandAnswers answers;

    public CommandLog(MongoDatabase database, Clock clock) {
        this(database, clock, LEASE);
    }

    public CommandLog(MongoDatabase database, Clock clock, Duration lease) {
        this(database, clock, lease, new PersonalDataVault(database, clock));
    }

    public CommandLog(MongoDatabase database, Clock clock, Duration lease, PersonalDataVault vault) {
        this(database, clock, lease, vault, Duration.ZERO);
    }

    /**
     * ADR 0066: {@code answerDelay} above zero: a carried-out command's answer ({@link #answered}) is written off the request
     * thread, with the others handed over meanwhile, at most that long after it; zero: at once, on the caller's thread.
     */
    public CommandLog(MongoDatabase database, Clock clock, Duration lease, PersonalDataVault vault, Duration answerDelay) {
        this.commands = database.getCollection(COLLECTION);
        this.events = database.getCollection("events");
        this.clock = clock;
        this.lease = lease;
        this.vault = vault;
        this.answers = answerDelay.isZero() ? null : new CommandAnswers(commands, answerDelay);
    }

    static String acceptedKey(String commandId, long acceptedAtMillis) {
        return commandId + "@" + acceptedAtMillis;
    }

    /**
     * Start-up: gives entries written before the {@value #LEASE_KEY} key existed their key (idempotent, logged; one pass
     * over the entries lacking it), then creates the unique index (MongoIndexes). The key must be on every entry first:
     * a unique index treats a missing key as null, and two nulls collide.
     */
    public void ensureIndexes() {
        long migrated = 0;
        for (Document d : commands.find(Filters.exists(LEASE_KEY, false)).projection(new Document("state", 1).append("acceptedAt", 1))) {
            String id = String.valueOf(d.get("_id"));
            Number acceptedAt = d.get("acceptedAt", Number.class);
            String key = "accepted".equals(d.getString("state")) && acceptedAt != null ? acceptedKey(id, acceptedAt.longValue()) : id;
            // WRITTEN_BEFORE_KEYS: its commits (if any) carry no CommandCommits key, so eventsOf may have to scan for them
            migrated += commands.updateOne(new Document("_id", d.get("_id")),
                    new Document("$set", new Document(LEASE_KEY, key).append(WRITTEN_BEFORE_KEYS, true))).getModifiedCount();
        }
        if (migrated > 0) {
            log.info("command log: gave {} entries written before ADR 0019's lease key their key", migrated);
        }
        mn.registry.store.mongo.MongoIndexes.ensure(commands);
    }

    static final String JWS_SEALED_AS = "command-jws";

    /** What a claim found. */
    public sealed interface Claim {
        /** The id is ours now, under {@code leaseKey}: carry the command out. */
        record Claimed(String leaseKey) implements Claim {
        }

        /** The same signed command was carried out before: answer with this. */
        record AlreadyDone(String answerJson, int status) implements Claim {
        }

        /** The same command was accepted earlier and its outcome is not recorded (a crash, or still running). */
        record Unsettled(Instant acceptedAt) implements Claim {
        }
    }

    public Claim claim(String commandId, String jwsSha256, String jws, String type, String actor) {
        Document entry = new Document("_id", commandId)
                .append("state", "accepted")
                .append("jwsSha256", jwsSha256)
                .append("type", type)
                .append("actor", actor)
                .append("jws", vault.seal(new PersonId(actor), JWS_SEALED_AS, jws).orElse(null))
                .append("acceptedAt", clock.instant().toEpochMilli());
        entry.append(LEASE_KEY, acceptedKey(commandId, entry.getLong("acceptedAt")));
        try {
            commands.insertOne(entry);
            return new Claim.Claimed(entry.getString(LEASE_KEY));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        Document existing = find(commandId).orElse(null);
        if (existing == null) {
            // Released between our insert and our read (the first attempt was refused): try once more.
            return claim(commandId, jwsSha256, jws, type, actor);
        }
        if (!jwsSha256.equals(existing.getString("jwsSha256"))) {
            throw RegistryProblem.conflict("command.id-reused",
                    "Command id " + commandId + " was already used for a different signed command; sign the new command with a new id.", null);
        }
        if ("done".equals(existing.getString("state"))) {
            return new Claim.AlreadyDone(existing.getString("answer"), existing.getInteger("status", 200));
        }
        return new Claim.Unsettled(Instant.ofEpochMilli(existing.getLong("acceptedAt")));
    }

    /** Whether an unsettled claim is old enough that its first attempt cannot still be running. */
    public boolean leaseExpired(Instant acceptedAt) {
        return acceptedAt.plus(lease).isBefore(clock.instant());
    }

    /**
     * Takes over an expired accepted entry (compare-and-set on its acceptedAt); the new lease key if this attempt won,
     * empty if another attempt took it over first or it was answered meanwhile.
     */
    public Optional<String> takeOver(String commandId, Instant acceptedAt) {
        long now = clock.instant().toEpochMilli();
        String key = acceptedKey(commandId, now);
        boolean won = commands.updateOne(new Document(LEASE_KEY, acceptedKey(commandId, acceptedAt.toEpochMilli())),
                new Document("$set", new Document("acceptedAt", now).append(LEASE_KEY, key))).getModifiedCount() == 1;
        return won ? Optional.of(key) : Optional.empty();
    }

    /** Stores the answer of {@code commandId} now (a recovered answer: a resend settles the entry). */
    public void done(String commandId, String answerJson, int status) {
        commands.updateOne(Filters.eq("_id", commandId), new Document("$set", answer(commandId, answerJson, status)));
    }

    /**
     * ADR 0066: the answer of a command just carried out, to be stored for resends: held and written with others off the request
     * thread when the log was made with an answer delay ({@link #find} shows it meanwhile), else stored now as {@link #done} does.
     */
    public void answered(String commandId, String answerJson, int status) {
        if (answers == null) {
            done(commandId, answerJson, status);
        } else {
            answers.hold(commandId, answer(commandId, answerJson, status));
        }
    }

    private Document answer(String commandId, String answerJson, int status) {
        return new Document("state", "done").append("answer", answerJson).append("status", status)
                .append("doneAt", clock.instant().toEpochMilli()).append(LEASE_KEY, commandId);
    }

    /**
     * A refused command leaves nothing behind: its id may be used again. Only the attempt that holds the entry's lease
     * releases it (one delete by its unique lease key): a late first attempt whose lease was taken over, or an entry
     * already answered, is left as it is.
     */
    public void release(String commandId, String leaseKey) {
        if (leaseKey != null && leaseKey.startsWith(commandId + "@")) {
            commands.deleteOne(new Document(LEASE_KEY, leaseKey));
        }
    }

    /**
     * The payload types of the stored events that carry this command id in their metadata, in store order; empty if
     * the command left no event. Used to settle a claim left {@code accepted} by a crash (ADR 0002): the commits are
     * found by their command key ({@link CommandCommits}, one index lookup per commit and one more), and read to make
     * sure. Only for an entry written before those keys existed (the start-up migration marks it) does it fall back to
     * the scan of the events' metadata that was the only way before (ADR 0019).
     */
    public List<String> eventsOf(String commandId) {
        List<Document> commits = CommandCommits.commitsOf(events, commandId);
        if (commits.isEmpty() && find(commandId).map(d -> Boolean.TRUE.equals(d.getBoolean(WRITTEN_BEFORE_KEYS))).orElse(false)) {
            log.info("command {} was accepted before commits carried their command key; looking for its events by their metadata", commandId);
            commits = events.find(Filters.regex("events.metaData", Pattern.quote(commandId))).sort(new Document("_id", 1)).into(new ArrayList<>());
        }
        List<String> types = new ArrayList<>();
        for (Document commit : commits) {
            for (Document event : commit.getList("events", Document.class, List.of())) {
                Object metaData = event.get("metaData");
                String text = metaData instanceof Document d ? d.toJson() : String.valueOf(metaData);
                if (carries(text, commandId)) {
                    types.add(event.getString("payloadType"));
                }
            }
        }
        return types;
    }

    private static boolean carries(String metaDataJson, String commandId) {
        try {
            return commandId.equals(CanonicalJson.mapper().readTree(metaDataJson).path("commandId").asText(null));
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    /** The entry of {@code commandId}, with its answer if this node holds it not yet written (ADR 0066). */
    public Optional<Document> find(String commandId) {
        // looked at before the read: an answer let go meanwhile was written before it was let go, so the read finds it
        Optional<Document> held = answers == null ? Optional.empty() : answers.held(commandId);
        Optional<Document> entry = Optional.ofNullable(commands.find(Filters.eq("_id", commandId)).first());
        return held.isEmpty() ? entry : entry.map(stored -> {
            Document shown = new Document(stored);
            shown.putAll(held.get());
            return shown;
        });
    }

    /** A stop: the answers this node holds are written first (ADR 0066). */
    @Override
    public void close() {
        if (answers != null) {
            answers.close();
        }
    }

    /**
     * The state of each of {@code commandIds} in the log ({@code accepted}, or {@code done} and stored), in one read; an id not in the log is
     * not in the answer (ADR 0070: a document claim whose command is done is held for good). An answer this node still holds unwritten (ADR
     * 0066) reads as {@code accepted} here.
     */
    public java.util.Map<String, String> states(java.util.Collection<String> commandIds) {
        java.util.Map<String, String> found = new java.util.HashMap<>();
        if (!commandIds.isEmpty()) {
            commands.find(Filters.in("_id", commandIds)).projection(com.mongodb.client.model.Projections.include("_id", "state"))
                    .forEach(d -> found.put(String.valueOf(d.get("_id")), d.getString("state")));
        }
        return found;
    }

    /** An archived signed command: its type, signer and JWS SHA-256 (in clear), and the JWS itself unless its signer was erased. */
    public record Archived(String commandId, String type, PersonId signer, String jwsSha256, Optional<String> jws) {
    }

    /** The archived signed command, its JWS opened with the signer's key (issue 14 item 4); empty if no such command was applied. */
    public Optional<Archived> archived(String commandId) {
        return find(commandId).map(d -> {
            PersonId signer = new PersonId(d.getString("actor"));
            return new Archived(commandId, d.getString("type"), signer, d.getString("jwsSha256"), vault.open(signer, JWS_SEALED_AS, d.get("jws")));
        });
    }

    /** Entries archived with the JWS in clear (before issue 14 item 4) lose it with the signer's key; their SHA-256 stays. */
    @Override
    public long erased(PersonId person) {
        long changed = 0;
        for (Document d : commands.find(Filters.eq("actor", person.value())).projection(new Document("jws", 1))) {
            if (d.get("jws") instanceof String) {
                changed += commands.updateOne(Filters.eq("_id", d.get("_id")), new Document("$unset", new Document("jws", ""))).getModifiedCount();
            }
        }
        return changed;
    }

}
