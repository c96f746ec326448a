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
import org.bson.Document;

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
public class CommandLog implements PersonalDataHolder {

    static final String COLLECTION = "commands";

    /** How long an accepted command may run before a repeat of it may look at what it left behind (default). */
    static final Duration LEASE = Duration.ofSeconds(60);

    private final MongoCollection<Document> commands;
    private final MongoCollection<Document> events;
    private final Clock clock;
    private final Duration lease;
    private final PersonalDataVault vault;

    public CommandLog(MongoDatabase database, Clock clock) {
        this(database, clock, LEASE);
    }

    public CommandLog(MongoDatabase database, Clock clock, Duration lease) {
        this(database, clock, lease, new PersonalDataVault(database, clock));
    }

    public CommandLog(MongoDatabase database, Clock clock, Duration lease, PersonalDataVault vault) {
        this.commands = database.getCollection(COLLECTION);
        this.events = database.getCollection("events");
        this.clock = clock;
        this.lease = lease;
        this.vault = vault;
    }

    static final String JWS_SEALED_AS = "command-jws";

    /** What a claim found. */
    public sealed interface Claim {
        /** The id is ours now: carry the command out. */
        record Claimed() implements Claim {
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
        try {
            commands.insertOne(entry);
            return new Claim.Claimed();
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        Document existing = commands.find(Filters.eq("_id", commandId)).first();
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

    /** Takes over an expired accepted entry (compare-and-set on its acceptedAt). */
    public boolean takeOver(String commandId, Instant acceptedAt) {
        return commands.updateOne(Filters.and(Filters.eq("_id", commandId), Filters.eq("state", "accepted"),
                        Filters.eq("acceptedAt", acceptedAt.toEpochMilli())),
                new Document("$set", new Document("acceptedAt", clock.instant().toEpochMilli()))).getModifiedCount() == 1;
    }

    public void done(String commandId, String answerJson, int status) {
        commands.updateOne(Filters.eq("_id", commandId), new Document("$set", new Document("state", "done")
                .append("answer", answerJson).append("status", status).append("doneAt", clock.instant().toEpochMilli())));
    }

    /** A refused command leaves nothing behind: its id may be used again. */
    public void release(String commandId) {
        commands.deleteOne(Filters.and(Filters.eq("_id", commandId), Filters.eq("state", "accepted")));
    }

    /**
     * The payload types of the stored events that carry this command id in their metadata, in store order; empty if
     * the command left no event. Used only to settle a claim left {@code accepted} by a crash, so it may scan: the
     * metadata is sealed JSON text, found by the command id's text and then read to make sure.
     */
    public List<String> eventsOf(String commandId) {
        List<String> types = new ArrayList<>();
        String quoted = Pattern.quote(commandId);
        for (Document commit : events.find(Filters.regex("events.metaData", quoted))) {
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

    public Optional<Document> find(String commandId) {
        return Optional.ofNullable(commands.find(Filters.eq("_id", commandId)).first());
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
