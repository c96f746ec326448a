package mn.registry.command.claim;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import mn.registry.kernel.freezone.RegistrationEvents;
import mn.registry.kernel.freezone.SubmittedZoneDocument;
import mn.registry.kernel.permit.DocumentRef;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * ADR 0057 item 18, session 29 (abuse audit F509, was O355; 003 art. 12.1.2): the claims of a Free Zone application's papers written before
 * session 29 name no paper ({@value DocumentClaims#PAPER}), so one agent's power of attorney, shared by several foreign entities, was judged
 * on the citing field alone, and another entity's incorporation document passed as a power of attorney. Once per registry, in
 * {@link DocumentClaimsBackfill}'s pass over the store and under a marker of its own ({@value #MARKER}), this names on each such claim the
 * paper the application its grounds name (the registration of the first application naming it, as the command and
 * {@link ApplicationDocumentClaims} write it) named it as: {@code documents.<kind>} of {@code ZoneRegistrationApplied.documents}, the first
 * such entry of that application, as the command's claim takes the first.
 *
 * <p>Each claim is written alone, with {@code $set} only where {@code paper} is still missing (a single-document update; a claim written
 * meanwhile by a command names its paper and is never changed). A start stopped half-way leaves the marker unwritten, and the next start
 * names what is left; a run again names nothing twice. A claim whose application the store does not know (a stale claim of a refused
 * command) is left as it is, read as "not known", and counted.
 */
public final class PaperOnClaimsBackfill {

    private static final Logger log = LoggerFactory.getLogger(PaperOnClaimsBackfill.class);
    /** The step's marker's id in {@value DocumentClaims#COLLECTION}: never a SHA-256, so never a claim. */
    public static final String MARKER = "backfill:adr-0057:papers";

    /** The paper each stored application named each document as, by the application's grounds and the document. */
    private final Map<String, String> papers = new HashMap<>();

    /** Reads one stored event, in the store's order. */
    public void accept(Object payload) {
        if (payload instanceof RegistrationEvents.ZoneRegistrationApplied application && application.registrationId() != null
                && application.documents() != null) {
            String grounds = DocumentClaims.Grounds.REGISTRATION.of(application.registrationId().stream());
            for (SubmittedZoneDocument d : application.documents()) {
                if (d != null && d.kind() != null && DocumentRef.isSha256Hex(d.sha256())) {
                    papers.putIfAbsent(keyOf(grounds, d.sha256().toLowerCase(Locale.ROOT)), "documents." + d.kind().name());
                }
            }
        }
    }

    private static String keyOf(String grounds, String sha256) {
        return grounds + " " + sha256;
    }

    /**
     * Names the paper on each claim of {@code zone-application-document} that names none, at most {@code atMost} of them (the registry passes
     * {@link Long#MAX_VALUE}; a smaller number is a start stopped half-way, in the tests); answers the counts for the marker.
     */
    public Document name(MongoCollection<Document> claims, long atMost) {
        List<Document> unnamed = claims.find(Filters.and(Filters.eq("kind", DocumentKind.ZONE_APPLICATION_DOCUMENT.code()),
                Filters.exists(DocumentClaims.PAPER, false))).projection(Projections.include(DocumentClaims.GROUNDS)).into(new ArrayList<>());
        long named = 0;
        long unknown = 0;
        for (Document claim : unnamed) {
            if (named >= atMost) {
                break;
            }
            String paper = papers.get(keyOf(claim.getString(DocumentClaims.GROUNDS), String.valueOf(claim.get("_id"))));
            if (paper == null) {
                unknown++;
                continue;
            }
            named += claims.updateOne(Filters.and(Filters.eq("_id", claim.get("_id")), Filters.exists(DocumentClaims.PAPER, false)),
                    Updates.set(DocumentClaims.PAPER, paper)).getModifiedCount();
        }
        log.info("papers on the claims (ADR 0057 item 18): {} of {} zone application claims without a paper named, {} whose application the "
                + "store does not know left (not known)", named, unnamed.size(), unknown);
        return new Document("named", named).append("unnamed", unnamed.size()).append("unknown", unknown);
    }
}
