package mn.registry.command.claim;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import mn.registry.command.backfill.BackfillMarker;
import mn.registry.command.backfill.StartupBackfill;
import mn.registry.kernel.identity.PersonEnrolled;
import mn.registry.kernel.identity.SignerCertificateRevoked;
import mn.registry.kernel.permit.CertificateDatabasePassedOn;
import mn.registry.kernel.permit.DocumentRef;
import mn.registry.kernel.permit.PermitDutyFulfilled;
import mn.registry.kernel.permit.PermitIssued;
import mn.registry.kernel.permit.PermitSuspended;
import mn.registry.kernel.permit.PermitTransferred;
import mn.registry.kernel.permit.RevocationComplaintDecided;
import mn.registry.kernel.permit.RevocationComplaintFiled;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * ADR 0057 item 3: the documents acts claimed before the registry-wide claim across kinds are found by it. Once per registry, at start,
 * it copies every claim of the kinds' own collections into {@value DocumentClaims#COLLECTION} under its kind (keeping the claim's
 * command, so a claim that was stale stays stale), and claims under {@link DocumentKind#IDENTITY_ORDER} the documents of the identity
 * acts stored (enrolments and revocations: read in the one pass over the store the start-up backfills share, ADR 0044; those acts
 * never claimed their document). A claim already there is left alone (a duplicate key), so a second node starting at the same time, or
 * a start stopped half-way and run again, claims nothing twice. Then it writes its marker and lets the claims be judged. Since session 19
 * (one claim, one insert: the kinds' collections are no longer used) it moves their claims with the act each grounds, names it on the
 * claims written without it, and reports in the log, never overwrites, a claim another kind holds. Since session 22 (F280, was O155) the
 * same pass, under a marker of its own ({@value DutyLetterArticles#MARKER}: a registry whose third round ran runs this step alone), names
 * on each duty's letter claimed in the old form the article of the stored duty done on it ({@link DutyLetterArticles}); a claim waits for
 * both. Since session 22's Free Zone round 18 (F301, was O167) likewise, under {@value CourtDecisionClaims#MARKER}, the claim of each
 * stored court decision's document is re-kinded to {@code zone-court-decision} ({@link CourtDecisionClaims}). Since session 23 (F357) and 24
 * (F374) the stored Free Zone and permit applications' documents are claimed ({@link ApplicationDocumentClaims}), each under its own marker.
 * Since session 28 (F463, was O293) the claims of a permit application's documents and of a change report written without a company are
 * given it ({@link CompanyOnClaimsBackfill}), under its own marker. Since session 29 (F509, was O355) the claims of a Free Zone application's
 * papers written without the paper they were named as are given it ({@link PaperOnClaimsBackfill}), last, under its own marker.
 */
@Component
class DocumentClaimsBackfill implements StartupBackfill {

    private static final Logger log = LoggerFactory.getLogger(DocumentClaimsBackfill.class);
    /**
     * The marker's id: never a SHA-256, so never a claim. Its second round (session 18, O116: the permit acts that cite a document claim
     * it now) runs once more where the first ran: what the first claimed is a duplicate key, the stored acts' documents are new. Its third
     * (session 19: one claim, one insert; the kinds' own collections are no longer used) moves the kinds' claims once more, now naming
     * the permit each grounds ({@value DocumentClaims#GROUNDS}), and names it on the claims the first two rounds and the commands
     * since wrote without it, so that a {@code ONE_ACT} kind's rule finds every stored act's permit.
     */
    static final String MARKER = "backfill:adr-0057:3";

    /** A holder's reported receipt's key in {@code freezone_land_fee_receipts} (LandFeeReceiptClaims.reportKey); the governor's are paper receipts. */
    static final String LAND_REPORT_KEY = "SHA256:";

    /**
     * The kinds' own claim collections, each claim {@code {_id: key, commandId, ...}} read as the kind it is (null: not a document's
     * claim). Their names as their classes declared them before session 19 (StampDutyProofs, InsurancePolicies, InspectionFindings,
     * TaxAuthorityDocuments, ChangeReportDocuments, ActDocumentClaims, ZoneDecisionDocuments and ExemptionDecisionClaims,
     * LandFeeReceiptClaims' reported receipts); since then no code writes them, and their data is left in place (ADR 0057, session 19).
     */
    static final Map<String, Function<Document, DocumentKind>> SOURCES = Map.of(
            "stamp_duty_proofs", claim -> DocumentKind.STAMP_DUTY_PROOF,
            "permit_insurance_policies", claim -> DocumentKind.INSURANCE_POLICY,
            "permit_inspection_findings", claim -> DocumentKind.INSPECTION_FINDINGS,
            "permit_tax_authority_documents", claim -> DocumentKind.TAX_AUTHORITY_DOCUMENT,
            "permit_change_documents", claim -> DocumentKind.CHANGE_REPORT,
            "freezone_act_documents", DocumentClaimsBackfill::freeZoneActKind,
            "freezone_land_fee_receipts", claim -> String.valueOf(claim.get("_id")).startsWith(LAND_REPORT_KEY) ? DocumentKind.LAND_FEE_RECEIPT : null);

    private final MongoDatabase database;
    private final DocumentClaims claims;
    private final Clock clock;
    /** Session 22 (F280, was O155): the duty letters' articles named, once per registry after the rounds above. */
    private final BackfillMarker articlesNamed;
    /** Session 22, Free Zone round 18 (F301, was O167): the stored court decisions' claims re-kinded, once per registry. */
    private final BackfillMarker courtDecisionsRekinded;
    /** Session 23, Free Zone round 20 (F357): the stored applications' documents claimed, once per registry. */
    private final BackfillMarker applicationDocumentsClaimed;
    /** Session 24, permits round 20 (F374, was O209): the stored permit applications' documents claimed, once per registry. */
    private final BackfillMarker permitApplicationDocumentsClaimed;
    /** Session 28 (F463, was O293): the company named on the claims of the two kinds written before session 27, once per registry. */
    private final BackfillMarker companiesNamed;
    /** Session 29 (F509, was O355): the paper named on the claims of the Free Zone applications' papers written before it, once per registry. */
    private final BackfillMarker papersNamed;
    /** What became of the claims this start moved, for its log line and marker. */
    private final Map<Placed, Integer> tally = java.util.Collections.synchronizedMap(new java.util.EnumMap<>(Placed.class));

    DocumentClaimsBackfill(MongoDatabase database, DocumentClaims claims, Clock clock) {
        this.database = database;
        this.claims = claims;
        this.clock = clock;
        this.articlesNamed = new BackfillMarker(claims.collection(), DutyLetterArticles.MARKER);
        this.courtDecisionsRekinded = new BackfillMarker(claims.collection(), CourtDecisionClaims.MARKER);
        this.applicationDocumentsClaimed = new BackfillMarker(claims.collection(), ApplicationDocumentClaims.MARKER);
        this.permitApplicationDocumentsClaimed = new BackfillMarker(claims.collection(), ApplicationDocumentClaims.PERMIT_MARKER);
        this.companiesNamed = new BackfillMarker(claims.collection(), CompanyOnClaimsBackfill.MARKER);
        this.papersNamed = new BackfillMarker(claims.collection(), PaperOnClaimsBackfill.MARKER);
    }

    @Override
    public String name() {
        return "one claim per document (ADR 0057)";
    }

    @Override
    public boolean due() {
        return claimsMoved() || articlesNamed.missing() || courtDecisionsRekinded.missing()
                || applicationDocumentsClaimed.missing() || permitApplicationDocumentsClaimed.missing() || companiesNamed.missing()
                || papersNamed.missing();
    }

    // the third round's marker missing: the kinds' claims and the stored acts' documents still to be claimed
    private boolean claimsMoved() {
        return claims.collection().find(Filters.eq("_id", MARKER)).first() == null;
    }

    @Override
    public void skipped() {
        claims.backfillDone();
    }

    @Override
    public Pass begin() {
        long started = System.nanoTime();
        Set<String> identityDocuments = new LinkedHashSet<>();
        Map<String, Cited> citedByStoredActs = new java.util.LinkedHashMap<>();
        boolean moving = claimsMoved();
        boolean naming = articlesNamed.missing();
        DutyLetterArticles dutyLetters = new DutyLetterArticles();
        boolean rekinding = courtDecisionsRekinded.missing();
        CourtDecisionClaims courtDecisions = new CourtDecisionClaims();
        boolean claimingApplications = applicationDocumentsClaimed.missing();
        ApplicationDocumentClaims applications = ApplicationDocumentClaims.zone();
        boolean claimingPermitApplications = permitApplicationDocumentsClaimed.missing();
        ApplicationDocumentClaims permitApplications = ApplicationDocumentClaims.permit();
        boolean namingCompanies = companiesNamed.missing();
        CompanyOnClaimsBackfill companies = new CompanyOnClaimsBackfill();
        boolean namingPapers = papersNamed.missing();
        PaperOnClaimsBackfill papers = new PaperOnClaimsBackfill();
        return new Pass() {
            @Override
            public void accept(TrackedEventMessage<?> event) {
                Object payload = event.getPayload();
                dutyLetters.accept(payload);
                courtDecisions.accept(payload);
                applications.accept(payload);
                permitApplications.accept(payload);
                companies.accept(payload);
                papers.accept(payload);
                if (payload instanceof PersonEnrolled enrolled && enrolled.documentSha256() != null) {
                    identityDocuments.add(enrolled.documentSha256());
                } else if (payload instanceof SignerCertificateRevoked revoked && revoked.documentSha256() != null) {
                    identityDocuments.add(revoked.documentSha256());
                } else {
                    // O116: the acts that cited a document without claiming it, the first in the store's order holding it
                    citedDocument(payload).ifPresent(cited -> citedByStoredActs.putIfAbsent(cited.sha256(), cited));
                }
            }

            @Override
            public void finish(long read) {
                try {
                    if (moving) {
                        moveTheClaims(read);
                    }
                    if (naming) { // after the claims are moved: the third round writes the stored duties' letters in the old form
                        articlesNamed.write(clock.instant(), dutyLetters.name(claims.collection()));
                    }
                    if (rekinding) { // after the claims are moved: the third round writes the stored decisions' claims in the old kind
                        courtDecisionsRekinded.write(clock.instant(), courtDecisions.rekind(claims.collection()));
                    }
                    if (claimingApplications) { // after the claims are moved: a stored act's claim of another kind is left as it is
                        applicationDocumentsClaimed.write(clock.instant(), applications.claim(claims.collection(), clock.instant()));
                    }
                    if (claimingPermitApplications) { // likewise: a stored permit act's claim of another kind is left as it is
                        permitApplicationDocumentsClaimed.write(clock.instant(), permitApplications.claim(claims.collection(), clock.instant()));
                    }
                    if (namingCompanies) { // last: the claims the steps above wrote for stored applications are named too
                        companiesNamed.write(clock.instant(), companies.name(claims.collection(), Long.MAX_VALUE));
                    }
                    if (namingPapers) { // after the stored applications' documents are claimed: the claims that step wrote are named too
                        papersNamed.write(clock.instant(), papers.name(claims.collection(), Long.MAX_VALUE));
                    }
                } finally {
                    claims.backfillDone();
                }
            }

            private void moveTheClaims(long read) {
                int copied = copyTheKindsClaims();
                int identity = 0;
                for (String sha256 : identityDocuments) {
                    identity += placed(sha256, DocumentKind.IDENTITY_ORDER, null, BACKFILLED_IDENTITY_ACT, "the stored identity acts") == Placed.CLAIMED ? 1 : 0;
                }
                int cited = 0;
                for (Cited document : citedByStoredActs.values()) {
                    cited += placed(document.sha256(), document.kind(), document.grounds(), DocumentClaims.BACKFILL + ":" + document.kind().code(),
                            "the stored acts") == Placed.CLAIMED ? 1 : 0;
                }
                claims.collection().updateOne(Filters.eq("_id", MARKER), new Document("$set", new Document("at", clock.instant().toString())
                        .append("copied", copied).append("identity", identity).append("cited", cited)
                        .append("named", tally.getOrDefault(Placed.NAMED, 0)).append("leftToAnotherKind", tally.getOrDefault(Placed.ANOTHER_KINDS, 0))),
                        new com.mongodb.client.model.UpdateOptions().upsert(true));
                log.info("one claim per document (ADR 0057): {} claims moved from the kinds' collections, {} documents of identity acts "
                        + "and {} of permit acts claimed, {} claims given the act they ground, {} left to another kind (read {} events) in {} ms",
                        copied, identity, cited, tally.getOrDefault(Placed.NAMED, 0), tally.getOrDefault(Placed.ANOTHER_KINDS, 0), read,
                        (System.nanoTime() - started) / 1_000_000);
            }
        };
    }

    /**
     * The stored permit acts that cited a document without claiming it before session 18's second round (O116): each event's class, the
     * document it names and the kind that claims it now (read as {@code PermitPublicRecords.mappers()} reads the public parts). A
     * suspension's evidence is its findings' or tax request's, copied from their collections first.
     */
    static final Map<Class<?>, CitingAct> CITING_ACTS = Map.ofEntries(
            citing(PermitIssued.class, PermitIssued::contractSha256, DocumentKind.PERMIT_CONTRACT),
            citing(PermitDutyFulfilled.class, PermitDutyFulfilled::evidenceSha256, DocumentKind.DUTY_EVIDENCE),
            citing(PermitSuspended.class, PermitSuspended::evidenceSha256, DocumentKind.SUSPENSION_EVIDENCE),
            citing(RevocationComplaintFiled.class, RevocationComplaintFiled::complaintSha256, DocumentKind.REVOCATION_COMPLAINT),
            citing(RevocationComplaintDecided.class, RevocationComplaintDecided::decisionSha256, DocumentKind.COMPLAINT_DECISION),
            citing(PermitTransferred.class, PermitTransferred::evidenceSha256, DocumentKind.REORGANISATION_EVIDENCE),
            citing(CertificateDatabasePassedOn.class, CertificateDatabasePassedOn::contractSha256, DocumentKind.CERTIFICATE_DATABASE_CONTRACT));

    /** What a stored act of one event class cites: its document, and the kind that claims it. */
    record CitingAct(Function<Object, String> document, DocumentKind kind) {
    }

    private static <E> Map.Entry<Class<?>, CitingAct> citing(Class<E> event, Function<E, String> document, DocumentKind kind) {
        return Map.entry(event, new CitingAct(payload -> document.apply(event.cast(payload)), kind));
    }

    /** The document a stored permit act of {@link #CITING_ACTS} cited, with the kind it claims and its permit; empty for every other event. */
    static java.util.Optional<Cited> citedDocument(Object payload) {
        CitingAct act = CITING_ACTS.get(payload.getClass());
        String sha256 = act == null ? null : act.document().apply(payload);
        if (sha256 == null || !DocumentRef.isSha256Hex(sha256)) {
            return java.util.Optional.empty();
        }
        Object permit = mn.registry.command.api.TargetByRecordComponent.read(payload, "applicationId"); // each of these events names its permit
        return java.util.Optional.of(new Cited(sha256.toLowerCase(Locale.ROOT), act.kind(), permit instanceof mn.registry.kernel.permit.ApplicationId id
                ? DocumentClaims.Grounds.PERMIT.of(id.value()) : null));
    }

    /** A document a stored permit act cited, the kind it claims and the permit it grounds. */
    record Cited(String sha256, DocumentKind kind, String grounds) {
    }

    /** The command id of a claim of an identity act stored before the rule (held for ever, {@link DocumentClaims#BACKFILL}). */
    static final String BACKFILLED_IDENTITY_ACT = DocumentClaims.BACKFILL + ":identity";

    /**
     * Moves every claim of the kinds' own collections; answers how many were new here. A document two kinds claimed before the rule
     * (both acts stay stored and replay) goes to the kind that claimed it first ({@code claimedAt}), then the collections' order; the
     * other kind's claim is reported in the log. A permit kind's claim names the permit it grounds ({@code applicationId}).
     */
    int copyTheKindsClaims() {
        Map<String, Document> first = new java.util.TreeMap<>();
        for (Map.Entry<String, Function<Document, DocumentKind>> source : new java.util.TreeMap<>(SOURCES).entrySet()) {
            for (Document claim : database.getCollection(source.getKey()).find()) {
                DocumentKind kind = source.getValue().apply(claim);
                String key = String.valueOf(claim.get("_id"));
                String sha256 = (key.startsWith(LAND_REPORT_KEY) ? key.substring(LAND_REPORT_KEY.length()) : key).toLowerCase(Locale.ROOT);
                String command = claim.getString("commandId");
                if (kind == null || command == null || !DocumentRef.isSha256Hex(sha256)) {
                    continue;
                }
                Document found = new Document("kind", kind.code()).append("commandId", command).append("claimedAt", String.valueOf(claim.get("claimedAt")))
                        .append("grounds", groundsOf(claim)).append("from", source.getKey());
                Document earlier = first.get(sha256);
                if (earlier == null || found.getString("claimedAt").compareTo(earlier.getString("claimedAt")) < 0) {
                    first.put(sha256, found);
                    found = earlier;
                }
                if (found != null) {
                    log.warn("one claim per document (ADR 0057): document {} was claimed as {} in {} and as {} in {} before the rule; it is "
                            + "claimed as the first ({}), the other claim is left", sha256, found.getString("kind"), found.getString("from"),
                            first.get(sha256).getString("kind"), first.get(sha256).getString("from"), first.get(sha256).getString("kind"));
                }
            }
        }
        int copied = 0;
        for (Map.Entry<String, Document> claim : first.entrySet()) {
            copied += placed(claim.getKey(), DocumentKind.ofCode(claim.getValue().getString("kind")).orElseThrow(), claim.getValue().getString("grounds"),
                    claim.getValue().getString("commandId"), claim.getValue().getString("from")) == Placed.CLAIMED ? 1 : 0;
        }
        return copied;
    }

    /**
     * The act a claim of the kinds' collections grounds, as the one claim names it: a permit ({@code applicationId}), a Free Zone
     * registration ({@code registrationId}), a zone's decision ({@code zoneId}; a land-fee exemption's decision names none, its acts
     * share it); null for the rest.
     */
    static String groundsOf(Document claim) {
        if (claim.getString("applicationId") != null) {
            return DocumentClaims.Grounds.PERMIT.of(claim.getString("applicationId"));
        }
        if (claim.getString("registrationId") != null) {
            return DocumentClaims.Grounds.REGISTRATION.of(claim.getString("registrationId"));
        }
        if (claim.getString("licenceId") != null) {
            return DocumentClaims.Grounds.licence(claim.getString("licenceId"), claim.getString("zoneId"));
        }
        if (claim.getString("zoneId") != null && !"land-fee exemption".equals(claim.getString("act"))) {
            return DocumentClaims.Grounds.ZONE.of(claim.getString("zoneId"));
        }
        return null;
    }

    /** What became of a claim the backfill moved. */
    enum Placed { CLAIMED, NAMED, THERE, ANOTHER_KINDS }

    /**
     * Claims {@code sha256} as {@code kind} (a duplicate key when a command, another node's backfill or a round before claimed it); a claim
     * of the kind already there that names no grounds is given {@code grounds} (a claim of a round before, or of a command before session
     * 19); a claim another kind holds is left as it is and reported in the log, never overwritten.
     */
    private Placed placed(String sha256, DocumentKind kind, String grounds, String command, String from) {
        Placed placed = place(sha256, kind, grounds, command, from);
        tally.merge(placed, 1, Integer::sum);
        return placed;
    }

    private Placed place(String sha256, DocumentKind kind, String grounds, String command, String from) {
        String key = sha256.toLowerCase(Locale.ROOT);
        if (!DocumentRef.isSha256Hex(key)) {
            return Placed.THERE;
        }
        try {
            claims.collection().insertOne(DocumentClaims.claimOf(key, kind, Claimant.grounding(grounds), command, clock.instant()).append("backfilled", true));
            return Placed.CLAIMED;
        } catch (MongoException e) {
            if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        if (grounds != null && claims.collection().updateOne(Filters.and(Filters.eq("_id", key), Filters.eq("kind", kind.code()),
                Filters.exists(DocumentClaims.GROUNDS, false)), new Document("$set", new Document(DocumentClaims.GROUNDS, grounds))).getModifiedCount() > 0) {
            return Placed.NAMED;
        }
        Document holder = claims.collection().find(Filters.eq("_id", key)).first();
        DocumentKind holding = holder == null ? null : DocumentKind.ofCode(holder.getString("kind")).orElse(null);
        if (holder != null && holding != kind && (holding == null || !DocumentClaims.share(kind, holding))) {
            log.warn("one claim per document (ADR 0057): document {} claimed as {} by {} ({}) is held as {} by {}: left as it is", key, kind.code(),
                    command, from, holder.getString("kind"), holder.getString("commandId"));
            return Placed.ANOTHER_KINDS;
        }
        return Placed.THERE;
    }

    // freezone_act_documents holds four kinds (ADR 0035 items 8, 19, 27, 28): the fee receipts, the zones' decisions, the land-fee
    // exemptions' decisions and the registrations' acts
    private static DocumentKind freeZoneActKind(Document claim) {
        String act = claim.getString("act");
        if ("registration fee receipt".equals(act)) {
            return DocumentKind.ZONE_REGISTRATION_FEE;
        }
        if ("land-fee exemption".equals(act)) {
            return DocumentKind.LAND_FEE_EXEMPTION_DECISION;
        }
        return claim.get("zoneId") != null && claim.get("registrationId") == null ? DocumentKind.ZONE_DECISION : DocumentKind.ZONE_REGISTRATION_ACT;
    }
}
