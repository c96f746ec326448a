package mn.registry.command.claim;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import mn.registry.command.api.CommandContext;
import mn.registry.command.api.CommandLog;
import mn.registry.kernel.permit.DocumentRef;
import mn.registry.kernel.problem.RegistryProblem;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * ADR 0057 (choice; abuse audit F185-F189, was O111 and O110): a document is claimed registry-wide by the first act that cites it,
 * under the act's {@link DocumentKind}, in one collection ({@value #COLLECTION}: {@code {_id: sha256, kind, commandId, claimedAt}}),
 * inserted under the unique {@code _id} before the aggregate acts (atomic on every MongoDB server, as {@link RegistryWideClaim}'s
 * claims) and released when the command is refused. An act of another kind citing it is refused (409
 * {@code document.claimed-by-another-act.<holder's kind>}, the field and the article of the act refused), unless the two kinds
 * lawfully share a document ({@link #SHARED}). An act of the holder's own kind, or of a kind that shares with it, passes: its own
 * kind's one-act rule (the kind's collection and code, unchanged) decides; accepted, it keeps the document claimed should the holder's
 * claim be released meanwhile ({@link #adopt}).
 *
 * <p>A claim is held while its command is in the command log (accepted, or done and stored), as every registry-wide claim; one
 * written by the start-up backfill ({@link OneKindPerDocumentBackfill}, whose command ids start with {@value #BACKFILL}) is the
 * record of an act stored before this rule and is held for ever.
 */
@Component
public class OneKindPerDocument {

    public static final String COLLECTION = "document_claims";
    /** The prefix of the command id of a claim the backfill wrote from an act stored before the rule. */
    public static final String BACKFILL = "backfill:adr-0057";

    /**
     * The pairs of kinds that lawfully share one document, each with the articles that allow it (ADR 0057 item 2). A pair is
     * unordered: either kind may cite the document first.
     */
    public static final Map<Set<DocumentKind>, String> SHARED = Map.of(
            // the holder company's decision naming its new director is the new representative's power of representation (the
            // enrolment's document) and the document of the change of the permit's information the holder reports
            Set.of(DocumentKind.IDENTITY_ORDER, DocumentKind.CHANGE_REPORT), "001 art. 23.1.1; 002 art. 20.3.3",
            // the policy and contract recorded as the permit's insurance are the documents the permit is issued with
            Set.of(DocumentKind.PERMIT_CONTRACT, DocumentKind.INSURANCE_POLICY), "002 art. 26.2.3, 26.7",
            // a suspension on the inspector's opinion rests on the findings of an inspection recorded on the permit
            Set.of(DocumentKind.SUSPENSION_EVIDENCE, DocumentKind.INSPECTION_FINDINGS), "002 art. 28.1, 31.1.7",
            // a suspension at the tax authority's request rests on that request's document
            Set.of(DocumentKind.SUSPENSION_EVIDENCE, DocumentKind.TAX_AUTHORITY_DOCUMENT), "002 art. 28.1");

    /** Every refusal's code, written out so that each has its message in both languages (ProblemMessagesTest). */
    static final List<String> REFUSAL_CODES = List.of(
            "document.claimed-by-another-act.insurance-policy",
            "document.claimed-by-another-act.stamp-duty-proof",
            "document.claimed-by-another-act.tax-authority-document",
            "document.claimed-by-another-act.change-report",
            "document.claimed-by-another-act.inspection-findings",
            "document.claimed-by-another-act.zone-registration-act",
            "document.claimed-by-another-act.zone-registration-fee",
            "document.claimed-by-another-act.zone-decision",
            "document.claimed-by-another-act.land-fee-exemption-decision",
            "document.claimed-by-another-act.land-fee-receipt",
            "document.claimed-by-another-act.identity-order",
            "document.claimed-by-another-act.permit-contract",
            "document.claimed-by-another-act.duty-evidence",
            "document.claimed-by-another-act.suspension-evidence",
            "document.claimed-by-another-act.revocation-complaint",
            "document.claimed-by-another-act.complaint-decision",
            "document.claimed-by-another-act.reorganisation-evidence",
            "document.claimed-by-another-act.certificate-database-contract");

    private final MongoCollection<Document> claims;
    private final CommandLog commandLog;
    /** Counted down once the backfill ran or was found done; a claim waits for it (the web server may answer meanwhile). */
    private final CountDownLatch backfilled;

    @Autowired
    OneKindPerDocument(MongoDatabase database, CommandLog commandLog) {
        this(database, commandLog, new CountDownLatch(1));
    }

    /** A claim store whose backfill is done (tests, and tools on a registry started before). */
    public static OneKindPerDocument backfilled(MongoDatabase database, CommandLog commandLog) {
        return new OneKindPerDocument(database, commandLog, new CountDownLatch(0));
    }

    private OneKindPerDocument(MongoDatabase database, CommandLog commandLog, CountDownLatch backfilled) {
        this.claims = database.getCollection(COLLECTION);
        this.commandLog = commandLog;
        this.backfilled = backfilled;
    }

    /**
     * Kinds one collection claims already, each refusing the others with its own code (ADR 0035 items 8, 19, 27, 28: {@code
     * freezone_act_documents} holds the registrations' acts, their fee receipts, the zones' decisions and the land-fee exemptions'
     * decisions): left to that rule, so that its
     * codes ({@code freezone.document-cited-elsewhere}, {@code freezone.decision-cited-already}, ...) answer as before.
     */
    static final Set<DocumentKind> ONE_COLLECTION = Set.of(DocumentKind.ZONE_REGISTRATION_ACT, DocumentKind.ZONE_REGISTRATION_FEE,
            DocumentKind.ZONE_DECISION, DocumentKind.LAND_FEE_EXEMPTION_DECISION);

    /**
     * Whether an act of kind {@code a} passes a document an act of kind {@code b} holds, leaving it to the kinds' own rules: the same kind
     * (its own one-act rule decides), kinds one collection judges already ({@link #ONE_COLLECTION}), or a pair of {@link #SHARED}.
     */
    public static boolean share(DocumentKind a, DocumentKind b) {
        return a == b || (ONE_COLLECTION.contains(a) && ONE_COLLECTION.contains(b)) || SHARED.containsKey(Set.of(a, b));
    }

    /**
     * Claims {@code sha256} for this command's act of {@code kind}; refuses one an act of another kind holds. Returns whether this
     * command holds the claim ({@code false}: no well-formed hash, the aggregate refuses it; or an act of a kind that shares it holds it).
     */
    public boolean claim(String sha256, DocumentKind kind, String commandId, String field, String article, Instant at) {
        if (!DocumentRef.isSha256Hex(sha256)) {
            return false;
        }
        awaitBackfill();
        String key = sha256.toLowerCase(Locale.ROOT);
        Document claim = claimOf(key, kind, commandId, at);
        for (int attempt = 0; attempt < 3; attempt++) {
            if (inserted(claim)) {
                return true;
            }
            Document holder = claims.find(Filters.eq("_id", key)).first();
            if (holder == null) {
                continue; // released meanwhile: try again
            }
            if (commandId.equals(holder.getString("commandId"))) {
                return true; // the same command again (ADR 0002)
            }
            Optional<DocumentKind> holding = DocumentKind.ofCode(holder.getString("kind"));
            if (held(holder)) {
                if (holding.isPresent() && share(kind, holding.get())) {
                    return false; // the kind's own rule, or the shared pair's, decides
                }
                throw refusal(holding.orElse(null), field, article);
            }
            // its command no longer holds it (refused, its release lost in a stop): take it over if nobody else did
            claims.deleteOne(Filters.and(Filters.eq("_id", key), Filters.eq("commandId", holder.getString("commandId"))));
        }
        throw refusal(null, field, article);
    }

    /**
     * After an act stored on a document it did not claim (one of its kind, or of a sharing kind, held it): keeps the document claimed
     * under this act's kind should the holder's claim have been released meanwhile (its act refused). One insert, answered by a
     * duplicate key in the usual case.
     */
    public void adopt(String sha256, DocumentKind kind, String commandId, Instant at) {
        if (DocumentRef.isSha256Hex(sha256)) {
            inserted(claimOf(sha256.toLowerCase(Locale.ROOT), kind, commandId, at));
        }
    }

    /** Releases this command's claim of the document (the command was refused: nothing was stored). */
    public void release(String sha256, String commandId) {
        if (DocumentRef.isSha256Hex(sha256)) {
            RegistryWideClaim.release(claims, sha256.toLowerCase(Locale.ROOT), commandId);
        }
    }

    /**
     * Runs {@code act} with the document claimed for it: claimed first, released when the act is refused, adopted when the act is stored
     * on a document a sharing act held.
     */
    public <T> T claimedFor(String sha256, DocumentKind kind, CommandContext context, String field, String article, Supplier<T> act) {
        boolean holds = claim(sha256, kind, context.commandId(), field, article, context.receivedAt());
        T answer;
        try {
            answer = act.get();
        } catch (RuntimeException refused) {
            if (holds) {
                release(sha256, context.commandId());
            }
            throw refused;
        }
        if (!holds) {
            adopt(sha256, kind, context.commandId(), context.receivedAt());
        }
        return answer;
    }

    /** The kind that holds the document now, if a held claim names one (tests and the backfill's check). */
    public Optional<DocumentKind> holder(String sha256) {
        if (!DocumentRef.isSha256Hex(sha256)) {
            return Optional.empty();
        }
        Document holder = claims.find(Filters.eq("_id", sha256.toLowerCase(Locale.ROOT))).first();
        return holder == null || !held(holder) ? Optional.empty() : DocumentKind.ofCode(holder.getString("kind"));
    }

    void backfillDone() {
        backfilled.countDown();
    }

    MongoCollection<Document> collection() {
        return claims;
    }

    private boolean held(Document holder) {
        String command = holder.getString("commandId");
        return command != null && (command.startsWith(BACKFILL) || commandLog.find(command).isPresent());
    }

    private boolean inserted(Document claim) {
        try {
            claims.insertOne(claim);
            return true;
        } catch (MongoException e) {
            if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return false;
        }
    }

    static Document claimOf(String key, DocumentKind kind, String commandId, Instant at) {
        return new Document("_id", key).append("kind", kind.code()).append("commandId", commandId).append("claimedAt", at.toString());
    }

    // ADR 0057 (abuse audit O111, O110): one document is the record of acts of one kind; it names the kind that holds it, never the act,
    // the permit, the registration or the person
    static RegistryProblem refusal(DocumentKind holder, String field, String article) {
        String code = holder == null ? DocumentKind.REFUSAL_CODE : holder.refusalCode();
        return new RegistryProblem(RegistryProblem.Kind.CONFLICT, code, "This document is cited already as " + (holder == null
                ? "the document of another kind of act" : holder.english()) + "; " + article + " records this act with a document of its own.",
                field, article);
    }

    private void awaitBackfill() {
        try {
            if (backfilled.await(60, TimeUnit.SECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // the code (and its messages) of the company claims' backfill, written as CompanyPermitClaimsBackfill writes it
        throw new mn.registry.kernel.problem.RegistryProblem(mn.registry.kernel.problem.RegistryProblem.Kind.UNAVAILABLE,
                "registry.claims-not-ready", "The registry is still claiming the documents of acts stored before ADR 0057; retry in a minute.",
                null, null);
    }
}
