package mn.registry.command.claim;

import com.mongodb.ErrorCategory;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import mn.registry.command.api.CommandContext;
import mn.registry.command.backfill.BackfillDone;
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
import java.util.function.Supplier;

/**
 * The one claim of each document a signed act cites (named {@code OneKindPerDocument} until session 20, when the claim had become the
 * kinds' own rules too). ADR 0057 (choice; abuse audit F185-F189, was O111 and O110; session 19, F215-F219; session 20, F220): a document
 * is claimed registry-wide by the first act
 * that cites it, under the act's {@link DocumentKind}, in one collection ({@value #COLLECTION}: {@code {_id: sha256, kind, commandId,
 * claimedAt, grounds}}), inserted under the unique {@code _id} before the aggregate acts (atomic on every MongoDB server, with the one
 * insert-or-read-back of {@link RegistryWideClaim#take}) and released when the command is refused. One insert per claiming act in the
 * usual case: the kind's "one act per document" rule is the claim's policy ({@link DocumentKind#acts}, judged in {@link #judge}), not a
 * second collection. An act of another kind citing it is refused (409 {@code document.claimed-by-another-act.<holder's kind>}, the field
 * and the article of the act refused), unless the two kinds lawfully share a document ({@link #SHARED}); an act of the holder's own kind
 * is judged by the kind's policy; accepted on a document it did not claim, it keeps the document claimed should the holder's claim be
 * released ({@link #adopt}).
 *
 * <p>A claim is held while its command is in the command log (accepted, or done and stored), as every registry-wide claim; one
 * written by the start-up backfill ({@link DocumentClaimsBackfill}, whose command ids start with {@value #BACKFILL}) is the
 * record of an act stored before this rule and is held for ever.
 */
