package mn.registry.command.claim;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import mn.registry.kernel.permit.Company;
import mn.registry.kernel.permit.DocumentRef;
import mn.registry.kernel.permit.PermitApplicationRegistered;
import mn.registry.kernel.permit.PermitChangeReported;
import mn.registry.kernel.permit.PermitTransferred;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * ADR 0057 item 10, session 28 (abuse audit F463, was O293): the claims of a permit application's documents and of a change report written
 * before session 27 name no company ({@value DocumentClaims#COMPANY}), so a company's own papers stayed refused to its own report or
 * application across kinds, and (item 8) passed within the kind to another company's application. Once per registry, in
 * {@link DocumentClaimsBackfill}'s pass over the store and under a marker of its own ({@value #MARKER}), this names the company on each such
 * claim: a {@code permit-application-document}'s, the company of the application its grounds name ({@code PermitApplicationRegistered.company});
 * a {@code change-report}'s, the permit's holder at the report's receipt (the applicant, or the successor of the transfers stored before the
 * report: the store's order), as {@code ReportPermitChange} names it since session 27. Only a state registration number is written (a
 * foreign company's number is none, as {@code PermitCommandTypes.companyNamed}).
 *
 * <p>Each claim is written alone, with {@code $set} only where {@code company} is still missing (no transaction: a single-document update,
 * atomic on the embedded server and on a replica set; a claim written meanwhile by a command, which names its company, is never changed). A
 * start stopped half-way leaves the marker unwritten, and the next start names what is left; a run again names nothing twice. A claim whose
 * record the store does not know (its application or report unknown: a stale claim of a refused command) is left as it is, and counted.
 */
public final class CompanyOnClaimsBackfill {

    private static final Logger log = LoggerFactory.getLogger(CompanyOnClaimsBackfill.class);
    /** The step's marker's id in {@value DocumentClaims#COLLECTION}: never a SHA-256, so never a claim. */
    public static final String MARKER = "backfill:adr-0057:companies";
    /** How often the step logs its progress, in claims named. */
    static final int PROGRESS_EVERY = 1_000;

    /** The company each stored application names, by its id. */
    private final Map<String, String> applicants = new HashMap<>();
    /** The holder of each permit as the pass reaches it: the applicant, then each successor. */
    private final Map<String, String> holders = new HashMap<>();
    /** The holder at each stored report's receipt, by the report's document. */
    private final Map<String, String> reporters = new HashMap<>();

    /** Reads one stored event, in the store's order. */
    public void accept(Object payload) {
        if (payload instanceof PermitApplicationRegistered registered && registered.applicationId() != null) {
            String company = numberOf(registered.company());
            applicants.put(registered.applicationId().value(), company);
            holders.put(registered.applicationId().value(), company);
        } else if (payload instanceof PermitTransferred transferred && transferred.applicationId() != null) {
            holders.put(transferred.applicationId().value(), numberOf(transferred.successor()));
        } else if (payload instanceof PermitChangeReported reported && reported.applicationId() != null
                && DocumentRef.isSha256Hex(reported.documentSha256())) {
            reporters.putIfAbsent(reported.documentSha256().toLowerCase(Locale.ROOT), holders.get(reported.applicationId().value()));
        }
    }

    private static String numberOf(Company company) {
        String number = company == null ? null : company.registrationNumber();
        return number != null && number.matches("[0-9]{7}") ? number : null;
    }

    /**
     * Names the company on each claim of the two kinds that names none, at most {@code atMost} of them (the registry passes
     * {@link Long#MAX_VALUE}; a smaller number is a start stopped half-way, in the tests); answers the counts for the marker.
     */
    public Document name(MongoCollection<Document> claims, long atMost) {
        List<Document> unnamed = claims.find(Filters.and(Filters.in("kind", DocumentKind.PERMIT_APPLICATION_DOCUMENT.code(), DocumentKind.CHANGE_REPORT.code()),
                Filters.exists(DocumentClaims.COMPANY, false))).projection(Projections.include("kind", DocumentClaims.GROUNDS)).into(new ArrayList<>());
        long named = 0;
        long unknown = 0;
        for (Document claim : unnamed) {
            if (named >= atMost) {
                break;
            }
            String company = companyOf(claim);
            if (company == null) {
                unknown++;
                continue;
            }
            named += claims.updateOne(Filters.and(Filters.eq("_id", claim.get("_id")), Filters.exists(DocumentClaims.COMPANY, false)),
                    Updates.set(DocumentClaims.COMPANY, company)).getModifiedCount();
            if (named > 0 && named % PROGRESS_EVERY == 0) {
                log.info("companies on the claims (ADR 0057 item 10): {} of {} claims named", named, unnamed.size());
            }
        }
        log.info("companies on the claims (ADR 0057 item 10): {} of {} claims without a company named, {} whose act the store does not know left",
                named, unnamed.size(), unknown);
        return new Document("named", named).append("unnamed", unnamed.size()).append("unknown", unknown);
    }

    // an application's paper: the company of the application its claim grounds; a report's: the holder at the report's receipt
    private String companyOf(Document claim) {
        if (DocumentKind.CHANGE_REPORT.code().equals(claim.getString("kind"))) {
            return reporters.get(String.valueOf(claim.get("_id")));
        }
        String grounds = claim.getString(DocumentClaims.GROUNDS);
        String prefix = DocumentClaims.Grounds.PERMIT.of("");
        return grounds == null || !grounds.startsWith(prefix) ? null : applicants.get(DocumentClaims.Grounds.record(grounds).substring(prefix.length()));
    }
}
