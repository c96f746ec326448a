package mn.registry.freezone.entity;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import mn.registry.command.api.CommandLog;
import mn.registry.command.claim.RegistryWideClaim;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.permit.DocumentRef;
import mn.registry.kernel.problem.RegistryProblem;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * 003 art. 12.5.1, 12.5.3, 26.2 (choice, ADR 0035 item 8; abuse audit F52): the document of a Free Zone act (an investment
 * agreement, a court decision) is the act of one registration, registry-wide. Its claim is a document {@code {_id: sha256,
 * commandId, registrationId, act, claimedAt}} of {@value #COLLECTION}, inserted under the unique {@code _id} before the aggregate
 * acts (atomic on every MongoDB server, no transaction) and released when the command is refused; the same command again
 * (ADR 0002) finds its own claim, and a claim whose command is no longer in the command log (refused, its release lost in a
 * stop) is stale and taken over ({@link RegistryWideClaim}, as the stamp-duty proofs of 002 art. 27.2).
 * <p>
 * A claim of the same registration (its stream: another of its acts citing the document) is not refused here: one stream's
 * acts are serialized by its aggregate, whose F48 rule ({@code freezone.document-cited-already}) decides; when that aggregate
 * accepts the act after all (the other act was refused), the act then takes the claim over ({@link #adopt}).
 */
@Component
class ActDocumentClaims {

    static final String COLLECTION = "freezone_act_documents";

    private final MongoCollection<Document> claims;
    private final CommandLog commandLog;
    private final mn.registry.command.claim.OneKindPerDocument acrossKinds;

    /** As the registry runs it: the claim across kinds (ADR 0057) is the registry's one, whose backfill it waits for. */
    @org.springframework.beans.factory.annotation.Autowired
    ActDocumentClaims(MongoDatabase database, CommandLog commandLog, mn.registry.command.claim.OneKindPerDocument acrossKinds) {
        this.claims = database.getCollection(COLLECTION);
        this.commandLog = commandLog;
        this.acrossKinds = acrossKinds;
    }

    /** For tests: the claim across kinds on the same database, its backfill taken as done. */
    ActDocumentClaims(MongoDatabase database, CommandLog commandLog) {
        this(database, commandLog, mn.registry.command.claim.OneKindPerDocument.backfilled(database, commandLog));
    }

    /** The registry-wide claim across kinds of act (ADR 0057), checked before this collection's. */
    mn.registry.command.claim.OneKindPerDocument acrossKinds() {
        return acrossKinds;
    }

    /**
     * Claims the document for this command's act of {@code registration}; refuses one another registration's act cited
     * ({@code freezone.document-cited-elsewhere}). A missing or malformed hash is left to the aggregate (F47). Returns whether this
     * command holds the claim: {@code false} when an act of the same registration holds it (F48 is the aggregate's).
     */
    boolean claim(String sha256, String commandId, RegistrationId registration, String act, String article, Instant at) {
        if (!DocumentRef.isSha256Hex(sha256) || registration == null) {
            return false;
        }
        Document existing = claims.find(Filters.eq("_id", sha256)).first();
        if (existing != null && !commandId.equals(existing.getString("commandId")) && registration.stream().equals(existing.getString("registrationId"))
                && held(existing)) {
            return false;
        }
        RegistryWideClaim.take(claims, claim(sha256, commandId, registration, act, at), this::held, holder -> citedElsewhere(article));
        return true;
    }

    /**
     * 003 art. 12.1 (choice, ADR 0035 item 19; abuse audit F123): the receipt of the registration fee is one payment, for one
     * registration: claimed as an act's document is, refused when another registration's application holds it
     * ({@code freezone.fee-receipt-used-elsewhere}, field {@code documents}); the same registration's application again (after a
     * rejection) may name it. Returns whether this command holds the claim.
     */
    boolean claimFeeReceipt(String sha256, String commandId, RegistrationId registration, Instant at) {
        if (!DocumentRef.isSha256Hex(sha256) || registration == null) {
            return false;
        }
        Document existing = claims.find(Filters.eq("_id", sha256)).first();
        if (existing != null && !commandId.equals(existing.getString("commandId")) && registration.stream().equals(existing.getString("registrationId"))) {
            return false;
        }
        RegistryWideClaim.take(claims, claim(sha256, commandId, registration, FEE_RECEIPT, at), this::held, holder -> feeReceiptUsedElsewhere());
        return true;
    }

    static final String FEE_RECEIPT = "registration fee receipt";

    /**
     * After the aggregate accepted an act whose document an act of the same registration claimed (that act was refused, or will be by
     * F48): the accepted act takes the claim over, so that the document stays claimed once the other act's refusal releases its own.
     */
    void adopt(String sha256, String commandId, RegistrationId registration, String act, Instant at) {
        try {
            RegistryWideClaim.take(claims, claim(sha256, commandId, registration, act, at),
                    holder -> !registration.stream().equals(holder.getString("registrationId")) && held(holder), holder -> citedElsewhere(""));
        } catch (RegistryProblem takenMeanwhile) {
            // another registration took it over between the release and now: its act was judged on its own claim; ours is stored
        }
    }

    /** Releases this command's claim of the document (the command was refused: nothing was stored). */
    void release(String sha256, String commandId) {
        if (DocumentRef.isSha256Hex(sha256)) {
            RegistryWideClaim.release(claims, sha256, commandId);
        }
    }

    private boolean held(Document holder) {
        return RegistryWideClaim.whileItsCommandIsLogged(commandLog).test(holder);
    }

    private static Document claim(String sha256, String commandId, RegistrationId registration, String act, Instant at) {
        return new Document("_id", sha256).append("commandId", commandId).append("registrationId", registration.stream())
                .append("act", act).append("claimedAt", at.toString());
    }

    // 003 art. 12.1 (choice, ADR 0035 item 19; abuse audit F123): one registration fee paid, one registration
    private static RegistryProblem feeReceiptUsedElsewhere() {
        return new RegistryProblem(RegistryProblem.Kind.CONFLICT, "freezone.fee-receipt-used-elsewhere", "This registration fee receipt is "
                + "cited already by the application of another entity or zone; each registration pays its own fee.", "documents", "003 art. 12.1");
    }

    // 003 art. 12.5.1, 12.5.3, 26.2 (choice, ADR 0035 item 8; abuse audit F52): one document is one act, registry-wide: the agreement
    // (or court decision) of one registration cited for another's would make a single real agreement serve any number of entities
    private static RegistryProblem citedElsewhere(String article) {
        return new RegistryProblem(RegistryProblem.Kind.CONFLICT, "freezone.document-cited-elsewhere", "This document is cited already by an act of "
                + "another registration; each registration's agreement, start of operations and court decision are recorded with their own document.", "documentSha256", article);
    }
}
