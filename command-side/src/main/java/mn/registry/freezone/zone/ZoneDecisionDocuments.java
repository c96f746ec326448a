package mn.registry.freezone.zone;

import com.mongodb.client.MongoDatabase;
import mn.registry.command.api.CommandContext;
import mn.registry.command.api.CommandLog;
import mn.registry.command.claim.DocumentKind;
import mn.registry.command.claim.DocumentClaims;
import mn.registry.document.DocumentCitation;
import mn.registry.document.DocumentStore;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.problem.RegistryProblem;
import org.springframework.stereotype.Component;

import java.util.function.Supplier;

/**
 * 003 art. 6.4 (choice, ADR 0035 item 27; abuse audit F167, was O97): the Government's decision opening or temporarily closing a zone is
 * recorded with its uploaded document, as the Government's land-fee exemption is (23.4), and that document is the record of one act,
 * registry-wide. Since session 19 (ADR 0057: one claim, one insert) its claim is the one claim of the document
 * ({@link DocumentClaims}, kind {@link DocumentKind#ZONE_DECISION}, {@code ONE_ACT}, naming the zone), taken before the zone acts and
 * released when the act is refused; an agreement's or a court decision's file is not a closure's either ({@code freezone_act_documents},
 * where these claims were before, is no longer read or written).
 */
@Component
class ZoneDecisionDocuments {

    static final String ARTICLE = "003 art. 6.4";

    private final DocumentStore documents;
    private final DocumentClaims claims;

    /** As the registry runs it: the registry's claim of documents (ADR 0057), whose backfill it waits for. */
    @org.springframework.beans.factory.annotation.Autowired
    ZoneDecisionDocuments(DocumentStore documents, DocumentClaims claims) {
        this.documents = documents;
        this.claims = claims;
    }

    /** For tests: the claim of documents on the same database, its backfill taken as done. */
    ZoneDecisionDocuments(MongoDatabase database, CommandLog commandLog, DocumentStore documents) {
        this(documents, DocumentClaims.backfilled(database, commandLog));
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

    /**
     * Checks the document, claims it for this act on {@code zoneId} (another act, of this zone or another, is refused with
     * {@code freezone.decision-cited-already}; another kind of act's document as such), runs the act; the claim is released when the act
     * is refused.
     */
    <T> T claimedFor(String sha256, ZoneId zoneId, CommandContext context, Supplier<T> actOnTheZone) {
        decisionRestsOnItsDocument(sha256);
        return claims.claimedFor(sha256, DocumentKind.ZONE_DECISION, grounds(zoneId), context, "decisionSha256", ARTICLE, actOnTheZone);
    }

    /** The zone a Government decision grounds an act of, as its claim names it (a zone's opening or closure, a land-fee exemption). */
    private static String grounds(ZoneId zone) {
        return zone == null ? null : DocumentClaims.Grounds.ZONE.of(zone.value());
    }
}
