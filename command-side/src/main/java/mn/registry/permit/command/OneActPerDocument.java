package mn.registry.permit.command;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import mn.registry.command.api.CommandLog;
import mn.registry.command.claim.DocumentKind;
import mn.registry.command.claim.OneKindPerDocument;
import mn.registry.command.claim.RegistryWideClaim;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.DocumentRef;
import mn.registry.kernel.problem.RegistryProblem;
import org.bson.Document;

import java.time.Instant;
import java.util.Locale;

/**
 * A document that is the evidence of one act of one permit, registry-wide: the claim of its SHA-256 is a document {@code {_id:
 * sha256, commandId, applicationId, claimedAt}} of its collection; the unique {@code _id} makes the claim atomic on every MongoDB
 * server. The command type claims the document before the aggregate acts and releases it when the command is refused, so a refusal
 * leaves nothing claimed; the same command carried out again (ADR 0002: a retry after a stop) finds its own claim. A claim whose
 * command is no longer in the command log (refused, its release lost in a stop) is stale and is taken over. A malformed hash is
 * left to the aggregate.
 */
abstract class OneActPerDocument {

    private final MongoCollection<Document> claims;
    private final CommandLog commandLog;
    private final OneKindPerDocument acrossKinds;
    private final DocumentKind kind;

    OneActPerDocument(MongoDatabase database, String collection, CommandLog commandLog, DocumentKind kind, OneKindPerDocument acrossKinds) {
        this.claims = database.getCollection(collection);
        this.commandLog = commandLog;
        this.kind = kind;
        this.acrossKinds = acrossKinds;
    }

    /** The registry-wide claim across kinds (ADR 0057), checked besides this kind's own. */
    OneKindPerDocument acrossKinds() {
        return acrossKinds;
    }

    /** The kind of act whose document this collection claims (ADR 0057). */
    DocumentKind kind() {
        return kind;
    }

    /** The field of the act that names the document, and the article a refusal across kinds names (ADR 0057). */
    abstract String field();

    abstract String article();

    /** The refusal of a document another command used. */
    abstract RegistryProblem usedBefore();

    /**
     * Whether a document an act of the same permit claimed is left to the permit's own rule (which answers first, e.g. "recorded
     * before" or "pending"), rather than refused here as another act's.
     */
    boolean leavesItsPermitsDocumentsToThePermit() {
        return false;
    }

    /** Claims the document for this command; refuses one that another command used. */
    void claim(String sha256, String commandId, ApplicationId applicationId, Instant at) {
        if (!DocumentRef.isSha256Hex(sha256)) {
            return;
        }
        if (leavesItsPermitsDocumentsToThePermit() && applicationId != null && applicationId.value().equals(claimedFor(sha256))) {
            return;
        }
        Document claim = new Document("_id", sha256.toLowerCase(Locale.ROOT)).append("commandId", commandId)
                .append("applicationId", applicationId == null ? null : applicationId.value()).append("claimedAt", at.toString());
        RegistryWideClaim.take(claims, claim, RegistryWideClaim.whileItsCommandIsLogged(commandLog), existing -> usedBefore());
    }

    /** The application whose act claimed the document, or null when none did (or the hash is malformed). */
    String claimedFor(String sha256) {
        if (!DocumentRef.isSha256Hex(sha256)) {
            return null;
        }
        Document claim = claims.find(com.mongodb.client.model.Filters.eq("_id", sha256.toLowerCase(Locale.ROOT))).first();
        return claim == null ? null : claim.getString("applicationId");
    }

    /** Releases this command's claim of the document (the command was refused: nothing was stored). */
    void release(String sha256, String commandId) {
        if (DocumentRef.isSha256Hex(sha256)) {
            RegistryWideClaim.release(claims, sha256.toLowerCase(Locale.ROOT), commandId);
        }
    }
}
