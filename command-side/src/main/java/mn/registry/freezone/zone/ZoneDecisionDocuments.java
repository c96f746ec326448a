package mn.registry.freezone.zone;

import com.mongodb.client.MongoDatabase;
import mn.registry.command.api.CommandContext;
import mn.registry.command.api.CommandLog;
import mn.registry.command.claim.Claimant;
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
public class ZoneDecisionDocuments {

    static final String ARTICLE = "003 art. 6.4";

    private final DocumentStore documents;
    private final DocumentClaims claims;

    /** As the registry runs it: the registry's claim of documents (ADR 0057), whose backfill it waits for. */
    @org.springframework.beans.factory.annotation.Autowired
    public ZoneDecisionDocuments(DocumentStore documents, DocumentClaims claims) {
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
    /** ADR 0061 item 27: the Cabinet member's decision appointing or dismissing a governor, an order of an identity act (it grants or ends a role). */
    private static final Citing GOVERNORS_DECISION = new Citing(DocumentKind.IDENTITY_ORDER, "decisionSha256", "003 art. 8.2",
            "The Cabinet member's decision");

    /**
     * 003 art. 6.4 (choice, ADR 0035 item 27): since F129 a closure moves every entity's year to start and 12 months of interruption, and an
     * opening lets registrations and land licences in again; the act rests on the Government's decision, received (uploaded first, POST
     * /api/documents), not on a reference typed into a form. 003 art. 6.1 (ADR 0035 item 41): likewise a zone's establishment and the record
     * of its date rest on the State Great Khural's resolution.
     */
    private mn.registry.document.StoredDocument restsOnItsDocument(String sha256, Citing citing) {
        if (sha256 == null || sha256.isBlank()) {
            throw RegistryProblem.invalid("freezone.field-missing", citing.what() + "'s document (its SHA-256) is required; upload it to "
                    + "POST /api/documents first.", citing.field(), citing.article());
        }
        return documents.requireReceived(sha256, citing.citation());
    }

    /**
     * 003 art. 8.2 (ADR 0061 item 27; abuse audit F400, was O226): the Cabinet member appoints and dismisses a governor on a decision named
     * by its uploaded document, as an official's grant and end rest on their order (item 21), not on a reference typed into a form that may
     * be written otherwise ("order 2026/94", "Order No. 2026/94"). The document is one the registry received, <em>no later than the act</em>
     * (judged at the registry's receipt, never at a time the signer claims), and is claimed as an identity act's order
     * ({@link DocumentKind#IDENTITY_ORDER}, shared by the identity acts: one decision may name several governors or officials; another kind's
     * document, a zone's opening decision or a permit's, is refused), released when the act is refused. Which governor's acts it may ground
     * again is the governor's stream's ({@code GovernorAppointmentTypes.decisionOfItsOwn}), run inside the claim by {@code act}.
     *
     * @param act the act on the document's SHA-256 as cited (lower-case hex); its answer is returned
     */
    public <T> T governorsDecisionClaimedFor(String sha256, CommandContext context, java.util.function.Function<String, T> act) {
        mn.registry.document.StoredDocument decision = restsOnItsDocument(sha256, GOVERNORS_DECISION);
        receivedNoLaterThanTheAct(decision, context);
        return claims.claimedFor(decision.sha256(), GOVERNORS_DECISION.kind(), Claimant.NONE, context, GOVERNORS_DECISION.field(),
                GOVERNORS_DECISION.article(),
                () -> act.apply(decision.sha256()));
    }

    // 003 art. 8.2 (ADR 0061 item 27; abuse audit F400): the act rests on a decision the registry held when it received the act; a document
    // received after it (the signed command sent again once the decision was drawn up) was not what the act was signed on
    private static void receivedNoLaterThanTheAct(mn.registry.document.StoredDocument decision, CommandContext context) {
        if (decision.receivedAt().isAfter(context.receivedAt())) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "freezone.governor-decision-received-after-the-act", "The decision's document "
                    + "was received at " + decision.receivedAt() + ", after the registry received this act (" + context.receivedAt() + "); an "
                    + "appointment or dismissal rests on a decision the registry held when it received the act: sign the act again.",
                    GOVERNORS_DECISION.field(), GOVERNORS_DECISION.article());
        }
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
        return claims.claimedFor(sha256, citing.kind(), Claimant.grounding(grounds(zoneId)), context, citing.field(), citing.article(), actOnTheZone);
    }

    /** The zone a Government decision grounds an act of, as its claim names it (a zone's opening or closure, a land-fee exemption). */
    private static String grounds(ZoneId zone) {
        return zone == null ? null : DocumentClaims.Grounds.ZONE.of(zone.value());
    }
}
