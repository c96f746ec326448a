package mn.registry.permit.command;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import mn.registry.command.api.CommandLog;
import mn.registry.command.claim.RegistryWideClaim;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.DocumentRef;
import mn.registry.kernel.problem.RegistryProblem;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Locale;

/**
 * 002 art. 27.2: a proof of payment of the stamp duty pays for one extension request, of one permit. The registry-wide
 * claim of each proof's SHA-256 is a document {@code {_id: sha256, commandId, applicationId, claimedAt}} of
 * {@value #COLLECTION}; the unique {@code _id} makes the claim atomic on every MongoDB server. The command type claims
 * the proof before the aggregate acts and releases it when the command is refused, so a refusal leaves nothing claimed;
 * the same command carried out again (ADR 0002: a retry after a stop) finds its own claim. A claim whose command is
 * no longer in the command log (refused, its release lost in a stop) is stale and is taken over.
 */
@Component
class StampDutyProofs {

    static final String COLLECTION = "stamp_duty_proofs";

    private final MongoCollection<Document> proofs;
    private final CommandLog commandLog;

    StampDutyProofs(MongoDatabase database, CommandLog commandLog) {
        this.proofs = database.getCollection(COLLECTION);
        this.commandLog = commandLog;
    }

    /** Claims the proof for this command; refuses a proof that another command used. A malformed hash is left to the aggregate. */
    void claim(String proofSha256, String commandId, ApplicationId applicationId, Instant at) {
        if (!DocumentRef.isSha256Hex(proofSha256)) {
            return;
        }
        String key = proofSha256.toLowerCase(Locale.ROOT);
        Document claim = new Document("_id", key).append("commandId", commandId)
                .append("applicationId", applicationId == null ? null : applicationId.value()).append("claimedAt", at.toString());
        // a claim whose command is no longer in the command log (refused, its release lost in a stop) is stale
        RegistryWideClaim.take(proofs, claim, existing -> commandLog.find(existing.getString("commandId")).isPresent(), existing -> usedBefore());
    }

    /** Releases this command's claim of the proof (the command was refused: nothing was stored). */
    void release(String proofSha256, String commandId) {
        if (DocumentRef.isSha256Hex(proofSha256)) {
            RegistryWideClaim.release(proofs, proofSha256.toLowerCase(Locale.ROOT), commandId);
        }
    }

    private static RegistryProblem usedBefore() {
        return RegistryProblem.conflict("permit.stamp-duty-proof-used",
                "This proof of payment of the stamp duty was already used for an extension request; each payment pays for one request.",
                "002 art. 27.2");
    }
}
