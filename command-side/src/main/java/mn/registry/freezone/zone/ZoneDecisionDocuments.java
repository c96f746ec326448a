package mn.registry.freezone.zone;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import mn.registry.command.api.CommandContext;
import mn.registry.command.api.CommandLog;
import mn.registry.command.claim.RegistryWideClaim;
import mn.registry.document.DocumentStore;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.document.DocumentCitation;
import mn.registry.kernel.problem.RegistryProblem;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.function.Supplier;

/**
 * 003 art. 6.4 (choice, ADR 0035 item 27; abuse audit F167, was O97): the Government's decision opening or temporarily closing a zone is
 * recorded with its uploaded document, as the Government's land-fee exemption is (23.4), and that document is the record of one act,
 * registry-wide: its claim is a document of the Free Zone acts' collection ({@value #COLLECTION}, the one of ADR 0035 item 8, so an
 * agreement's or a court decision's file is not a closure's either), {@code {_id: sha256, commandId, zoneId, act, claimedAt}}, taken
 * before the zone acts ({@link RegistryWideClaim}) and released when the act is refused.
 */
@Component
class ZoneDecisionDocuments {

    /** The collection of ADR 0035 item 8's claims (ActDocumentClaims). */
    static final String COLLECTION = "freezone_act_documents";
    static final String ARTICLE = "003 art. 6.4";

    private final MongoCollection<Document> claims;
    private final CommandLog commandLog;
    private final DocumentStore documents;

    ZoneDecisionDocuments(MongoDatabase database, CommandLog commandLog, DocumentStore documents) {
        this.claims = database.getCollection(COLLECTION);
        this.commandLog = commandLog;
        this.documents = documents;
    }

    private static final DocumentCitation DECISION = DocumentCitation.of("decisionSha256", ARTICLE)
            .malformedSays("A document is named by its SHA-256 in lower-case hex.")
            .unknownSays("The Government decision's document (SHA-256) was not received; upload it to POST /api/documents first.");

    /**
     * 003 art. 6.4 (choice, ADR 0035 item 27): since F129 a closure moves every entity's year to start and 12 months of interruption, and an
     * opening lets registrations and land licences in again; the act rests on the Government's decision, received (uploaded first, POST
     * /api/documents), not on a reference typed into a form.
     */
    private void decisionRestsOnItsDocument(String sha256) {
        if (sha256 == null || sha256.isBlank()) {
            throw RegistryProblem.invalid("freezone.field-missing", "The Government decision's document (its SHA-256) is required; upload it to "
                    + "POST /api/documents first.", "decisionSha256", ARTICLE);
        }
        documents.requireReceived(sha256, DECISION);
    }

    /** Checks the document, claims it for this act, runs the act; the claim is released when the act is refused. */
    <T> T claimedFor(String sha256, ZoneId zoneId, String act, CommandContext context, Supplier<T> actOnTheZone) {
        decisionRestsOnItsDocument(sha256);
        RegistryWideClaim.take(claims, new Document("_id", sha256).append("commandId", context.commandId()).append("zoneId", zoneId.value())
                .append("act", act).append("claimedAt", context.receivedAt().toString()), RegistryWideClaim.whileItsCommandIsLogged(commandLog),
                holder -> citedAlready());
        try {
            return actOnTheZone.get();
        } catch (RuntimeException refused) {
            RegistryWideClaim.release(claims, sha256, context.commandId());
            throw refused;
        }
    }

    // 003 art. 6.4 (ADR 0035 item 27): one decision's document is one act: a closure's file is not an opening's, nor another zone's act
    private static RegistryProblem citedAlready() {
        return new RegistryProblem(RegistryProblem.Kind.CONFLICT, "freezone.decision-cited-already", "This document is cited already by another "
                + "act; each opening or closure of a zone is recorded with the Government's own decision.", "decisionSha256", ARTICLE);
    }
}
