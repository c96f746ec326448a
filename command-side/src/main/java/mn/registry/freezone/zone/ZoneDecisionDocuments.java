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
 * where these claims were before, is no longer read or written). 003 art. 6.1 (ADR 0035 item 41; abuse audit F235, was O132): the State
 * Great Khural's resolution establishing a zone is cited likewise, by the establishment and by the record of its date (kind
 * {@link DocumentKind#ZONE_RESOLUTION}, one zone's).
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

    /** What an act of the zone cites: the kind of its document, the field that names it, the article and what a missing one is told. */
    private record Citing(DocumentKind kind, String field, String article, String what) {

        DocumentCitation citation() {
            return DocumentCitation.of(field, article).malformedSays("A document is named by its SHA-256 in lower-case hex.")
                    .unknownSays(what + "'s document (SHA-256) was not received; upload it to POST /api/documents first.");
        }
    }

    private static final Citing DECISION = new Citing(DocumentKind.ZONE_DECISION, "decisionSha256", ARTICLE, "The Government decision");
    private static final Citing RESOLUTION = new Citing(DocumentKind.ZONE_RESOLUTION, "resolutionSha256", "003 art. 6.1",
            "The State Great Khural resolution");

    /**
     * 003 art. 6.4 (choice, ADR 0035 item 27): since F129 a closure moves every entity's year to start and 12 months of interruption, and an
     * opening lets registrations and land licences in again; the act rests on the Government's decision, received (uploaded first, POST
     * /api/documents), not on a reference typed into a form. 003 art. 6.1 (ADR 0035 item 41): likewise a zone's establishment and the record
     * of its date rest on the State Great Khural's resolution.
     */
    private void restsOnItsDocument(String sha256, Citing citing) {
        if (sha256 == null || sha256.isBlank()) {
            throw RegistryProblem.invalid("freezone.field-missing", citing.what() + "'s document (its SHA-256) is required; upload it to "
                    + "POST /api/documents first.", citing.field(), citing.article());
        }
        documents.requireReceived(sha256, citing.citation());
    }

    /**
     * Checks the document, claims it for this act on {@code zoneId} (another act, of this zone or another, is refused with
     * {@code freezone.decision-cited-already}; another kind of act's document as such), runs the act; the claim is released when the act
     * is refused.
     */
    <T> T claimedFor(String sha256, ZoneId zoneId, CommandContext context, Supplier<T> actOnTheZone) {
        return claimedFor(sha256, DECISION, zoneId, context, actOnTheZone);
    }

    /**
     * 003 art. 6.1 (ADR 0035 item 41; abuse audit F235, was O132): the resolution's document of a zone's establishment or of the record of
     * its date, checked and claimed for the zone ({@code ONE_ACT} per zone: the zone's two acts may cite it, another zone's is refused with
     * {@code freezone.resolution-cited-already}), released when the act is refused.
     */
    <T> T resolutionClaimedFor(String sha256, ZoneId zoneId, CommandContext context, Supplier<T> actOnTheZone) {
        return claimedFor(sha256, RESOLUTION, zoneId, context, actOnTheZone);
    }

    private <T> T claimedFor(String sha256, Citing citing, ZoneId zoneId, CommandContext context, Supplier<T> actOnTheZone) {
        restsOnItsDocument(sha256, citing);
        return claims.claimedFor(sha256, citing.kind(), grounds(zoneId), context, citing.field(), citing.article(), actOnTheZone);
    }

    /** The zone a Government decision grounds an act of, as its claim names it (a zone's opening or closure, a land-fee exemption). */
    private static String grounds(ZoneId zone) {
        return zone == null ? null : DocumentClaims.Grounds.ZONE.of(zone.value());
    }
}