@Component
public class DocumentClaims {

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
            Set.of(DocumentKind.SUSPENSION_EVIDENCE, DocumentKind.TAX_AUTHORITY_DOCUMENT), "002 art. 28.1",
            // the receipt of the database handed over is the former holder's evidence of its duty to hand it over done (ADR 0057,
            // session 20 round 2): one permit's, as both kinds name their permit
            Set.of(DocumentKind.CERTIFICATE_DATABASE_RECEIPT, DocumentKind.DUTY_EVIDENCE), "002 art. 29.3",
            // ADR 0057, session 24 (abuse audit F373): a company's state registration certificate is the paper it names in its permit
            // application and in its Free Zone application alike (as before the permit application claimed it; limited to one legal
            // entity once the two registers' companies are matched: abuse audit O210, O218)
            Set.of(DocumentKind.PERMIT_APPLICATION_DOCUMENT, DocumentKind.ZONE_APPLICATION_DOCUMENT), "002 art. 25.1.1; 003 art. 12.1.1");

    /**
     * The pairs of kinds that lawfully share one <b>company's</b> papers only (ADR 0057, session 27; abuse audit F449, was O234; F451, was
     * O210): both claims must name the same company ({@value #COMPANY}, its state registration number, {@link #companyOf}); a claim that
     * names none (stored before session 27) is refused across kinds as before. A company's papers describe the company (ADR 0046 item 103):
     * it may report a change on its own application's copy and apply again on the extract its report cited; another company may not.
     */
    public static final Map<Set<DocumentKind>, String> SHARED_BY_ONE_COMPANY = Map.of(
            Set.of(DocumentKind.PERMIT_APPLICATION_DOCUMENT, DocumentKind.CHANGE_REPORT), "002 art. 20.3.3, 25.1.1",
            Set.of(DocumentKind.ZONE_APPLICATION_DOCUMENT, DocumentKind.CHANGE_REPORT), "002 art. 20.3.3; 003 art. 12.1.1");

    /** Every refusal's code, written out so that each has its message in both languages (ProblemMessagesTest). */
    static final List<String> REFUSAL_CODES = List.of(
            "document.claimed-by-another-act.insurance-policy",
            "document.claimed-by-another-act.stamp-duty-proof",
            "document.claimed-by-another-act.tax-authority-document",
            "document.claimed-by-another-act.change-report",
            "document.claimed-by-another-act.inspection-findings",
            "document.claimed-by-another-act.zone-registration-act",
            "document.claimed-by-another-act.zone-court-decision",
            "document.claimed-by-another-act.zone-application-document",
            "document.claimed-by-another-act.zone-registration-fee",
            "document.claimed-by-another-act.zone-decision",
            "document.claimed-by-another-act.zone-resolution",
            "document.claimed-by-another-act.land-fee-exemption-decision",
            "document.claimed-by-another-act.land-fee-receipt",
            "document.claimed-by-another-act.land-selection-result",
            "document.claimed-by-another-act.identity-order",
            "document.claimed-by-another-act.permit-contract",
            "document.claimed-by-another-act.duty-evidence",
            "document.claimed-by-another-act.suspension-evidence",
            "document.claimed-by-another-act.revocation-complaint",
            "document.claimed-by-another-act.complaint-decision",
            "document.claimed-by-another-act.reorganisation-evidence",
            "document.claimed-by-another-act.certificate-database-contract",
            "document.claimed-by-another-act.certificate-database-receipt",
            "document.claimed-by-another-act.revocation-evidence",
            "document.claimed-by-another-act.permit-application-document");

    private final MongoCollection<Document> claims;
    private final CommandLog commandLog;
    /** Done once the backfill ran or was found done; a claim waits for it (the web server may answer meanwhile). */
    private final BackfillDone backfilled;
    /** The claims this node knows are held for good (ADR 0070), by which kind. */
    private final ClaimsHeldForGood heldForGood = new ClaimsHeldForGood();

    @Autowired
    DocumentClaims(MongoDatabase database, CommandLog commandLog) {
        this(database, commandLog, new BackfillDone());
    }

    /** A claim store whose backfill is done (tests, and tools on a registry started before). */
    public static DocumentClaims backfilled(MongoDatabase database, CommandLog commandLog) {
        BackfillDone done = new BackfillDone();
        done.done();
        return new DocumentClaims(database, commandLog, done);
    }

    private DocumentClaims(MongoDatabase database, CommandLog commandLog, BackfillDone backfilled) {
        this.claims = database.getCollection(COLLECTION);
        this.commandLog = commandLog;
        this.backfilled = backfilled;
    }

    /**
     * The Free Zone's kinds that refuse each other with their own codes (ADR 0035 items 8, 19, 27, 28: before session 19 one collection,
     * {@code freezone_act_documents}, held the registrations' acts, their fee receipts, the zones' decisions and the land-fee exemptions'
     * decisions), so that {@code freezone.document-cited-elsewhere}, {@code freezone.decision-cited-already}, ... answer as before: an act
     * of one of them on a document another holds is refused with the citing kind's own refusal, not across kinds.
     */
    static final Set<DocumentKind> ONE_COLLECTION = Set.of(DocumentKind.ZONE_REGISTRATION_ACT, DocumentKind.ZONE_COURT_DECISION,
            DocumentKind.ZONE_REGISTRATION_FEE, DocumentKind.ZONE_DECISION, DocumentKind.LAND_FEE_EXEMPTION_DECISION);

    /**
     * Whether an act of kind {@code a} is not refused across kinds on a document an act of kind {@code b} holds: the same kind (its policy
     * decides), the Free Zone's kinds judged together ({@link #ONE_COLLECTION}: the citing kind's own refusal decides), or a pair of
     * {@link #SHARED} (shared within one record's papers where the citing kind is {@code ONE_ACT}).
     */
    public static boolean share(DocumentKind a, DocumentKind b) {
        return a == b || (ONE_COLLECTION.contains(a) && ONE_COLLECTION.contains(b)) || SHARED.containsKey(Set.of(a, b));
    }

    /**
     * Claims {@code sha256} for this command's act of {@code kind} by {@code claimant}: the record it grounds (e.g. {@code
     * permit:<application id>}; none for a kind whose acts share) and the company whose act it is (ADR 0057, session 27: the claim names it,
     * {@value #COMPANY}; a pair of {@link #SHARED_BY_ONE_COMPANY} passes on a claim naming the same company only). The one insert of a
     * claiming act. Another command's claim is judged by the kinds' policy ({@link #judge}): refused across kinds, refused by a
     * {@code ONE_ACT} kind's own rule, passed (shared, or left to the aggregate), or taken over when its command no longer holds it. Returns
     * whether this command holds the claim ({@code false}: no well-formed hash, the aggregate refuses it; or an act of a kind that shares it
     * holds it).
     */
    public boolean claim(String sha256, DocumentKind kind, Claimant claimant, String commandId, String field, String article, Instant at) {
        if (!DocumentRef.isSha256Hex(sha256)) {
            return false;
        }
        awaitBackfill();
        return RegistryWideClaim.take(claims, namingThePaper(claimOf(sha256.toLowerCase(Locale.ROOT), kind, claimant, commandId, at), kind, field),
                holder -> judge(holder, held(holder), kind, claimant, field, article), () -> refusal(null, field, article));
    }

    /** A document an act cites, with the field and article a refusal of it names. */
    public record Citation(String sha256, String field, String article) {
    }

    /**
     * A registry-wide claim of another key written in the same insert as an act's documents' claims (ADR 0070: the company's claim of ADR
     * 0031, {@code {_id: registration number, ...}}), with the judge of a claim another command holds and the refusal after three races lost.
     */
    public record Beside(Document claim, RegistryWideClaim.Judge judge, Supplier<RegistryProblem> gaveUp) {
    }

    /**
     * Claims each of an act's documents of one {@code kind} by {@code claimant} (ADR 0057, session 24: a permit application's documents)
     * and {@code beside} (ADR 0070: the company's claim; null for none) in <b>one</b> unordered insert of them all, so that an application pays
     * one round trip for its claims, not one each nor one per collection; a key already claimed (the insert's duplicate key) is then judged:
     * {@code beside} by its own judge, first (its refusal came first when it was a write of its own); a document as {@link #claim} judges it,
     * without a read when this node knows its claim is its kind's for good ({@link ClaimsHeldForGood}); such a claim is not written at all
     * (session 28, ADR 0070 item 9: its insert could only meet the duplicate key, a failed write on the server per such document and
     * a bulk write exception on the request thread, and pass). A refusal releases what this call took
     * (one delete) and is thrown. Answers the keys this command holds (the documents' lower-case SHA-256, and {@code beside}'s {@code _id}), for
     * {@link #release(java.util.Collection, String)} and {@link #stored}; a malformed hash is left to the act's rules.
     */
    public Set<String> claimTogether(List<Citation> documents, DocumentKind kind, Claimant claimant, String commandId, Instant at,
                                     Beside beside) {
        Map<String, Citation> cited = new java.util.LinkedHashMap<>();
        for (Citation d : documents) {
            if (d != null && DocumentRef.isSha256Hex(d.sha256())) {
                cited.putIfAbsent(d.sha256().toLowerCase(Locale.ROOT), d);
            }
        }
        if (cited.isEmpty() && beside == null) {
            return Set.of();
        }
        if (!cited.isEmpty()) {
            awaitBackfill();
        }
        List<String> keys = new java.util.ArrayList<>();
        List<Document> written = new java.util.ArrayList<>();
        String besideKey = beside == null ? null : String.valueOf(beside.claim().get("_id"));
        if (beside != null) {
            keys.add(besideKey);
            written.add(beside.claim());
        }
        // ADR 0070 item 9: the keys this node knows its kind's acts hold for good, which they share: not written, not judged (one set for both)
        // (session 28, F462: held for good by this company's acts; another company's claim is judged)
        String company = companyClaiming(claimant);
        Set<String> sharedForGood = cited.keySet().stream().filter(key -> heldForGood.sharedByItsKind(key, kind, cited.get(key).field(), company))
                .collect(java.util.stream.Collectors.toSet());
        cited.keySet().stream().filter(key -> !sharedForGood.contains(key)).forEach(key -> {
            keys.add(key);
            written.add(namingThePaper(claimOf(key, kind, claimant, commandId, at), kind, cited.get(key).field()));
        });
        Set<String> taken = new java.util.LinkedHashSet<>(keys);
        if (written.isEmpty()) {
            return taken; // every document held for good by its kind's acts, which share it: nothing to write, nothing to judge
        }
        try {
            claims.insertMany(written, new com.mongodb.client.model.InsertManyOptions().ordered(false));
            return taken;
        } catch (com.mongodb.MongoBulkWriteException e) {
            e.getWriteErrors().forEach(w -> taken.remove(keys.get(w.getIndex())));
            if (e.getWriteErrors().stream().anyMatch(w -> ErrorCategory.fromErrorCode(w.getCode()) != ErrorCategory.DUPLICATE_KEY)) {
                release(taken, commandId);
                throw e;
            }
        }
        try {
            if (beside != null && !taken.contains(besideKey) && RegistryWideClaim.take(claims, beside.claim(), beside.judge(), beside.gaveUp())) {
                taken.add(besideKey);
            }
            judgeTheHeld(cited.keySet().stream().filter(k -> !taken.contains(k) && !sharedForGood.contains(k)).toList(), cited, kind,
                    claimant, commandId, at, taken);
        } catch (RuntimeException refused) {
            release(taken, commandId);
            throw refused;
        }
        return taken;
    }

    /**
     * The act that claimed {@code keys} as {@code kind} is stored (ADR 0070): its documents' claims are its kind's for good (a stored act's
     * command stays in the command log, and only a refused command releases its claims), so a later act of the kind on one of them passes
     * on the insert's duplicate key without reading the claim, where the kind's acts share it whoever holds it; within one company only for a
     * kind {@link DocumentKind#sharedWithinOneCompany} (session 28, F462: {@code claimant}'s company is remembered with the kind).
     */
    public void stored(java.util.Collection<String> keys, DocumentKind kind, Claimant claimant) {
        String company = companyClaiming(claimant);
        keys.stream().filter(DocumentRef::isSha256Hex).forEach(key -> heldForGood.remember(key, kind, company, null));
    }

    /** Releases this command's claims of {@code keys} (the command was refused: nothing was stored), in one delete. */
    public void release(java.util.Collection<String> keys, String commandId) {
        if (!keys.isEmpty()) {
            claims.deleteMany(Filters.and(Filters.in("_id", keys), Filters.eq("commandId", commandId)));
        }
    }

    // the documents claimed already: their claims read in one find, the commands holding them in one more (not one of each per document:
    // an application naming the papers of an earlier one pays three round trips, not three per paper); a held claim is judged as claim()
    // judges it, and one that is this command's, released meanwhile or no longer held goes through claim() itself
    private void judgeTheHeld(List<String> claimed, Map<String, Citation> cited, DocumentKind kind, Claimant claimant, String commandId,
                              Instant at, Set<String> taken) {
        if (claimed.isEmpty()) {
            return;
        }
        Map<String, Document> holders = new java.util.HashMap<>();
        claims.find(Filters.in("_id", claimed)).forEach(holder -> holders.put(holder.getString("_id"), holder));
        // ADR 0070: the holders of the citing kind's claims are asked too, in the same read, so that a claim whose act is stored is known
        // for good and never read again on this node (their verdict does not depend on it: judge's second case)
        Map<String, String> logged = commandLog.states(holders.values().stream().map(h -> h.getString("commandId"))
                .filter(c -> c != null && !c.startsWith(BACKFILL)).distinct().toList());
        for (String key : claimed) {
            Citation d = cited.get(key);
            Document holder = holders.get(key);
            String command = holder == null ? null : holder.getString("commandId");
            boolean held = command != null && (command.startsWith(BACKFILL) || logged.containsKey(command) || sharedByItsKind(holder, kind, claimant,
                    d.field()));
            if (command != null && (command.startsWith(BACKFILL) || "done".equals(logged.get(command)))) {
                DocumentKind.ofCode(holder.getString("kind")).ifPresent(holding -> heldForGood.remember(key, holding, companyHolding(holder),
                        holder.getString(PAPER)));
            }
            if (held && !commandId.equals(command) && judge(holder, true, kind, claimant, d.field(), d.article()) == RegistryWideClaim.Verdict.PASS) {
                continue;
            }
            if (claim(key, kind, claimant, commandId, d.field(), d.article(), at)) {
                taken.add(key);
            }
        }
    }

    // a claim of the citing kind, which its acts share whoever holds it (judge's second case): whether its command still holds it changes
    // nothing for this act (a stale claim of the kind is taken over by the first act of another kind, which asks), so the command log is not
    // read for it: applications naming the same papers pay two round trips, not three. Not another company's paper of a kind shared within
    // one company (session 28, F462): its claim, held, refuses the act; stale, it is taken over, so whether it is held is asked
    private static boolean sharedByItsKind(Document holder, DocumentKind kind, Claimant claimant, String field) {
        return holder != null && kind.code().equals(holder.getString("kind")) && !kind.acts().namesItsGrounds()
                && !anotherCompanysPaper(kind, field, companyClaiming(claimant), companyHolding(holder), holder.getString(PAPER));
    }

    /**
     * What an act of {@code kind} grounding {@code grounds} does with the document another command's claim holds (ADR 0057, sessions 19
     * and 20):
     * <ol>
     * <li>a claim whose command no longer holds it (refused, its release lost in a stop) is taken over;</li>
     * <li>the same kind, {@code MANY_ACTS}: its acts share it; within one company only for a kind {@link DocumentKind#sharedWithinOneCompany}
     * (session 28, F462: two companies both named are refused with the kind's own code; session 29, F508: a Free Zone application's papers,
     * the entity read from the grounds, save a paper named where {@link DocumentKind.Companies#namedBySeveral} says);</li>
     * <li>the same {@code ONE_ACT}, {@code ONE_GROUNDS} or {@code ONE_ENTITY} kind, or a Free Zone kind judged with the holder's
     * ({@link #ONE_COLLECTION}): an act on the same grounds passes to its aggregate where the kind leaves it so (a {@code ONE_GROUNDS}
     * kind always does), as does one of a {@code ONE_ENTITY} kind on another registration of the entity its own kind's claim names, and
     * one of a kind of {@link #ONE_ACT_ON_EACH_RECORD_OF_ONE_COMPANY} on another permit of the company the claim names (session 29, F510);
     * else the citing kind's own refusal (its code, field and article);</li>
     * <li>a Free Zone kind judged with its own, on its own registration's application document (ADR 0035 item 73): passes to its
     * aggregate (F48);</li>
     * <li>a pair of kinds that lawfully shares ({@link #SHARED}) passes, unless the act is of a kind that names its grounds and the holder
     * grounds another act of the same register (another permit's insurance as this permit's contract: the pair shares one permit's
     * papers), or the two claims name two companies (session 27, F450: a Free Zone registration's grounds name its entity);</li>
     * <li>a pair of one company's papers ({@link #SHARED_BY_ONE_COMPANY}) passes when both name the same company (session 27, F449);</li>
     * <li>any other kind: refused, naming the kind that holds it.</li>
     * </ol>
     */
    private RegistryWideClaim.Verdict judge(Document holder, boolean holderHeld, DocumentKind kind, Claimant claimant, String field,
                                            String article) {
        String grounds = claimant.grounds();
        String company = claimant.company();
        if (!holderHeld) {
            return RegistryWideClaim.Verdict.TAKE_OVER;
        }
        DocumentKind holding = DocumentKind.ofCode(holder.getString("kind")).orElseThrow(() -> refusal(null, field, article));
        String holders = holder.getString(GROUNDS);
        if (holding == kind && !kind.acts().namesItsGrounds()) {
            if (anotherCompanysPaper(kind, field, companyClaiming(claimant), companyHolding(holder), holder.getString(PAPER))) {
                throw anotherCompanysPaperRefusal(kind, field, article);
            }
            orderConcernsThePersonsOfTheAct(holder, claimant, field, article);
            return RegistryWideClaim.Verdict.PASS;
        }
        if (holding == kind || (ONE_COLLECTION.contains(kind) && ONE_COLLECTION.contains(holding))) {
            if (kind.acts().leavesTheSameGroundsToTheAggregate() && (Grounds.covers(holders, grounds) || sharedByTheEntity(kind, holding, holders, grounds))) {
                return RegistryWideClaim.Verdict.PASS;
            }
            if (anotherRecordOfTheSameCompany(kind, holding, grounds, company, holder)) {
                return RegistryWideClaim.Verdict.PASS; // its aggregate refuses a second act on one record (F452: the permit's reported documents)
            }
            if (grounds != null && holders != null && !grounds.equals(holders) && Grounds.record(grounds).equals(Grounds.record(holders))) {
                throw Grounds.anotherArticle(field, article, holders); // one permit's letter, a duty of another article (O129)
            }
            throw kind.acts().refusal().problem(article, holders);
        }
        if (leftToTheRegistration(kind, holding, holders, grounds)) {
            return RegistryWideClaim.Verdict.PASS;
        }
        Set<DocumentKind> pair = Set.of(kind, holding);
        if (SHARED.containsKey(pair) && !(kind.acts().namesItsGrounds() && groundsAnotherOfTheSameRegister(grounds, holders, SHARED.get(pair)))
                && !twoCompanies(companyOf(company, grounds), companyOf(holder.getString(COMPANY), holders))) {
            return RegistryWideClaim.Verdict.PASS;
        }
        if (SHARED_BY_ONE_COMPANY.containsKey(pair) && oneCompany(companyOf(company, grounds), companyOf(holder.getString(COMPANY), holders))) {
            return RegistryWideClaim.Verdict.PASS;
        }
        if (SHARED.containsKey(pair) && anotherCompanysPaper(holding, field, companyOf(company, grounds), companyOf(holder.getString(COMPANY), holders), holder.getString(PAPER))) {
            throw anotherCompanysPaperRefusal(holding, field, article); // ADR 0061 item 44 (F503, was O291)
        }
        throw refusal(holding, field, article);
    }

    /** The claim's field naming the company whose act it is (ADR 0057, session 27): its state registration number, seven ASCII digits. */
    static final String COMPANY = "company";

    /**
     * The claim's field naming the persons its first identity act stated the order concerns (ADR 0061 item 45; abuse audit F504, was O314):
     * person ids, the act's own person among them; absent on the claims of other kinds and of identity acts stored before session 29.
     */
    static final String CONCERNS = "concerns";

    /**
     * 001 art. 23.1.1 (choice, the lead's reading, ADR 0061 item 45; abuse audit F504, was O314): an identity order concerns the persons its
     * first citation stated (the citing official's signed statement, kept in the signed command and on the claim); a later identity act
     * citing it for a person it was not stated to concern is refused (409 {@code identity.order-concerns-other-persons}), so a supervisor
     * does not revoke a reviewer's certificate, or end their role, on another official's dismissal order. One order naming several officials
     * is cited for each once its first citation stated them all. A claim stating none (stored before session 29) is not known and passes as
     * before. The refusal names neither the persons stated nor the act that stated them.
     */
    @SuppressWarnings("unchecked")
    static void orderConcernsThePersonsOfTheAct(Document holder, Claimant claimant, String field, String article) {
        java.util.List<String> stated = (java.util.List<String>) holder.get(CONCERNS, java.util.List.class);
        if (stated == null || claimant.concerns() == null || stated.containsAll(claimant.concerns())) {
            return;
        }
        throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "identity.order-concerns-other-persons", "This document was first cited, by "
                + "a signed act, as an order concerning other persons than " + String.join(", ", claimant.concerns().stream()
                .filter(person -> !stated.contains(person)).toList()) + "; an act concerning a person rests on a document stated, at its "
                + "first citation, to concern them (an order naming several officials states them all when first cited).", field,
                article == null ? "001 art. 23.1.1" : article);
    }

    /**
     * The company an act (or a claim) names: the company it names itself ({@value #COMPANY}), else the legal entity of the Free Zone
     * registration its grounds name (a Mongolian entity's registration number is its state registration number, 003 art. 12.1, ADR 0046
     * item 110; a foreign entity's is {@code entity:<its key>}, which no permit's company is, 002 art. 23.2); null when neither is known.
     */
    static String companyOf(String company, String grounds) {
        if (company != null) {
            return company;
        }
        String entity = Grounds.entity(grounds);
        if (entity == null || entity.isEmpty()) {
            return null;
        }
        return entity.matches("mn-[0-9]{7}") ? entity.substring(3) : "entity:" + entity;
    }

    /** The company an act claims for, as {@link #companyOf} reads it from the claimant's company or grounds. */
    static String companyClaiming(Claimant claimant) {
        return companyOf(claimant.company(), claimant.grounds());
    }

    /** The company a claim holds for, as {@link #companyOf} reads it from the claim's company or grounds. */
    static String companyHolding(Document claim) {
        return companyOf(claim.getString(COMPANY), claim.getString(GROUNDS));
    }

    // ADR 0057 session 27 (abuse audit F450, was O218): a pair that shares papers never shares them between two companies both named
    private static boolean twoCompanies(String citing, String holding) {
        return citing != null && holding != null && !citing.equals(holding);
    }

    // ADR 0057 item 8 (F462, was O290; 002 art. 25.1.1) and item 13 (F508, was O302; 003 art. 12.1.1): an act of a kind shared within one
    // company, on a paper its kind's claim holds for another company, both named, unless the act names it in a field several companies share
    // as the paper the claim's holder named it as (item 17, F509; holdersPaper: the claim's PAPER, null when not known)
    static boolean anotherCompanysPaper(DocumentKind kind, String field, String citing, String holding, String holdersPaper) {
        return kind.sharedWithinOneCompany() && !kind.sharedAsThePaperItsHolderNamed(field, holdersPaper)
                && twoCompanies(citing, holding);
    }

    /**
     * The claim's field naming the paper its holder named the document as (ADR 0057 item 17, session 29; abuse audit F509, was O355): the
     * citing act's field ({@code documents.POWER_OF_ATTORNEY}), written on the claims of a kind several companies may name a paper of only
     * ({@link DocumentKind#namesThePaper}), by the act that claims the document (or takes a stale claim over). A claim written before
     * session 29 names none: not known.
     */
    static final String PAPER = "paper";

    // ADR 0057 item 17 (F509, was O355; 003 art. 12.1.2): the claim names the paper (the citing field) of a kind several companies may name
    private static Document namingThePaper(Document claim, DocumentKind kind, String field) {
        return kind.namesThePaper(field) ? claim.append(PAPER, field) : claim;
    }

    // the refusal names the kind and the article of the act refused, never the company, the application or the person holding it (as refusal())
    static RegistryProblem anotherCompanysPaperRefusal(DocumentKind kind, String field, String article) {
        String whose = kind.english().startsWith("a document of a ") ? kind.english().replaceFirst("^a document of a ", "a document of another company's ")
                : kind.english() + ", another company's";
        return new RegistryProblem(RegistryProblem.Kind.CONFLICT, kind.companies().refusalCode(), "This document is cited already as "
                + whose + "; " + article
                + " asks each company for papers of its own.", field, article);
    }

    // ADR 0057 session 27 (F449, was O234): a pair of one company's papers passes when both name the same company; a claim naming none
    // (stored before session 27) is refused across kinds as before
    private static boolean oneCompany(String citing, String holding) {
        return citing != null && citing.equals(holding);
    }

    /**
     * The {@code ONE_ACT} kinds whose document grounds one act on each record of one company (ADR 0057 item 14, the lead's reading, a
     * choice; abuse audit F510, was O296): a change of the company (its registered address, its director) concerns every permit it holds,
     * and each permit's record is kept current (002 art. 20.3.3), so one paper shows that change to each of the company's permits, once per
     * permit: the kind's act on another permit passes when both claims name the same company; the permit refuses a second report on it
     * ({@code PermitApplication.aChangeIsReportedOnceOnItsDocument}, F452); another company's, or a claim naming none, is refused with the
     * kind's own code as before.
     */
    static final Map<DocumentKind, String> ONE_ACT_ON_EACH_RECORD_OF_ONE_COMPANY = Map.of(DocumentKind.CHANGE_REPORT, "002 art. 20.3.3");

    // ADR 0057 item 14 (F510, was O296; 002 art. 20.3.3): the kind's act on another permit (permit:<id>) than the claim's, both claims
    // naming the same company
    private static boolean anotherRecordOfTheSameCompany(DocumentKind kind, DocumentKind holding, String grounds, String company, Document holder) {
        String holders = holder.getString(GROUNDS);
        if (kind != holding || !ONE_ACT_ON_EACH_RECORD_OF_ONE_COMPANY.containsKey(kind) || grounds == null || holders == null) {
            return false;
        }
        String permit = Grounds.PERMIT.of("");
        String record = Grounds.record(grounds);
        String holdersRecord = Grounds.record(holders);
        return record.startsWith(permit) && holdersRecord.startsWith(permit) && !record.equals(holdersRecord)
                && oneCompany(companyOf(company, grounds), companyOf(holder.getString(COMPANY), holders));
    }

    // ADR 0035 item 62 (abuse audit F272, was O151): a court dissolves the legal entity, so its decision, claimed by the entity's registration
    // in one zone, is the document of the same act on its registration in another; never of another entity's, nor of another kind's act
    private static boolean sharedByTheEntity(DocumentKind kind, DocumentKind holding, String holders, String grounds) {
        return kind == holding && kind.acts().policy() == DocumentKind.Policy.ONE_ENTITY && Grounds.entity(grounds) != null
                && Grounds.entity(grounds).equals(Grounds.entity(holders));
    }

    // ADR 0035 item 73 (abuse audit F356, was O197): an application's document is the record of no act of another kind; the same
    // registration's act citing it (its claim names the registration of the application that named it first) is left to its aggregate,
    // whose F48 rule answers (freezone.document-cited-already), as before the claim
    private static boolean leftToTheRegistration(DocumentKind kind, DocumentKind holding, String holders, String grounds) {
        return holding == DocumentKind.ZONE_APPLICATION_DOCUMENT && ONE_COLLECTION.contains(kind) && Grounds.covers(holders, grounds);
    }

    // "permit:<id>" and "permit:<other id>": two acts of one register (its prefix), on two of its records; or (session 21, O129) one
    // record's papers of which one names an article other than the one the pair shares under ("permit:<id>#002 art. 27.7", the notice to
    // the certificate holders, is not the hand-over's receipt of 29.3). A claim naming the record alone grounds it under every article
    private static boolean groundsAnotherOfTheSameRegister(String grounds, String holders, String pairsArticles) {
        if (grounds == null || holders == null) {
            return false;
        }
        String record = Grounds.record(grounds);
        String holdersRecord = Grounds.record(holders);
        if (!record.equals(holdersRecord)) {
            return record.substring(0, record.indexOf(':') + 1).equals(holdersRecord.substring(0, holdersRecord.indexOf(':') + 1));
        }
        return !Grounds.under(grounds, pairsArticles) || !Grounds.under(holders, pairsArticles);
    }

    /**
     * After an act stored on a document it did not claim (one of its kind, or of a sharing kind, held it): keeps the document claimed
     * under this act should the holder's claim be released afterwards. It takes the claim over from an act of its own kind (whose claim
     * it passed on: that act is refused, or shares it) and from a holder no longer held; it leaves another kind's held claim (a sharing
     * pair's, judged on its own), save a Free Zone kind judged with its own ({@link #ONE_COLLECTION}: since session 22 the court's decision
     * is a kind of its own). One read when the act holds it already; else the one loop ({@link RegistryWideClaim#take}).
     */
    public void adopt(String sha256, DocumentKind kind, Claimant claimant, String commandId, Instant at) {
        if (!DocumentRef.isSha256Hex(sha256)) {
            return;
        }
        String key = sha256.toLowerCase(Locale.ROOT);
        Document current = claims.find(Filters.eq("_id", key)).first();
        if (current != null && commandId.equals(current.getString("commandId"))) {
            return; // its own claim (an act whose claim the aggregate took: one read)
        }
        // a claim of its kind naming the permit alone (stored before session 21) keeps its grounds: the letter stays the permit's for every duty
        String kept = current != null && kind.code().equals(current.getString("kind"))
                && Grounds.covers(current.getString(GROUNDS), claimant.grounds()) ? current.getString(GROUNDS) : claimant.grounds();
        // ADR 0061 item 44 (F503): an act of the kind naming no company keeps the company the claim names (an end of a representative's role
        // on the company's paper leaves it the company's)
        boolean itsKinds = current != null && kind.code().equals(current.getString("kind"));
        String company = claimant.company() == null && itsKinds ? current.getString(COMPANY) : claimant.company();
        // ADR 0061 item 45 (F504): the persons the order's first citation stated stay stated (a later act of the kind only passed on them)
        @SuppressWarnings("unchecked")
        java.util.List<String> concerns = itsKinds && current.containsKey(CONCERNS) ? (java.util.List<String>) current.get(CONCERNS, java.util.List.class)
                : itsKinds ? null : claimant.concerns();
        try {
            RegistryWideClaim.take(claims, claimOf(key, kind, new Claimant(kept, company, concerns), commandId, at),
                    holder -> judgedWithItsOwn(kind, holder.getString("kind")) || !held(holder) ? RegistryWideClaim.Verdict.TAKE_OVER
                            : RegistryWideClaim.Verdict.PASS, () -> refusal(null, null, null));
        } catch (mn.registry.kernel.problem.RegistryProblem racedThreeTimes) {
            // three races lost to acts of its kind: one of them holds it for the kind
        }
    }

    // the holder's claim passed this act on to its aggregate under the act's own rule: its kind, or (session 22, ADR 0035 item 62: a court's
    // decision on a document an act of its registration holds, each refused by the other in the one stream) a Free Zone kind judged with it
    private static boolean judgedWithItsOwn(DocumentKind kind, String holdersKind) {
        return DocumentKind.ofCode(holdersKind).filter(holding -> holding == kind || (ONE_COLLECTION.contains(kind) && ONE_COLLECTION.contains(holding)))
                .isPresent();
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
    public <T> T claimedFor(String sha256, DocumentKind kind, Claimant claimant, CommandContext context, String field, String article,
                            Supplier<T> act) {
        boolean holds = claim(sha256, kind, claimant, context.commandId(), field, article, context.receivedAt());
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
            adopt(sha256, kind, claimant, context.commandId(), context.receivedAt());
        }
        return answer;
    }

    /**
     * ADR 0061 item 60 (O351 in part; 001 art. 23.1.1): the persons a held claim states its identity order concerns, as its first citation
     * stated them (item 45, 55), for the staff's list of a person's stored acts; empty where the claim states none ("not known") or none holds.
     */
    @SuppressWarnings("unchecked")
    public Optional<List<String>> statedConcerns(String sha256) {
        return heldClaim(sha256).map(holder -> (List<String>) holder.get(CONCERNS, List.class));
    }

    /**
     * The kind of the claim stored for the document (ADR 0057), held or not, in one read of its {@code kind} alone; empty if no act claimed it
     * (or the name is no SHA-256). What the documents' readers judge a Free Zone paper by (F587; session 32's review: the readers asked the
     * collection themselves).
     */
    public Optional<String> kindOf(String sha256) {
        if (!DocumentRef.isSha256Hex(sha256)) {
            return Optional.empty();
        }
        Document claim = claims.find(Filters.eq("_id", sha256.toLowerCase(Locale.ROOT))).projection(com.mongodb.client.model.Projections.include("kind"))
                .first();
        return claim == null ? Optional.empty() : Optional.ofNullable(claim.getString("kind"));
    }

    /** The kind that holds the document now, if a held claim names one (tests and the backfill's check). */
    public Optional<DocumentKind> holder(String sha256) {
        return heldClaim(sha256).flatMap(holder -> DocumentKind.ofCode(holder.getString("kind")));
    }

    /** The grounds a held claim of {@code kind} names for the document, if one holds it (ADR 0035 item 64: whose court decision it is). */
    public Optional<String> grounds(String sha256, DocumentKind kind) {
        return heldClaim(sha256).filter(holder -> kind.code().equals(holder.getString("kind"))).map(holder -> holder.getString(GROUNDS));
    }

    /**
     * Which of these documents a held claim holds, in one read of the claims ({@code $in} on {@code _id}; ADR 0035 item 77: the governor's desk
     * asked each document's claim one by one); a claim found is held as {@link #holder} judges it.
     */
    public java.util.Set<String> heldAmong(java.util.Collection<String> sha256s) {
        List<String> keys = sha256s.stream().filter(DocumentRef::isSha256Hex).map(sha256 -> sha256.toLowerCase(Locale.ROOT)).distinct().toList();
        if (keys.isEmpty()) {
            return java.util.Set.of();
        }
        java.util.Set<String> held = new java.util.HashSet<>();
        for (Document claim : claims.find(Filters.in("_id", keys))) {
            if (held(claim)) {
                held.add(claim.getString("_id"));
            }
        }
        return held;
    }

    private Optional<Document> heldClaim(String sha256) {
        if (!DocumentRef.isSha256Hex(sha256)) {
            return Optional.empty();
        }
        return Optional.ofNullable(claims.find(Filters.eq("_id", sha256.toLowerCase(Locale.ROOT))).first()).filter(this::held);
    }

    void backfillDone() {
        backfilled.done();
    }

    MongoCollection<Document> collection() {
        return claims;
    }

    private boolean held(Document holder) {
        String command = holder.getString("commandId");
        return command != null && (command.startsWith(BACKFILL) || commandLog.find(command).isPresent());
    }

    /**
     * The records whose acts a {@code ONE_ACT} kind's document grounds, as a claim names one ({@value #GROUNDS}: {@code <register>:<id>}):
     * two claims of one register on two records ground two acts; of the same record, one aggregate's acts (left to it where the kind says).
     */
    public enum Grounds {
        /** A permit (its application's id): the permit acts of 002. */
        PERMIT("permit"),
        /**
         * A Free Zone registration (its stream): its agreement, start of operations, interruption, resumption, court decision and fee
         * receipt (003 art. 12); a court decision's is shared by the registrations of the entity it names (ADR 0035 item 62).
         */
        REGISTRATION("registration"),
        /** A Free Zone (its id): its opening or closure (003 art. 6.4). */
        ZONE("zone"),
        /** A land licence ({@code <licence> in zone <zone>}): the fee its holder reports paid (003 art. 22.5). */
        LICENCE("licence"),
        /** An application for land use (its id, which names its zone): the result of the tender or auction that selected it (003 art. 22.4, F541). */
        APPLICATION("application");

        private final String prefix;

        Grounds(String prefix) {
            this.prefix = prefix;
        }

        /**
         * The legal entity a registration's grounds name ({@code registration:fz-registration-<zone>:<entity>}: its key, jurisdiction or
         * country and registration number, as {@code RegistrationId} writes it after the zone); null for other grounds (ADR 0035 item 62).
         */
        static String entity(String grounds) {
            return grounds == null || !grounds.startsWith(REGISTRATION.prefix + ":") ? null : grounds.substring(grounds.lastIndexOf(':') + 1);
        }

        /** The grounds naming land licence {@code licence} of zone {@code zone} (a reported land fee's receipt). */
        public static String licence(String licence, String zone) {
            return licence == null || zone == null ? null : LICENCE.of(licence + " in zone " + zone);
        }

        /** The grounds naming record {@code id} of this register; null for none. */
        public String of(String id) {
            return id == null ? null : prefix + ":" + id;
        }

        /**
         * The grounds naming record {@code id} of this register under {@code article} (session 21, was O129: a duty's letter grounds one
         * permit's duties of one article, {@code permit:<id>#002 art. 27.7}, since 27.7, 28.3 and 29.3 each ask for a paper of its own);
         * null for none.
         */
        public String of(String id, String article) {
            return id == null ? null : article == null ? of(id) : of(id) + "#" + article;
        }

        /** The refusal of a letter of one permit's duty of one article cited for its duty of another (session 21, was O129). */
        static final String ANOTHER_ARTICLE_CODE = "document.evidences-a-duty-of-another-article";

        static mn.registry.kernel.problem.RegistryProblem anotherArticle(String field, String article, String holders) {
            return new mn.registry.kernel.problem.RegistryProblem(mn.registry.kernel.problem.RegistryProblem.Kind.CONFLICT, ANOTHER_ARTICLE_CODE,
                    "This document is the evidence of this permit's duty under " + article(holders) + " already; " + article
                            + " asks for a paper of its own.", field, article);
        }

        /** The record of grounds, without the article a duty's letter names ({@code permit:<id>}). */
        static String record(String grounds) {
            int article = grounds.indexOf('#');
            return article < 0 ? grounds : grounds.substring(0, article);
        }

        /** The article grounds name, null when they name the record alone. */
        static String article(String grounds) {
            int article = grounds.indexOf('#');
            return article < 0 ? null : grounds.substring(article + 1);
        }

        /** Whether the grounds name no article, or {@code article}. */
        static boolean under(String grounds, String article) {
            return article(grounds) == null || article(grounds).equals(article);
        }

        /**
         * Whether a claim naming {@code holders} grounds an act naming {@code grounds}: the same grounds, or (a claim stored before session
         * 21 named the permit alone, {@code permit:<id>}, for every duty of it) the record alone, honoured as it was, for every article.
         * Since session 22 (F280) the start-up pass has named the stored duty's article on each such claim ({@link DutyLetterArticles}): the
         * record alone is left only on a letter two articles' stored duties share (abuse audit O171), or one no stored duty holds.
         */
        static boolean covers(String holders, String grounds) {
            return grounds != null && holders != null && (grounds.equals(holders) || (article(holders) == null && record(grounds).equals(holders)));
        }
    }

    /** The claim's field naming the act a {@code ONE_ACT} kind's document grounds ({@code permit:<application id>}). */
    static final String GROUNDS = "grounds";

    static Document claimOf(String key, DocumentKind kind, Claimant claimant, String commandId, Instant at) {
        Document claim = new Document("_id", key).append("kind", kind.code()).append("commandId", commandId).append("claimedAt", at.toString());
        if (claimant.grounds() != null) {
            claim.append(GROUNDS, claimant.grounds());
        }
        if (claimant.concerns() != null) {
            claim.append(CONCERNS, claimant.concerns());
        }
        return claimant.company() == null ? claim : claim.append(COMPANY, claimant.company());
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
        // the code (and its messages) of the company claims' backfill, written as CompanyPermitClaimsBackfill writes it
        backfilled.await(() -> new mn.registry.kernel.problem.RegistryProblem(mn.registry.kernel.problem.RegistryProblem.Kind.UNAVAILABLE,
                "registry.claims-not-ready", "The registry is still claiming the documents of acts stored before ADR 0057; retry in a minute.",
                null, null));
    }
}
