package mn.registry.freezone.entity;

import com.mongodb.client.MongoDatabase;
import mn.registry.command.api.CommandContext;
import mn.registry.command.api.CommandLog;
import mn.registry.command.claim.Claimant;
import mn.registry.command.claim.DocumentKind;
import mn.registry.command.claim.DocumentClaims;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.freezone.SubmittedZoneDocument;
import mn.registry.kernel.freezone.ZoneDocument;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * 003 art. 12.5.1, 12.5.3, 26.2 (choice, ADR 0035 item 8; abuse audit F52): the document of a Free Zone act (an investment agreement, a
 * start of operations, a court decision) is the act of one registration, registry-wide; 003 art. 12.1 (ADR 0035 item 19; F123): the
 * registration fee's receipt pays one registration. Since session 19 (ADR 0057: one claim, one insert) both are the one claim of the
 * document ({@link DocumentClaims}, kinds {@link DocumentKind#ZONE_REGISTRATION_ACT} and {@link DocumentKind#ZONE_REGISTRATION_FEE},
 * {@code ONE_ACT}) naming the registration the document grounds; {@code freezone_act_documents} is no longer read or written (its
 * claims moved by the backfill). A claim of the same registration (its stream: another of its acts citing the document) is left to the
 * registration's aggregate, whose F48 rule ({@code freezone.document-cited-already}) decides; an act accepted on it takes the claim over.
 * Since session 22 (ADR 0035 item 62) a court's decision is claimed as a kind of its own, {@link DocumentKind#ZONE_COURT_DECISION}, which
 * the registrations of the entity it dissolves share in every zone.
 */
@Component
class ActDocumentClaims {

    /** The collection the registrations' claims are in since session 19: the one claim of a document. */
    static final String COLLECTION = DocumentClaims.COLLECTION;

    private final DocumentClaims claims;

    /** As the registry runs it: the registry's claim of documents, whose backfill it waits for. */
    @Autowired
    ActDocumentClaims(DocumentClaims claims) {
        this.claims = claims;
    }

    /** For tests: the claim of documents on the same database, its backfill taken as done. */
    ActDocumentClaims(MongoDatabase database, CommandLog commandLog) {
        this(DocumentClaims.backfilled(database, commandLog));
    }

    /** Which of these documents an act holds (ADR 0035 items 70, 77: then no late resumption of any registration cites it), in one read. */
    java.util.Set<String> heldAmong(java.util.Collection<String> sha256s) {
        return claims.heldAmong(sha256s);
    }

    /** The registration a document grounds, as its claim names it. */
    static String grounds(RegistrationId registration) {
        return registration == null ? null : DocumentClaims.Grounds.REGISTRATION.of(registration.stream());
    }

    /**
     * Runs the registration's act with its document claimed: refused when another kind of act, or another registration's act, holds it
     * ({@code freezone.document-cited-elsewhere}, field {@code documentSha256}, the act's article); a missing or malformed hash is left to
     * the aggregate (F47); an act of the same registration holding it is left to the aggregate's rule. Released when the act is refused,
     * taken over when stored on the same registration's.
     */
    <T> T claimedFor(String sha256, RegistrationId registration, String article, CommandContext context, Supplier<T> act) {
        return claimedFor(sha256, DocumentKind.ZONE_REGISTRATION_ACT, registration, article, context, act);
    }

    /**
     * As {@link #claimedFor(String, RegistrationId, String, CommandContext, Supplier)}, for an act of {@code kind}: the court's decision
     * ({@link DocumentKind#ZONE_COURT_DECISION}, ADR 0035 item 62) is shared by the registrations of the entity it dissolves, in every zone.
     */
    <T> T claimedFor(String sha256, DocumentKind kind, RegistrationId registration, String article, CommandContext context, Supplier<T> act) {
        return claims.claimedFor(sha256, kind, Claimant.grounding(grounds(registration)), context, "documentSha256", article, act);
    }

    /**
     * 003 art. 12.1 (choice, ADR 0035 item 19; abuse audit F123): the receipt of the registration fee is one payment, for one
     * registration, claimed by the aggregate after its intake rules: refused when another registration's application holds it
     * ({@code freezone.fee-receipt-used-elsewhere}, field {@code documents}), or another kind of act (ADR 0057, field
     * {@code documents.REGISTRATION_FEE_RECEIPT}); the same registration's application again (after a rejection) may name it. Returns
     * whether this command holds the claim.
     */
    boolean claimFeeReceipt(String sha256, String commandId, RegistrationId registration, Instant at) {
        return claims.claim(sha256, DocumentKind.ZONE_REGISTRATION_FEE, Claimant.grounding(grounds(registration)), commandId,
                "documents." + ZoneDocument.REGISTRATION_FEE_RECEIPT, ZoneDocument.REGISTRATION_FEE_RECEIPT.article(), at);
    }

    /**
     * 003 art. 12.1, 12.1.1, 12.1.2 (ADR 0035 item 73; abuse audit F356, was O197): runs the application with its documents other than the
     * fee receipt claimed ({@link DocumentKind#ZONE_APPLICATION_DOCUMENT}, grounds the registration it applies for): applications share
     * them; an act of another kind holding one refuses it (field {@code documents.<kind>}, its article). Released when the application is
     * refused; a claim of another registration's application is left with it. Claimed in one unordered insert of them all
     * ({@link DocumentClaims#claimTogether}, as a permit application's, ADR 0035 item 79), not one insert each.
     */
    <T> T applicationDocumentsClaimedFor(List<SubmittedZoneDocument> documents, RegistrationId registration, CommandContext context, Supplier<T> act) {
        List<SubmittedZoneDocument> cited = registration == null || documents == null ? List.of() : documents.stream()
                .filter(d -> d != null && d.kind() != null && d.kind() != ZoneDocument.REGISTRATION_FEE_RECEIPT).toList();
        String grounds = grounds(registration);
        java.util.Set<String> taken = claims.claimTogether(cited.stream().map(d -> new DocumentClaims.Citation(d.sha256(), "documents." + d.kind(),
                d.kind().article())).toList(), DocumentKind.ZONE_APPLICATION_DOCUMENT, Claimant.grounding(grounds), context.commandId(),
                context.receivedAt(), null);
        T answer;
        try {
            answer = act.get();
        } catch (RuntimeException refused) {
            taken.forEach(sha256 -> claims.release(sha256, context.commandId()));
            throw refused;
        }
        // the claim stays with the registration that named the document first (its own acts on it are its aggregate's, F48; the entity's
        // other zones' acts are refused across kinds); it is taken over only on that registration's own application again, or once released
        cited.stream().filter(d -> d.sha256() == null || !taken.contains(d.sha256().toLowerCase(java.util.Locale.ROOT)))
                .filter(d -> claims.grounds(d.sha256(), DocumentKind.ZONE_APPLICATION_DOCUMENT).map(grounds::equals).orElse(true))
                .forEach(d -> claims.adopt(d.sha256(), DocumentKind.ZONE_APPLICATION_DOCUMENT, Claimant.grounding(grounds), context.commandId(),
                        context.receivedAt()));
        return answer;
    }

    /** After the aggregate accepted an application whose fee receipt an application of the same registration held: it takes the claim over. */
    void adoptFeeReceipt(String sha256, String commandId, RegistrationId registration, Instant at) {
        claims.adopt(sha256, DocumentKind.ZONE_REGISTRATION_FEE, Claimant.grounding(grounds(registration)), commandId, at);
    }

    /**
     * 003 art. 12.5.3 (ADR 0035 item 64): the registration whose court decision holds this document's claim
     * ({@link DocumentKind#ZONE_COURT_DECISION}, naming the registration that recorded it last), if any.
     */
    java.util.Optional<RegistrationId> courtDecisionRecordedBy(String sha256) {
        return claims.grounds(sha256, DocumentKind.ZONE_COURT_DECISION).filter(g -> g.startsWith(REGISTRATION))
                .flatMap(g -> RegistrationId.ofStream(g.substring(REGISTRATION.length())));
    }

    // a registration's grounds: this, then its stream
    private static final String REGISTRATION = DocumentClaims.Grounds.REGISTRATION.of("");

    /** Releases this command's claim of the document (the command was refused: nothing was stored). */
    void release(String sha256, String commandId) {
        claims.release(sha256, commandId);
    }
}
