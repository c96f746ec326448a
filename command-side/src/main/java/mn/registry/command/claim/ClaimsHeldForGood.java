package mn.registry.command.claim;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * ADR 0070: the documents' claims this node knows are held for good, by their kind: claims of acts it stored ({@link DocumentClaims#stored})
 * and the backfill's (held for ever). Such a claim never changes hands: a stored act's command stays in the command log, which is what
 * holds a claim, and only the command's own refusal releases it (ADR 0057), so nothing here goes stale, on this node or another. An act of
 * the same kind, whose acts share the document whoever holds it ({@code MANY_ACTS}), passes on the insert's duplicate key without the read of
 * the claim. Bounded: past {@value #LIMIT} documents it starts again (a miss costs the read it saves, nothing else). Session 28 (F462, was
 * O290): the claim's company is remembered with its kind, so that a kind shared within one company ({@link DocumentKind#sharedWithinOneCompany})
 * passes another company's act on no duplicate key: that act reads the claim and is refused.
 */
final class ClaimsHeldForGood {

    static final int LIMIT = 20_000;

    private final Map<String, Held> kinds = new ConcurrentHashMap<>();

    /** A claim held for good: its kind, the company it names and the paper its holder named it as (null: none, or not known; ADR 0057 item 17). */
    private record Held(DocumentKind kind, String company, String paper) {
    }

    /**
     * Remembers that {@code sha256}'s claim is {@code kind}'s for good, naming {@code company} and {@code paper} (null: none, or not known;
     * ADR 0057 item 17, F509: a power of attorney is shared as one only): its command's act is stored (or the
     * backfill holds it). Only a kind whose
     * acts share a document is kept: a {@code ONE_ACT} kind's claim may be adopted by a Free Zone act judged with its own, under that act's
     * kind (ADR 0057, session 22), and is never passed on a duplicate key anyway.
     */
    void remember(String sha256, DocumentKind kind, String company, String paper) {
        if (kind.acts().namesItsGrounds() || DocumentClaims.ONE_COLLECTION.contains(kind)) {
            return;
        }
        if (kinds.size() >= LIMIT) {
            kinds.clear();
        }
        kinds.put(sha256, new Held(kind, company, paper));
    }

    /**
     * Whether {@code sha256}'s claim is held for good by {@code kind}, whose acts share a document whoever holds it: for an act of
     * {@code company} (null: none named) naming it in {@code field}, within one company only where the kind says so.
     */
    boolean sharedByItsKind(String sha256, DocumentKind kind, String field, String company) {
        Held held = kinds.get(sha256);
        return !kind.acts().namesItsGrounds() && held != null && held.kind() == kind
                && !DocumentClaims.anotherCompanysPaper(kind, field, company, held.company(), held.paper());
    }
}
