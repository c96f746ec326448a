package mn.registry.freezone.land;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import mn.registry.command.api.CommandContext;
import mn.registry.command.api.CommandLog;
import mn.registry.command.claim.RegistryWideClaim;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.permit.DocumentRef;
import mn.registry.kernel.problem.RegistryProblem;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * 003 art. 23.4, 6.4 (choice, ADR 0035 item 28; abuse audit F168, was O100): the Government decision a land-fee exemption is recorded on is
 * a document of the exemptions, registry-wide. Its claim is a document {@code {_id: sha256, commandId, zoneId, act: "land-fee exemption",
 * claimedAt}} of the Free Zone acts' collection ({@value #COLLECTION}, ADR 0035 items 8 and 27), so a closure's, an opening's, an agreement's or a
 * court decision's file is not an exemption's ({@code freezone.exemption-decision-cited-already}), nor an exemption's theirs
 * ({@code freezone.decision-cited-already}, {@code freezone.document-cited-elsewhere}). One Government decision
 * lawfully exempts several holders or activities, in several zones, at once (23.4: the Government sets each one's percentage and years), so
 * the claim is of the kind of act, not of one act: every exemption may cite a decision an exemption holds; which beneficiary and which days one
 * decision exempts once is the land register's rule ({@link ZoneLand#oneDecisionExemptsABeneficiaryOnceADay}), per zone. The claim is taken
 * before the land register acts ({@link RegistryWideClaim}); the exemption holding it releases it when refused, and an accepted exemption that
 * did not hold it takes it over from any other exemption ({@link #adopt}), so that the decision stays claimed when the first exemption is refused.
 */
@Component
class ExemptionDecisionClaims {

    /** The collection of ADR 0035 item 8's claims (ActDocumentClaims, ZoneDecisionDocuments). */
    static final String COLLECTION = "freezone_act_documents";
    static final String ACT = "land-fee exemption";
    static final String ARTICLE = "003 art. 23.4, 6.4";

    private final MongoCollection<Document> claims;
    private final CommandLog commandLog;

    ExemptionDecisionClaims(MongoDatabase database, CommandLog commandLog) {
        this.claims = database.getCollection(COLLECTION);
        this.commandLog = commandLog;
    }

    /**
     * Claims the decision's document for the exemptions; refuses one another kind of act holds. Returns whether this command holds the
     * claim: {@code false} when another exemption holds it (shared) or the hash is missing or malformed (the land register refuses it, 23.4).
     */
    boolean claim(String sha256, ZoneId zone, CommandContext context) {
        if (!DocumentRef.isSha256Hex(sha256)) {
            return false;
        }
        Document[] holder = new Document[1];
        try {
            RegistryWideClaim.take(claims, claimOf(sha256, zone, context), this::held, h -> {
                holder[0] = h;
                return citedAlready();
            });
            return true;
        } catch (RegistryProblem refused) {
            if (holder[0] != null && ACT.equals(holder[0].getString("act"))) {
                return false; // another exemption of the same decision holds it: shared (23.4)
            }
            throw refused;
        }
    }

    /** Releases this command's claim (its exemption was refused: nothing was stored). */
    void release(String sha256, String commandId) {
        if (DocumentRef.isSha256Hex(sha256)) {
            RegistryWideClaim.release(claims, sha256, commandId);
        }
    }

    /**
     * After the land register recorded an exemption whose decision another exemption held: this one takes the claim over (from any other
     * exemption, held or not, or from a stale holder), so that the other's refusal releases nothing of the stored exemption's document.
     */
    void adopt(String sha256, ZoneId zone, CommandContext context) {
        if (!DocumentRef.isSha256Hex(sha256)) {
            return;
        }
        Document ours = claimOf(sha256, zone, context);
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                claims.insertOne(ours);
                return;
            } catch (MongoException e) {
                if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            Document existing = claims.find(Filters.eq("_id", sha256)).first();
            if (existing == null) {
                continue;
            }
            String owner = existing.getString("commandId");
            if (context.commandId().equals(owner)) {
                return;
            }
            if (!ACT.equals(existing.getString("act")) && held(existing)) {
                return; // another act took it in the moment the first exemption's release left it free: that act was judged on its own claim
            }
            claims.deleteOne(Filters.and(Filters.eq("_id", sha256), Filters.eq("commandId", owner)));
        }
    }

    private boolean held(Document holder) {
        return RegistryWideClaim.whileItsCommandIsLogged(commandLog).test(holder);
    }

    private static Document claimOf(String sha256, ZoneId zone, CommandContext context) {
        return new Document("_id", sha256).append("commandId", context.commandId()).append("zoneId", zone.value()).append("act", ACT)
                .append("claimedAt", context.receivedAt().toString());
    }

    // 003 art. 23.4, 6.4 (ADR 0035 item 28): the Government's exemption decision is not another act's record, nor is another act's file an exemption's
    private static RegistryProblem citedAlready() {
        return new RegistryProblem(RegistryProblem.Kind.CONFLICT, "freezone.exemption-decision-cited-already", "This document is cited already by another "
                + "kind of act (an opening or closure of a zone, an agreement, a start of operations or a court decision); a land-fee exemption is "
                + "recorded with the Government's own decision on it.", "decisionSha256", ARTICLE);
    }
}
